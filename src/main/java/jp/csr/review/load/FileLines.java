package jp.csr.review.load;

import java.util.ArrayList;
import java.util.List;

import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The console's line for each file of a run (受理, 差戻し with its first errors, スキップ, 読取不可, 待機, 対象外), written
 * the moment the file's outcome is committed, and the load's progress: a cron log of a run that is killed or
 * hangs shows every file decided so far.
 * <p>
 * Listens to the load step. A file is decided when the chunk that settles it commits, so the lines of a chunk
 * are read from the store inside its transaction (the writer's rows, not yet committed, are visible there) and
 * written only after the commit: a chunk rolled back prints nothing, and its files are printed by the
 * execution that loads them. The files the scan set aside (duplicates, unreadable, changed) are settled before
 * the load; their lines come in scan order between the loaded ones: a line is written once every file before
 * it is settled.
 * <p>
 * On a restart the execution that crashed or failed printed every file before the first one still pending;
 * the restart prints the rest.
 */
@Component
public class FileLines implements StepExecutionListener, ItemWriteListener<Object> {

	private static final Logger log = LoggerFactory.getLogger(FileLines.class);

	private static final int ERRORS_SHOWN = 3;

	private final JdbcClient jdbc;

	private final ConfiguredPlan plan;

	/** The run this process is printing: one at a time (the run lock), on the load step's own thread. */
	private volatile Printing printing;

	FileLines(JdbcClient jdbc, ConfiguredPlan plan) {
		this.jdbc = jdbc;
		this.plan = plan;
	}

	/** What has been printed of the run's files, and of its progress. */
	private static final class Printing {

		final long instanceId;

		/** The plan's term: the review's version in use of a department is its newest accepted file of it. */
		final Integer term;

		final LoadProgress progress;

		/** Every file up to this {@code seq} has its line. */
		int through;

		Printing(long instanceId, Integer term, int through, LoadProgress progress) {
			this.instanceId = instanceId;
			this.term = term;
			this.through = through;
			this.progress = progress;
		}

	}

	/** How far the run's files are settled. */
	private record Tally(int total, int settled, Integer firstPending) {
	}

	/** One console line; what came from outside stays an argument, so the console escapes it. */
	record Line(String pattern, Object... arguments) {

		void log() {
			log.info(pattern, arguments);
		}

	}

	/** The lines of the files settled next, the {@code seq} they reach, and the tally after them. */
	private record Next(List<Line> lines, int through, Tally tally) {
	}

	@Override
	public void beforeStep(StepExecution load) {
		long instanceId = load.getJobExecution().getJobInstanceId();
		Tally tally = tally(instanceId);
		// the scan ran in this execution (a step completed before the load): nothing of the run is printed yet.
		// Otherwise this restart follows one that printed every file before the first one still pending.
		boolean scannedNow = load.getJobExecution().getStepExecutions().stream()
			.anyMatch(s -> s != load && s.getStatus() == BatchStatus.COMPLETED);
		int through = scannedNow ? 0 : tally.firstPending() != null ? tally.firstPending() - 1 : Integer.MAX_VALUE;
		printing = new Printing(instanceId, plan.read().map(Plan::term).orElse(null), through,
				new LoadProgress(System.nanoTime(), tally.settled()));
		print(next(printing));
	}

	/**
	 * In the chunk's transaction, after the writer: the lines are read now and written when the transaction
	 * commits, never when it rolls back.
	 */
	@Override
	public void afterWrite(Chunk<?> items) {
		Printing run = printing;
		if (run == null) {
			return;
		}
		Next next = next(run);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			print(next);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// the chunk is committed whatever happens here: a console line must never fail it
				try {
					print(next);
				}
				catch (RuntimeException ex) {
					log.debug("file lines", ex);
				}
			}
		});
	}

	@Override
	public ExitStatus afterStep(StepExecution load) {
		Printing run = printing;
		if (run != null && load.getStatus() == BatchStatus.COMPLETED) {
			print(next(run));
			acceptedButSentBack(run).forEach(Line::log);
		}
		printing = null;
		return null;
	}

	private void print(Next next) {
		next.lines().forEach(Line::log);
		Printing run = printing;
		if (run == null) {
			return;
		}
		run.through = Math.max(run.through, next.through());
		run.progress.after(next.tally().settled(), next.tally().total(), System.nanoTime()).ifPresent(log::info);
	}

	private Tally tally(long instanceId) {
		return jdbc.sql("""
				SELECT COUNT(*), COUNT(outcome), MIN(CASE WHEN outcome IS NULL THEN seq END)
				FROM scan_candidate WHERE job_instance_id = ?""")
			.param(instanceId)
			.query((rs, n) -> {
				// sqlite-jdbc's wasNull() misses the NULL of an aggregate: 0 would read as a pending seq
				Object first = rs.getObject(3);
				return new Tally(rs.getInt(1), rs.getInt(2), first == null ? null : ((Number) first).intValue());
			})
			.single();
	}

	/** The files settled after those printed and before the first one still pending, in scan order. */
	private Next next(Printing run) {
		Tally tally = tally(run.instanceId);
		int before = tally.firstPending() == null ? Integer.MAX_VALUE : tally.firstPending();
		List<Line> lines = new ArrayList<>();
		int through = run.through;
		for (Settled f : settled(run.instanceId, run.through, before)) {
			lines.addAll(lines(f));
			through = f.seq();
		}
		return new Next(lines, through, tally);
	}

	/** A settled candidate with its file's row when it was loaded. */
	private record Settled(int seq, String path, String outcome, Long fileId, String department, int errors,
			int warnings, String note) {
	}

	private List<Settled> settled(long instanceId, int after, int before) {
		return jdbc.sql("""
				SELECT c.seq, c.path, c.outcome, c.file_id, COALESCE(f.department_code, ''), COALESCE(f.errors, 0),
				       COALESCE(f.warnings, 0), c.note
				FROM scan_candidate c LEFT JOIN submission_file f ON f.id = c.file_id
				WHERE c.job_instance_id = ? AND c.seq > ? AND c.seq < ? AND c.outcome IS NOT NULL ORDER BY c.seq""")
			.params(instanceId, after, before)
			.query((rs, n) -> {
				long id = rs.getLong(4);
				// sqlite-jdbc's getObject(…, Long.class) throws on NULL
				Long fileId = rs.wasNull() ? null : id;
				return new Settled(rs.getInt(1), rs.getString(2), rs.getString(3), fileId, rs.getString(5),
						rs.getInt(6), rs.getInt(7), rs.getString(8));
			})
			.list();
	}

	private List<Line> lines(Settled f) {
		return switch (f.outcome()) {
			case "ACCEPTED" -> List.of(new Line("受理     {}  部署 {}  警告 {}件", f.path(), f.department(), f.warnings()));
			case "REJECTED" -> {
				List<Line> lines = new ArrayList<>();
				lines.add(new Line("差戻し   {}  部署 {}  エラー {}件  警告 {}件", f.path(),
						f.department().isEmpty() ? "不明" : f.department(), f.errors(), f.warnings()));
				firstErrors(f.fileId()).forEach(e -> lines.add(new Line("           {}", e)));
				yield lines;
			}
			// runs before V3 kept no note
			case "SKIPPED" -> List.of(new Line("スキップ {}  ({})", f.path(), f.note() == null ? "同じ内容を取り込み済み" : f.note()));
			case "UNREADABLE" -> List.of(new Line("読取不可 {}  ({}。次回もう一度読み込みます)", f.path(), f.note()));
			case "OUT_OF_SCOPE" -> List.of(new Line("対象外   {}  ({})", f.path(), f.note()));
			case "CHANGED", "MISSING" -> List.of(new Line("待機     {}  ({}。次回に取り込みます)", f.path(),
					f.note() == null ? "読み込み中に変更されました" : f.note()));
			default -> List.of(new Line("{}  {}", f.outcome(), f.path()));
		};
	}

	private List<String> firstErrors(Long fileId) {
		return jdbc.sql("""
				SELECT sheet, cell, message FROM validation_issue WHERE file_id = ? AND severity = 'ERROR'
				ORDER BY seq LIMIT ?""")
			.params(fileId, ERRORS_SHOWN)
			.query((rs, n) -> {
				String where = rs.getString(1).isEmpty() ? "" : rs.getString(1) + (rs.getString(2).isEmpty() ? "" : "!" + rs.getString(2)) + ": ";
				return where + rs.getString(3);
			})
			.list();
	}

	/**
	 * PRODUCT.md §3: when a department's newest file is rejected, the review shows it 差戻し and keeps the
	 * values of its newest accepted file. A file this run accepted (its 受理 line written) and a newer one of the
	 * same department it then rejected: the review uses the accepted one, the department is 差戻し. Known only
	 * once every file of the run is decided, so said after the last file line.
	 */
	private List<Line> acceptedButSentBack(Printing run) {
		if (run.term == null) {
			return List.of();
		}
		return jdbc.sql("""
				WITH ranked AS (
				  SELECT department_code, original_path, status, job_instance_id, term,
				         ROW_NUMBER() OVER (PARTITION BY department_code ORDER BY %1$s) AS age,
				         ROW_NUMBER() OVER (PARTITION BY department_code, status, term ORDER BY %1$s) AS age_in_status
				  FROM submission_file WHERE department_code IS NOT NULL)
				SELECT a.original_path, a.department_code, r.original_path
				FROM ranked a JOIN ranked r ON r.department_code = a.department_code AND r.age = 1 AND r.status = 'REJECTED'
				WHERE a.status = 'ACCEPTED' AND a.age_in_status = 1 AND a.job_instance_id = ? AND a.term = ?
				ORDER BY a.department_code""".formatted(Submissions.NEWEST_FIRST))
			.params(run.instanceId, run.term)
			.query((rs, n) -> new Line("注意     受理した {} は振り返りに使われますが、同じ部署 {} のより新しい {} が差戻しのため、部署の状態は差戻しです",
					rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
