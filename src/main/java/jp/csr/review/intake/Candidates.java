package jp.csr.review.intake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

	/** A file found by the scan: pending for the load when {@code setAside} is null. */
	void add(Candidate c, SetAside setAside) {
		jdbc.sql("""
				INSERT INTO scan_candidate (job_instance_id, seq, path, size, modified_at, sha256, outcome, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.jobInstanceId(), c.seq(), c.path().toString(), c.size(), c.modifiedAt().toString(), c.sha256(),
					setAside == null ? null : setAside.outcome(), setAside == null ? null : setAside.note())
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

	/** The file was loaded (accepted or rejected) as {@code fileId}. */
	public void settle(Candidate c, String outcome, long fileId) {
		jdbc.sql("UPDATE scan_candidate SET outcome = ?, file_id = ? WHERE job_instance_id = ? AND seq = ?")
			.params(outcome, fileId, c.jobInstanceId(), c.seq())
			.update();
	}

	/** The load did not check the file, for the reason given. */
	public void settle(Candidate c, SetAside setAside) {
		jdbc.sql("UPDATE scan_candidate SET outcome = ?, note = ? WHERE job_instance_id = ? AND seq = ?")
			.params(setAside.outcome(), setAside.note(), c.jobInstanceId(), c.seq())
			.update();
	}

	/**
	 * When these bytes were already ingested, the duplicate a file carrying them is: it names the file that
	 * brought them (submission_file.sha256 is UNIQUE, so there is at most one).
	 */
	public Optional<SetAside> duplicate(Candidate c) {
		return jdbc.sql("SELECT original_path, job_instance_id FROM submission_file WHERE sha256 = ?")
			.param(c.sha256())
			.query((rs, n) -> SetAside.duplicate(c, rs.getString(1), rs.getLong(2)))
			.optional();
	}

}
