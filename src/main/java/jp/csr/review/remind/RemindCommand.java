package jp.csr.review.remind;

import java.util.Optional;

import jp.csr.review.console.ExitCode;
import jp.csr.review.lock.RunLock;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code remind [--dry-run]} (PRODUCT.md §9), from the command line and the daemon. Under the run lock: a
 * consolidation loading a department's file right now must not be answered with "not submitted".
 */
@Component
public class RemindCommand {

	private static final Logger log = LoggerFactory.getLogger(RemindCommand.class);

	private final ConfiguredPlan configuredPlan;

	private final Reminders reminders;

	private final RunLock lock;

	RemindCommand(ConfiguredPlan configuredPlan, Reminders reminders, RunLock lock) {
		this.configuredPlan = configuredPlan;
		this.reminders = reminders;
		this.lock = lock;
	}

	public ExitCode run(boolean dryRun) {
		Optional<Plan> plan = configuredPlan.read();
		if (plan.isEmpty()) {
			return ExitCode.USAGE;
		}
		return lock.holding("集計の実行中です ({})。終わってからリマインドしてください",
				() -> switch (reminders.remind(plan.get(), dryRun)) {
					case SENT -> ExitCode.OK;
					case SOME_FAILED -> ExitCode.NOT_ALL_SENT;
					case SERVER_DOWN -> ExitCode.FAILED;
					case NOT_CONFIGURED -> ExitCode.USAGE;
				});
	}

}
