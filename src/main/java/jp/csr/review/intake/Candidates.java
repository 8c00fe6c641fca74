package jp.csr.review.intake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scan_candidate} table: what a run's scan found and what the load made of each file. */
@Repository
public class Candidates {

	private final JdbcClient jdbc;

	public Candidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void clear(long jobInstanceId) {
		jdbc.sql("DELETE FROM scan_candidate WHERE job_instance_id = ?").param(jobInstanceId).update();
	}

	void add(Candidate c, String outcome) {
		jdbc.sql("""
				INSERT INTO scan_candidate (job_instance_id, seq, path, size, modified_at, sha256, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(c.jobInstanceId(), c.seq(), c.path().toString(), c.size(), c.modifiedAt().toString(), c.sha256(),
					outcome)
			.update();
	}

	/** Files the load step has not dealt with yet, in the order they must be taken. */
	List<Candidate> pending(long jobInstanceId) {
		return jdbc.sql("""
				SELECT job_instance_id, seq, path, size, modified_at, sha256 FROM scan_candidate
				WHERE job_instance_id = ? AND outcome IS NULL ORDER BY seq""")
			.param(jobInstanceId)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2), Path.of(rs.getString(3)), rs.getLong(4),
					Instant.parse(rs.getString(5)), rs.getString(6)))
			.list();
	}

	public void settle(Candidate c, String outcome, Long fileId) {
		jdbc.sql("UPDATE scan_candidate SET outcome = ?, file_id = ? WHERE job_instance_id = ? AND seq = ?")
			.params(outcome, fileId, c.jobInstanceId(), c.seq())
			.update();
	}

	public boolean isIngested(String sha256) {
		return jdbc.sql("SELECT COUNT(*) FROM submission_file WHERE sha256 = ?").param(sha256).query(Integer.class)
			.single() > 0;
	}

}
