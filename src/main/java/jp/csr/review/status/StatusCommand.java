package jp.csr.review.status;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.AdminTime;
import jp.csr.review.console.ExitCode;
import jp.csr.review.console.StoreOption;
import jp.csr.review.lock.RunLock;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanException;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.remind.ReminderLog;
import jp.csr.review.run.Executions;
import jp.csr.review.run.RunReport;
import jp.csr.review.run.StepWords;
import jp.csr.review.store.DatabaseFile;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.StoreDatabase;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.DepartmentState;
import jp.csr.review.store.Submissions.StoredFile;
import jp.csr.review.write.AnswerTasklet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code status}: recent runs with their steps, the last failure's cause, and each department's state.
 * Reads only, never takes the run lock, works while a run is going (WAL), and always exits 0.
 */
@Component
public class StatusCommand {

	private static final Logger log = LoggerFactory.getLogger(StatusCommand.class);

	private static final int RUNS_SHOWN = 5;

	private static final DateTimeFormatter TIME = AdminTime.FORMAT;

	private final ReviewProperties properties;

	private final Executions executions;

	private final Submissions submissions;

	private final StoredTerms terms;

	private final Job job;

	private final ReminderLog reminders;

	private final StoreDatabase database;

	private final RunLock lock;

	/** The advice status prints (restart, check), with the store and folders this command line typed. */
	private final RunReport restart;

	private final Environment environment;

	private final OfficeDecisions office;

	StatusCommand(ReviewProperties properties, Executions executions, Submissions submissions, StoredTerms terms,
			Job job, ReminderLog reminders, StoreDatabase database, RunLock lock, RunReport restart,
			Environment environment, OfficeDecisions office) {
		this.properties = properties;
		this.office = office;
		this.restart = restart;
		this.environment = environment;
		this.database = database;
		this.lock = lock;
		this.executions = executions;
		this.submissions = submissions;
		this.terms = terms;
		this.job = job;
		this.reminders = reminders;
	}

	public ExitCode run() {
		// the start-up has refused a database SQLite cannot read (StoreUse): what is left to say is whether
		// the next run could write to it
		if (!database.shared()) {
			new DatabaseFile(properties, environment).unwritable().ifPresent(problem -> {
				log.warn("次の run は実行できません:");
				problem.lines().forEach(line -> log.warn("{}", line));
			});
		}
		try {
			report();
		}
		catch (DataAccessException ex) {
			// still exit 0: status reports
			if (fresh(ex)) {
				log.info("ストア {} に実行の記録はまだありません", database.shared() ? database : properties.store());
			}
			else {
				log.warn("ストアのデータベース {} を読めませんでした: {}。{} で確かめてください", database,
						RunReport.rootMessage(ex), StoreOption.command(environment, properties.store(), "check",
								new StoreOption.Folder("review.input-dir", properties.inputDir())));
			}
			log.debug("status", ex);
		}
		return ExitCode.OK;
	}

	private static final String UNDEFINED_TABLE = "42P01";

	/** No run has created the tables yet. */
	private static boolean fresh(DataAccessException ex) {
		Throwable cause = ex.getMostSpecificCause();
		// PostgreSQL's SQLSTATE undefined_table (its words follow the server's lc_messages); SQLite has no SQLSTATE
		if (cause instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
			return true;
		}
		return cause.getMessage() != null && cause.getMessage().contains("no such table");
	}

	private void report() {
		if (database.shared()) {
			// every host sees this database: say which one this host is looking at
			log.info("ストア: {} (PostgreSQL、共有)", database);
		}
		List<Executions.Run> runs = executions.recent(job.getName(), RUNS_SHOWN);
		Optional<RunLock.Recorded> holder = lock.recorded();
		holder.ifPresent(h -> log.info(h.alive() ? "実行中: " + h.holder()
				: h.where() + "に停止したプロセスの記録があります (" + h.holder() + "); 次の run が回復します"));
		boolean running = holder.map(RunLock.Recorded::alive).orElse(false);
		if (runs.isEmpty()) {
			log.info("実行の記録はまだありません");
		}
		else {
			log.info("最近の実行 (新しい順):");
		}
		for (Executions.Run r : runs) {
			log.info("実行 {}  開始 {}  終了 {}  {}", r.id(), time(r.start()), r.end() == null ? "-" : time(r.end()),
					outcome(r, running));
			for (Executions.StepRun s : executions.steps(r.id())) {
				if (s.name().equals(AnswerTasklet.STEP)) {
					// the write step of a night that kept the review: only the annotated copies
					log.info("    " + StepWords.unchanged());
				}
				log.info("    " + StepWords.line(s.name(), s.status(), executions.counts(s, r.instanceId()), s.duration()));
			}
		}
		runs.stream().filter(r -> "FAILED".equals(r.status()) || "STOPPED".equals(r.status())).findFirst().ifPresent(r -> {
			String step = executions.steps(r.id()).stream().filter(s -> !"COMPLETED".equals(s.status()))
				.map(s -> StepWords.name(s.name())).reduce((a, b) -> b).orElse("?");
			log.info("直近の{}: 実行 {} ステップ「{}」: {}", "STOPPED".equals(r.status()) ? "停止" : "失敗", r.id(), step,
					"STOPPED".equals(r.status()) ? "停止要求 (デーモンの終了など) により停止しました" : cause(r.exitMessage(), r.status()));
			if (r.id() == runs.get(0).id()) {
				log.info("再開: {}", restart.restartCommand(r.id()));
			}
		});
		terms();
		departments();
	}

