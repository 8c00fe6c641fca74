package jp.csr.review.status;

import java.time.Instant;
import java.util.List;

import jp.csr.review.run.Executions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The terms the store holds (PRODUCT.md §8), for {@code status}: each with its group, its files and the run
 * that last judged it. One query, read in autocommit like {@link Executions}.
 */
@Component
class StoredTerms {

	private final JdbcClient jdbc;

	StoredTerms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param group the plan's グループ名 of the run that last judged it; null when no run recorded one
	 * @param lastExecution the latest execution of the run that last judged it; null when none did
	 */
	record Term(int term, String group, int accepted, int rejected, Long lastExecution, Instant lastStart) {
	}

	/** Oldest term first: a term with files or verdicts. */
	List<Term> list() {
		return jdbc.sql("""
				WITH files AS (
				  SELECT term, COUNT(CASE WHEN status = 'ACCEPTED' THEN 1 END) AS accepted,
				         COUNT(CASE WHEN status = 'REJECTED' THEN 1 END) AS rejected
				  FROM submission_file WHERE term IS NOT NULL GROUP BY term),
				judged AS (SELECT term, MAX(job_instance_id) AS instance FROM judged_term GROUP BY term),
				terms AS (SELECT term FROM files UNION SELECT term FROM judged),
				last AS (
				  SELECT j.term, g.group_name, MAX(e.JOB_EXECUTION_ID) AS execution
				  FROM judged j JOIN judged_term g ON g.job_instance_id = j.instance
				  LEFT JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = j.instance
				  GROUP BY j.term, g.group_name)
				SELECT t.term, l.group_name, COALESCE(f.accepted, 0), COALESCE(f.rejected, 0), l.execution,
				       (SELECT START_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = l.execution)
				FROM terms t LEFT JOIN files f ON f.term = t.term LEFT JOIN last l ON l.term = t.term
				ORDER BY t.term""")
			.query((rs, n) -> {
				long execution = rs.getLong(5);
				return new Term(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.wasNull() ? null : execution,
						Executions.instant(rs, 6));
			})
			.list();
	}

}
