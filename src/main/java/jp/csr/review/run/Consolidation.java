package jp.csr.review.run;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.console.ExitCode;
import jp.csr.review.daemon.Daemon;
import jp.csr.review.lock.RunLock;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.store.StoreUpkeep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts the consolidation job under the run lock, and turns its end into an exit code
 * and the console lines an admin reads. Whatever happens inside, a run never stays STARTED or UNKNOWN
 * in the store once this returns (see {@link Executions#settleDead}).
 */
@Component
public class Consolidation {

	private static final Logger log = LoggerFactory.getLogger(Consolidation.class);

	private final ReviewProperties properties;

	private final JobOperator operator;

	private final JobRepository repository;

	private final Job job;

	private final RunReport report;

	private final Executions executions;

	private final LiveExecution live;

	private final ConfiguredPlan plan;

	private final StoreUpkeep upkeep;

	private final RunLock lock;

	private final RestartSettings restartSettings;

	/** Set while this process holds the run lock (only then are running executions ours). */
	private volatile boolean holding;

	/** Set by the daemon on shutdown: no run starts any more. */
	private volatile boolean closing;

	Consolidation(ReviewProperties properties, JobOperator operator, JobRepository repository, Job job,
			RunReport report, Executions executions, LiveExecution live, ConfiguredPlan plan, StoreUpkeep upkeep,
			RunLock lock, RestartSettings restartSettings) {
		this.properties = properties;
		this.operator = operator;
		this.repository = repository;
		this.job = job;
		this.report = report;
		this.executions = executions;
		this.live = live;
		this.plan = plan;
		this.upkeep = upkeep;
		this.lock = lock;
		this.restartSettings = restartSettings;
	}

	/** A new run; it keeps the settings that decide what it does in its parameters ({@link RunSettings}). */
	public ExitCode run() {
		if (!usable(properties)) {
			return ExitCode.USAGE;
		}
		return underLock(() -> operator.start(job,
				RunSettings.parameters(properties).addLong("run.id", System.currentTimeMillis()).toJobParameters()));
	}

	/**
	 * The plan and the input folder a run needs: without them it is a configuration problem (PRODUCT.md §7:
	 * exit 2), said before any job starts, not a failed run to restart.
	 */
	private boolean usable(ReviewProperties settings) {
		if (plan.read(settings.plan()).isEmpty()) {
			return false;
		}
		if (!Files.isDirectory(settings.inputDir())) {
			log.error("入力フォルダ {} がありません (review.input-dir)。フォルダの場所と設定を確かめてください",
					settings.inputDir().toAbsolutePath());
			return false;
		}
		return true;
	}

	/**
	 * Restarts the given execution, or the latest run if it failed or stopped. Only the newest run can be
	 * restarted: a later run has already taken the files an older one left pending.
	 */
	public ExitCode restart(Long executionId) {
		return underLock(() -> {
			JobInstance newest = newestInstance().orElse(null);
			JobExecution target = executionId != null ? repository.getJobExecution(executionId)
					: newest == null ? null : repository.getLastJobExecution(newest);
			if (target == null) {
				log.error(executionId != null ? "実行 " + executionId + " は見つかりません" : "再開できる実行はありません");
				throw new Refused();
			}
			BatchStatus status = target.getStatus();
			if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
				log.error("実行 {} は{}のため再開できません (再開できるのは失敗または停止した実行のみ)", target.getId(),
						StepWords.state(status.name()));
				throw new Refused();
			}
			if (newest != null && target.getJobInstanceId() != newest.getInstanceId()) {
				log.error("実行 {} より後の実行があります。再開ではなく {} を実行してください", target.getId(), report.runCommand());
				throw new Refused();
			}
			// the run's own settings, whatever this command line says, but for the paths of another host's run
			Optional<JobParameters> parameters = restartSettings.decide(target);
			if (parameters.isEmpty() || !usable(RunSettings.of(properties, parameters.get()))) {
				throw new Refused();
			}
			log.info("実行 {} を再開します (完了済みのステップは実行しません)", target.getId());
			// the same identifying parameters: Batch resumes that run, with the paths and host this restart recorded
			return operator.start(job, parameters.get());
		});
	}

	private Optional<JobInstance> newestInstance() {
		List<JobInstance> instances = repository.getJobInstances(job.getName(), 0, 1);
		return instances.stream().findFirst();
	}

	/** The command that resumes a run, as the admin types it (it names the store when it is not the default). */
	public String restartCommand(long executionId) {
		return report.restartCommand(executionId);
	}

	/** True while this process runs the job (the daemon asks before stopping anything). */
	public boolean running() {
		return holding;
	}

	/**
	 * Daemon shutdown: no new run starts, and the one in progress in this process is asked to stop
	 * after its current chunk (see {@link LiveExecution}). Returns the execution asked to stop.
	 */
	public Optional<Long> stopRunning() {
		closing = true;
		Optional<JobExecution> running = live.current();
		return running.isPresent() && live.stop() ? Optional.of(running.get().getId()) : Optional.empty();
	}

	private interface Work {

		public JobExecution run() throws Exception;

	}

	/** A command refused before any job started: usage (exit 2). The reason was logged. */
	private static final class Refused extends RuntimeException {

		Refused() {
			super(null, null, false, false);
		}

	}

	private ExitCode underLock(Work work) {
		return lock.holding("別の実行が進行中です ({})。終わるのを待ってから実行してください", () -> whileLocked(work));
	}

	/** The run, holding the lock: whatever happens, the execution is left settled and the exit code says how. */
	private ExitCode whileLocked(Work work) {
		try {
			holding = true;
			if (closing) {
				log.info("停止中のため実行しません");
				return ExitCode.FAILED;
			}
			// holding the run lock proves that no other run is alive: what is still marked running died
			executions.settleDead(job.getName(), "プロセスが停止していました (kill、電源断など)").forEach(id -> log.warn(
					"実行 {} は異常終了していました (プロセスが停止)。FAILED として記録しました (再開可能)", id));
			JobExecution execution;
			try {
				execution = work.run();
			}
			catch (Refused ex) {
				return ExitCode.USAGE;
			}
			catch (Exception ex) {
				// the job could not start or its repository failed (SQLITE_BUSY beyond busy_timeout, say)
				log.debug("run failed", ex);
				List<Long> left = executions.settleDead(job.getName(), RunReport.rootMessage(ex));
				// a job that started here is reported as such (its step, its restart command) even when the store
				// could not record its end: the database gone mid-run leaves nothing settled
				Optional<JobExecution> started = live.last().filter(e -> left.contains(e.getId()) || e.getStatus().isRunning()
						|| e.getStatus() == BatchStatus.UNKNOWN);
				if (started.isEmpty()) {
					log.error("実行できませんでした: {}", RunReport.rootMessage(ex));
					left.forEach(id -> log.error("原因を取り除いてから再開してください: {}", report.restartCommand(id)));
					return ExitCode.FAILED;
				}
				started.get().setStatus(BatchStatus.FAILED);
				return report.failed(started.get(), ex);
			}
			// the job ended, but its last status may not have reached the store (SQLITE_BUSY at the end
			// leaves it STARTED, or UNKNOWN): record it as failed, restartable
			if (!executions.settleDead(job.getName(), "終了時の状態を記録できませんでした").isEmpty()
					|| execution.getStatus() == BatchStatus.UNKNOWN || execution.getStatus().isRunning()) {
				execution.setStatus(BatchStatus.FAILED);
			}
			ExitCode exit = report.print(execution);
			upkeep.afterRun(execution.getStatus() == BatchStatus.COMPLETED); // still under the lock
			return exit;
		}
		catch (RuntimeException ex) {
			// the store itself failed (the report's queries, say): still a failed run, not a crash
			log.error("失敗: {}", RunReport.rootMessage(ex));
			log.debug("failed", ex);
			return ExitCode.FAILED;
		}
		finally {
			holding = false;
		}
	}

}
