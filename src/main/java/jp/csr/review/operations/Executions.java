package jp.csr.review.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plain SQL over Spring Batch's tables. Reads run in autocommit, outside any transaction: with
 * {@code transaction_mode=IMMEDIATE} every transaction takes SQLite's write lock, and the
 * {@link org.springframework.batch.core.repository.JobRepository} opens one even to read, so
 * {@code status} would wait behind a run's chunk. An autocommit SELECT in WAL mode never waits.
 */
@Component
class Executions {

	private static final Logger log = LoggerFactory.getLogger(Executions.class);

	private static final String NOT_ENDED = "('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')";

	private static final int ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	Executions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactionManager);
	}

	record Run(long id, long instanceId, Instant start, Instant end, String status, String exitCode, String exitMessage) {

		boolean ended() {
			return !NOT_ENDED.contains("'" + status + "'");
		}

	}

	record StepRun(long id, String name, Instant start, Instant end, String status, long read, long written,
			long filtered, long skipped, long commits, long rollbacks, String exitMessage) {

		Duration duration() {
			if (start == null) {
				return Duration.ZERO;
			}
			return Duration.between(start, end != null ? end : Instant.now());
		}

	}

	List<Run> recent(String jobName, int limit) {
		return jdbc.sql("""
				SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE, e.EXIT_MESSAGE
				FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?""")
			.params(jobName, limit)
			.query((rs, n) -> new Run(rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4), rs.getString(5),
					rs.getString(6), rs.getString(7)))
			.list();
	}

	List<StepRun> steps(long executionId) {
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

	/** Files accepted and rejected by a job instance (for the §7 exit code of a completed run). */
	int rejected(long instanceId) {
		return jdbc.sql("SELECT COUNT(*) FROM scan_candidate WHERE job_instance_id = ? AND outcome = 'REJECTED'")
			.param(instanceId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Marks every execution of the job (and every step) still recorded as running, or UNKNOWN, as FAILED,
	 * so that it can be restarted. Only call this while holding the run lock: then no such execution can
	 * be alive. {@code JobOperator.recover} is not used: it ignores UNKNOWN, and an UNKNOWN step makes a
	 * restart refuse (platform facts). Returns the job execution ids it changed.
	 */
	List<Long> settleDead(String jobName, String reason) {
		for (int attempt = 1;; attempt++) {
			try {
				return tx.execute(status -> settle(jobName, reason));
			}
			catch (DataAccessException ex) {
				if (attempt == ATTEMPTS) {
					log.error("実行の状態を記録できません ({}); 次の run / restart が回復します", RunReport.rootMessage(ex));
					log.debug("settle failed", ex);
					return List.of();
				}
				log.warn("実行の状態を記録できません ({}); 再試行します", RunReport.rootMessage(ex));
			}
		}
	}

	private List<Long> settle(String jobName, String reason) {
		List<Long> ids = new ArrayList<>(jdbc.sql("""
				SELECT DISTINCT e.JOB_EXECUTION_ID
				FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				WHERE i.JOB_NAME = ? AND (e.STATUS IN %s OR s.STATUS IN %s)
				ORDER BY e.JOB_EXECUTION_ID""".formatted(NOT_ENDED, NOT_ENDED))
			.param(jobName)
			.query(Long.class)
			.list());
		long now = System.currentTimeMillis();
		String message = "FAILED: " + reason;
		for (long id : ids) {
			jdbc.sql("""
					UPDATE BATCH_STEP_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED', EXIT_MESSAGE = ?,
					  END_TIME = COALESCE(END_TIME, ?), LAST_UPDATED = ?, VERSION = VERSION + 1
					WHERE JOB_EXECUTION_ID = ? AND STATUS IN %s""".formatted(NOT_ENDED))
				.params(message, now, now, id)
				.update();
			jdbc.sql("""
					UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED', EXIT_MESSAGE = ?,
					  END_TIME = COALESCE(END_TIME, ?), LAST_UPDATED = ?, VERSION = VERSION + 1
					WHERE JOB_EXECUTION_ID = ? AND STATUS IN %s""".formatted(NOT_ENDED))
				.params(message, now, now, id)
				.update();
		}
		return ids;
	}

	/** Batch 6 keeps times in SQLite as epoch milliseconds; older rows may hold text. */
	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Object value = rs.getObject(column);
		if (value == null) {
			return null;
		}
		if (value instanceof Number n) {
			return Instant.ofEpochMilli(n.longValue());
		}
		java.sql.Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