	/** PRODUCT.md §8: the terms the store holds, each with its group, files and the run that last judged it. */
	private void terms() {
		List<StoredTerms.Term> held;
		try {
			held = terms.list();
		}
		catch (DataAccessException ex) {
			// a store written by a build that kept no terms (status does not migrate): the next run adds the table
			if (!fresh(ex)) {
				throw ex;
			}
			log.debug("terms", ex);
			return;
		}
		if (held.isEmpty()) {
			return;
		}
		log.info("ストアの期:");
		for (StoredTerms.Term t : held) {
			log.info("    {}期  {}  ファイル 受理 {} / 差戻し {}  最終集計 {}", t.term(), t.group() == null ? "-" : t.group(),
					t.accepted(), t.rejected(),
					t.lastExecution() == null ? "-" : "実行 " + t.lastExecution() + "  " + time(t.lastStart()));
		}
	}

	private void departments() {
		Plan plan;
		try {
			plan = PlanReader.read(properties.plan());
		}
		catch (PlanException ex) {
			log.info("部署ごとの状況は表示できません: {}", ex.getMessage());
			return;
		}
		Map<String, DepartmentState> states = submissions.states(plan.term(),
				plan.departments().stream().map(Department::code).toList());
		Map<String, ReminderLog.Sent> reminded = reminders.last(plan.term());
		Map<String, OfficeDecisions.Decision> decisions = office.newest(plan.term());
		int approved = 0;
		int accepted = 0;
		int rejected = 0;
		int missing = 0;
		List<String> lines = new ArrayList<>();
		for (Department d : plan.departments()) {
			DepartmentState s = states.get(d.code());
			StoredFile used = s.inUse();
			String state;
			if (s.isRejected()) {
				rejected++;
				state = "差戻し  " + s.rejected().fileName() + "  エラー " + s.rejected().errors() + "件"
						+ (used != null ? "  (使用中は受理済みの " + used.fileName() + ")" : "");
			}
			else if (used != null) {
				accepted++;
				state = "受理    " + used.fileName() + (used.late() ? "  (期限後)" : "");
			}
			else {
				missing++;
				state = "未提出";
			}
			// PRODUCT.md §11: the office's decision on the file in use
			OfficeDecisions.Decision decision = decisions.get(d.code());
			if (decision != null && used != null && decision.isAbout(used.sha256())) {
				approved += OfficeDecisions.APPROVED.equals(decision.decision()) ? 1 : 0;
				state += "  確認 " + decision.decision() + " (" + (decision.reviewer().isEmpty() ? "確認者なし" : decision.reviewer())
						+ " " + decision.decidedAt().atZone(properties.zone()).toLocalDate() + ")";
			}
			else {
				state += "  確認 " + OfficeDecisions.UNDECIDED;
			}
			ReminderLog.Sent last = reminded.get(d.code());
			if (last != null) {
				state += "  (最終リマインド " + time(last.sentAt()) + " " + last.kind() + " → " + last.recipients() + ")";
			}
			lines.add(String.format("%-6s %s  %s", d.code(), d.name(), state));
		}
		// one log call per line: a file name is echoed as an argument, whose line breaks the log escapes
		int pending = plan.departments().size() - approved;
		log.info("{}期 部署の状況: 受理 {} / 差戻し {} / 未提出 {}  事務局確認: {}", plan.term(), accepted, rejected, missing,
				pending == 0 ? "確定版" : "速報版 (未承認 " + pending + "部署)");
		lines.forEach(line -> log.info("    {}", line));
	}

	private String time(Instant instant) {
		return instant == null ? "-" : TIME.format(instant.atZone(zone()));
	}

	private ZoneId zone() {
		return properties.zone();
	}

	/**
	 * How a run ended, in the words of the console's last line and with the exit code it had (what cron logs and
	 * systemd acts on), or that it is still going.
	 */
	private String outcome(Executions.Run r, boolean running) {
		if (!r.ended()) {
			if ("UNKNOWN".equals(r.status())) {
				return "不明 (次の run / restart が失敗として記録し、続けます)";
			}
			return running ? "実行中" : "実行中のままプロセス停止 (次の run / restart が失敗として記録し、続けます)";
		}
		if (!"COMPLETED".equals(r.status())) {
			return StepWords.state(r.status()) + " (終了コード " + ExitCode.FAILED.code() + ")";
		}
		Executions.Unanswered left = executions.unanswered(r.instanceId());
		if (left.rejected() + left.unreadable() == 0) {
			return "完了 (終了コード " + ExitCode.OK.code() + ")";
		}
		String what = left.rejected() > 0 && left.unreadable() > 0 ? "差戻し・読取不可あり"
				: left.rejected() > 0 ? "差戻しあり" : "読取不可あり";
		return "完了 (" + what + "、終了コード " + ExitCode.REJECTED.code() + ")";
	}

	/** One line: the innermost cause Batch recorded (its exit message holds the whole stack trace). */
	static String cause(String exitMessage, String status) {
		if (exitMessage == null || exitMessage.isBlank()) {
			return status;
		}
		String line = exitMessage.lines().findFirst().orElse("");
		for (String l : exitMessage.lines().toList()) {
			if (l.startsWith("Caused by: ")) {
				line = l.substring("Caused by: ".length());
			}
		}
		return line.replaceFirst("^[\\w.$]+\\.(\\w+(Exception|Error))", "$1").strip();
	}

}
