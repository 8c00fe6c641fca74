package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.console.ExitCode;
import jp.csr.review.console.StoreOption;
import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.judge.JudgeTasklet;
import jp.csr.review.load.FileLines;
import jp.csr.review.office.DecisionBook;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.Department;
import jp.csr.review.store.CandidateOutcomes;
import jp.csr.review.web.WebPages;
import jp.csr.review.write.AnswerTasklet;
import jp.csr.review.write.ReviewDecider;
import jp.csr.review.write.WriteTasklet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a finished run prints: its steps, the review's path, one summary line; the exit code. */
@Component
public class RunReport {

	private static final Logger log = LoggerFactory.getLogger(RunReport.class);

	private final JdbcClient jdbc;

	private final ReviewProperties properties;

	private final ConfiguredPlan plan;

	/** Where the options of a printed command come from: the admin's own command line, or not at all. */
	private final Environment environment;

	private final Executions executions;

	RunReport(JdbcClient jdbc, ReviewProperties properties, ConfiguredPlan plan, Environment environment,
			Executions executions) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.plan = plan;
		this.environment = environment;
		this.executions = executions;
	}

	/**
	 * The command that resumes a run, exactly as an admin types it in the checkout: the store typed, no folders (a
	 * restart uses its run's own).
	 */
	public String restartCommand(long executionId) {
		return StoreOption.command(environment, properties.store(), "restart " + executionId);
	}

	/** The command of a new run with this command line's store and folders. */
	String runCommand() {
		return StoreOption.command(environment, properties.store(), "run",
				new StoreOption.Folder("review.plan", properties.plan()),
				new StoreOption.Folder("review.input-dir", properties.inputDir()),
				new StoreOption.Folder("review.output-dir", properties.outputDir()),
				new StoreOption.Folder("review.office-dir", properties.officeDir()));
	}

	/**
	 * The end of a run: the files it left pending, its steps, the annotated copies it wrote, the review, the
	 * counts. Each file's own line was written when the file was decided ({@link FileLines}).
	 */
	ExitCode print(JobExecution execution) {
		long instance = execution.getJobInstanceId();
		jdbc.sql("SELECT path FROM scan_candidate WHERE job_instance_id = ? AND outcome IS NULL ORDER BY seq")
			.param(instance)
			.query(String.class)
			.list()
			.forEach(path -> log.info("未処理   {}", path));
		CandidateOutcomes outcomes = CandidateOutcomes.of(jdbc, instance);
		printSteps(execution);
		if (outcomes.rejected() > 0) {
			ReviewProperties settings = RunSettings.of(properties, execution.getJobParameters());
			printCopies(instance, settings.outputDir(), settings.plan());
		}
		String review = execution.getExecutionContext().containsKey(WriteTasklet.REVIEW_PATH)
				? execution.getExecutionContext().getString(WriteTasklet.REVIEW_PATH) : null;
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			return failed(execution, null);
		}
		if (execution.getExecutionContext().containsKey(ReviewDecider.UNCHANGED_SINCE)) {
			log.info("振り返り: {} (変更なし: 前回の実行 {} から新しい取り込みなし)", review,
					execution.getExecutionContext().getLong(ReviewDecider.UNCHANGED_SINCE));
		}
		else {
			log.info("振り返り: {}", review);
		}
		var context = execution.getExecutionContext();
		if (context.containsKey(WriteTasklet.PDF_PATH)) {
			log.info("PDF: {}", context.getString(WriteTasklet.PDF_PATH));
		}
		else if (context.containsKey(WriteTasklet.PDF_SKIPPED)) {
			log.info("PDF: {}", context.getString(WriteTasklet.PDF_SKIPPED));
		}
		if (review != null) {
			printPage("Web", WebPages.pageBeside(Path.of(review)));
			printPage("状況", WebPages.boardBeside(Path.of(review)));
			printPage("事務局確認", DecisionBook.beside(Path.of(review)));
		}
		log.info("完了 (実行 {}): {}", execution.getId(), outcomes.line());
		return outcomes.someNotAccepted() ? ExitCode.REJECTED : ExitCode.OK;
	}

	/** A web page beside the review, when there is one. */
	private static void printPage(String label, Path page) {
		if (Files.exists(page)) {
			log.info("{}: {}", label, page);
		}
	}

	/** The annotated copy of each file the run rejected, written by its last step: so listed after the steps. */
	private void printCopies(long instance, Path outputDir, Path planFile) {
		List<String> codes = departments(planFile);
		List<String[]> rejected = jdbc.sql("""
				SELECT c.path, COALESCE(f.department_code, '') FROM scan_candidate c JOIN submission_file f ON f.id = c.file_id
				WHERE c.job_instance_id = ? AND c.outcome = 'REJECTED' ORDER BY c.seq""")
			.param(instance)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (String[] file : rejected) {
			Path copy = AnnotatedCopies.target(outputDir, codes, file[1], Path.of(file[0]).getFileName().toString());
			if (Files.exists(copy)) {
				log.info("注記付きの写し: {}  ({} の差戻し)", copy, file[0]);
			}
		}
	}

	/** The plan's department codes: only they have a folder of annotated copies of their own. */
	private List<String> departments(Path planFile) {
		return plan.read(planFile).map(p -> p.departments().stream().map(Department::code).toList()).orElse(List.of());
	}

	/**
	 * One line per step of the run, in order: the steps a restart skips because an earlier execution completed
	 * them, the steps this execution ran, and the judge and write steps a night with nothing new did without.
	 * The admin sees exactly what was done, and what was not.
	 */
	private void printSteps(JobExecution execution) {
		List<String> ran = execution.getStepExecutions().stream().map(StepExecution::getStepName).toList();
		if (!ran.isEmpty()) {
			completedBefore(execution).stream().filter(name -> !ran.contains(name))
				.forEach(name -> log.info(StepWords.notRun(name, "前回完了のため実行せず")));
		}
		boolean kept = execution.getExecutionContext().containsKey(ReviewDecider.UNCHANGED_SINCE);
		for (StepExecution s : execution.getStepExecutions()) {
			if (kept && s.getStepName().equals(AnswerTasklet.STEP)) {
				log.info(StepWords.unchanged());
			}
			LocalDateTime end = s.getEndTime() != null ? s.getEndTime() : LocalDateTime.now();
			StepWords.Counts counts = new StepWords.Counts(s.getReadCount(), s.getWriteCount(), s.getFilterCount(),
					s.getStepName().equals(JudgeTasklet.STEP) ? executions.judged(execution.getJobInstanceId()) : null);
			log.info(StepWords.line(s.getStepName(), s.getStatus().name(), counts,
					s.getStartTime() == null ? Duration.ZERO : Duration.between(s.getStartTime(), end)));
		}
		if (ran.isEmpty()) {
			log.info("ステップ: 実行なし");
		}
	}

	/** The steps earlier executions of the same run completed, in the order they ran. */
	private List<String> completedBefore(JobExecution execution) {
		return jdbc.sql("""
				SELECT s.STEP_NAME FROM BATCH_STEP_EXECUTION s
				JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
				WHERE e.JOB_INSTANCE_ID = ? AND e.JOB_EXECUTION_ID < ? AND s.STATUS = 'COMPLETED'
				ORDER BY s.STEP_EXECUTION_ID""")
			.params(execution.getJobInstanceId(), execution.getId())
			.query(String.class)
			.list()
			.stream()
			.distinct()
			.toList();
	}

	/**
	 * The failed step, its cause in one line, and the command that resumes the run. Needs nothing but the
	 * execution in memory: it also serves when the store itself failed.
	 */
	ExitCode failed(JobExecution execution, Throwable fallback) {
		StepExecution step = execution.getStepExecutions().stream()
			.filter(s -> s.getStatus() != BatchStatus.COMPLETED)
			.reduce((a, b) -> b)
			.orElse(null);
		if (execution.getStatus() == BatchStatus.STOPPED) {
			Optional<String> lost = LockWatch.lostIn(execution);
			if (lost.isPresent()) {
				log.error("停止 (実行 {}): 実行ロックを失ったため、ステップ「{}」で安全に停止しました ({})", execution.getId(),
						step == null ? "?" : StepWords.name(step.getStepName()), lost.get());
				log.error("ほかの実行と重ならないよう、ロックを失った後の処理は記録していません。続きを実行するには: {}",
						restartCommand(execution.getId()));
				return ExitCode.FAILED;
			}
			log.error("停止 (実行 {}): 停止要求により{}停止しました", execution.getId(), where(execution, step));
			log.error("続きを実行するには: {}", restartCommand(execution.getId()));
			return ExitCode.FAILED;
		}
		// the first failure is the cause; later ones are usually the store refusing to record it
		String cause = java.util.stream.Stream.concat(
				execution.getStepExecutions().stream().flatMap(s -> s.getFailureExceptions().stream()),
				execution.getFailureExceptions().stream())
			.map(RunReport::rootMessage)
			.findFirst()
			.orElse(fallback != null ? rootMessage(fallback)
					: execution.getStatus() == BatchStatus.STOPPED ? "停止要求により停止しました"
							: execution.getExitStatus().getExitDescription());
		log.error("失敗 (実行 {}): ステップ「{}」が失敗しました: {}", execution.getId(),
				step == null ? "?" : StepWords.name(step.getStepName()), cause);
		log.error("原因を取り除いてから再開してください: {}", restartCommand(execution.getId()));
		return ExitCode.FAILED;
	}

	/** A connection to the database refused, cut or timed out (SQLState class 08), anywhere in the causes. */
	static boolean unreachable(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
			if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
					|| c instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where a stopped run stopped: in a step, or between two when the stop came after one step had ended and
	 * before the next began (the daemon's SIGTERM between load and judge).
	 */
	private static String where(JobExecution execution, StepExecution unfinished) {
		if (unfinished != null) {
			return "ステップ「" + StepWords.name(unfinished.getStepName()) + "」で";
		}
		return execution.getStepExecutions().stream()
			.reduce((a, b) -> b)
			.map(last -> "ステップ「" + StepWords.name(last.getStepName()) + "」の完了後、次のステップの前で")
			.orElse("最初のステップの前で");
	}

	public static String rootMessage(Throwable t) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(t);
		if (unreachable(t)) {
			return "データベースに接続できません (サーバーが止まっているか、ネットワークが切れています: " + root.getMessage() + ")";
		}
		// one line: a message may run over several (a path on the next line, say)
		String message = root.getMessage() == null ? ""
				: String.join(" ", root.getMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
		if (message.length() > 300) {
			message = message.substring(0, 300) + "…";
		}
		return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

}
