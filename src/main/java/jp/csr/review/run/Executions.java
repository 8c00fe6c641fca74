package jp.csr.review.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

import jp.csr.review.judge.JudgeTasklet;
import jp.csr.review.lock.FreshConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Plain SQL over Spring Batch's tables. Reads run in autocommit, outside any transaction: with
 * {@code transaction_mode=IMMEDIATE} every transaction takes SQLite's write lock, and the
 * {@link org.springframework.batch.core.repository.JobRepository} opens one even to read, so
 * {@code status} would wait behind a run's chunk. An autocommit SELECT in WAL mode never waits.
 */
@Component
public class Executions {

	private static final Logger log = LoggerFactory.getLogger(Executions.class);

	private static final String NOT_ENDED = "('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')";

	private static final int ATTEMPTS = 2;

	private final JdbcClient jdbc;

	/** Fresh connections, outside the pool (see {@link #settleDead}). */
	private final DataSource unpooled;

	Executions(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.unpooled = FreshConnections.of(dataSource);
	}

	public record Run(long id, long instanceId, Instant start, Instant end, String status, String exitCode, String exitMessage) {

		public boolean ended() {
			return !NOT_ENDED.contains("'" + status + "'");
		}

	}

	public record StepRun(long id, String name, Instant start, Instant end, String status, long read, long written,
			long filtered, long skipped, long commits, long rollbacks, String exitMessage) {

		public Duration duration() {
			if (start == null) {
				return Duration.ZERO;
			}
			return Duration.between(start, end != null ? end : Instant.now());
		}

	}

	public List<Run> recent(String jobName, int limit) {
		return jdbc.sql("""
				SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE
				FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?""")
			.params(jobName, limit)
			.query((rs, n) -> new Run(rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4), rs.getString(5),
					rs.getString(6), rs.getString(7)))
			.list();
	}

	public List<StepRun> steps(long executionId) {
		return jdbc.sql("""
				SELECT STEP_EXECUTION_ID, STEP_NAME, START_TIME, END_TIME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT,
				       READ_SKIP_COUNT + WRITE_SKIP_COUNT + PROCESS_SKIP_COUNT, COMMIT_COUNT, ROLLBACK_COUNT, EXIT_MESSAGE
				FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID""")
			.param(executionId)
			.query((rs, n) -> new StepRun(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
					rs.getString(12)))
			.list();
	}

	/** Files a job instance rejected, and files it could not read: either makes a completed run exit 3 (PRODUCT.md §7). */
	public record Unanswered(int rejected, int unreadable) {

	}

	/** See {@link Unanswered}; as RunReport decides the exit code. */
	public Unanswered unanswered(long instanceId) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN outcome = 'REJECTED' THEN 1 ELSE 0 END), 0),
				       COALESCE(SUM(CASE WHEN outcome = 'UNREADABLE' THEN 1 ELSE 0 END), 0)
				FROM scan_candidate WHERE job_instance_id = ?""")
			.param(instanceId)
			.query((rs, n) -> new Unanswered(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/**
	 * The verdicts a job instance's judge step recorded, KPIs and initiatives apart; null when the store cannot say
	 * (the step line then shows their sum).
	 */
	public StepWords.Judged judged(long instanceId) {
		try {
			return judgedRows(instanceId);
		}
		catch (DataAccessException ex) {
			log.debug("judged", ex);
			return null;
		}
	}

	private StepWords.Judged judgedRows(long instanceId) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM kpi_judgement WHERE job_instance_id = ?),
				       (SELECT COUNT(*) FROM initiative_mark WHERE job_instance_id = ?)""")
			.params(instanceId, instanceId)
			.query((rs, n) -> new StepWords.Judged(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** The counts the console shows of a step (see {@link StepWords}). */
	public StepWords.Counts counts(StepRun step, long instanceId) {
		return new StepWords.Counts(step.read(), step.written(), step.filtered(),
				JudgeTasklet.STEP.equals(step.name()) ? judged(instanceId) : null);
	}

	/**
	 * Marks every execution of the job (and every step) still recorded as running, or UNKNOWN, as FAILED,
	 * so that it can be restarted. Only call this while holding the run lock: then no such execution can
	 * be alive. {@code JobOperator.recover} is not used: it ignores UNKNOWN, and an UNKNOWN step makes a
	 * restart refuse (platform facts). Returns the job execution ids it changed.
	 */
	List<Long> settleDead(String jobName, String reason) {
		for (int attempt = 1;; attempt++) {
			// a fresh connection each time: after a SQLITE_BUSY inside a transaction a pooled connection can
			// be left believing it is in a transaction SQLite has already ended ("cannot commit - no
			// transaction is active" ever after, measured), and this is what runs after such failures
			try (Connection connection = unpooled.getConnection()) {
				connection.setAutoCommit(false);
				try {
					List<Long> ids = settle(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), jobName,
							reason);
					connection.commit();
					return ids;
				}
				catch (SQLException | RuntimeException ex) {
					connection.rollback();
					throw ex;
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (attempt == ATTEMPTS) {
					log.error("実行の状態を記録できません ({}); 次の run / restart が回復します", RunReport.rootMessage(ex));
					log.debug("settle failed", ex);
					return List.of();
				}
				log.warn("実行の状態を記録できません ({}); 再試行します", RunReport.rootMessage(ex));
			}
		}
	}

	private static List<Long> settle(JdbcTemplate jdbc, String jobName, String reason) {
		List<Long> ids = jdbc.queryForList("""
				SELECT DISTINCT e.JOB_EXECUTION_ID
				FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				WHERE i.JOB_NAME = ? AND (e.STATUS IN %s OR s.STATUS IN %s)
				ORDER BY e.JOB_EXECUTION_ID""".formatted(NOT_ENDED, NOT_ENDED), Long.class, jobName);
		// a timestamp, as Batch writes them: epoch milliseconds in SQLite, a TIMESTAMP column in PostgreSQL
		Timestamp now = new Timestamp(System.currentTimeMillis());
		String message = "FAILED: " + reason;
		for (long id : ids) {
			for (String table : List.of("BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION")) {
				jdbc.update("""
						UPDATE %s SET STATUS = 'FAILED', EXIT_CODE = 'FAILED', EXIT_MESSAGE = ?,
						  END_TIME = COALESCE(END_TIME, ?), LAST_UPDATED = ?, VERSION = VERSION + 1
						WHERE JOB_EXECUTION_ID = ? AND STATUS IN %s""".formatted(table, NOT_ENDED), message, now, now, id);
			}
		}
		return ids;
	}

	/** Batch 6 keeps times in SQLite as epoch milliseconds; older rows may hold text. */
	public static Instant instant(ResultSet rs, int column) throws SQLException {
		Object value = rs.getObject(column);
		if (value == null) {
			return null;
		}
		if (value instanceof Number n) {
			return Instant.ofEpochMilli(n.longValue());
		}
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
