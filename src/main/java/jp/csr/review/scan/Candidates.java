package jp.csr.review.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scan_candidate} table: what a run's scan found and what the load made of each file. */
@Repository
public class Candidates {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public Candidates(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void clear(long jobInstanceId) {
		jdbc.sql("DELETE FROM scan_candidate WHERE job_instance_id = ?").param(jobInstanceId).update();
	}

	/**
	 * A file found by the scan: pending for the load when {@code setAside} is null.
	 *
	 * @param identity what the file system said of the file before it was hashed ({@link InboxScanner#identity}),
	 *        null when nothing
	 */
	void add(Candidate c, SetAside setAside, String identity) {
		jdbc.sql("""
				INSERT INTO scan_candidate (job_instance_id, seq, path, size, modified_at, sha256, outcome, note, identity)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.jobInstanceId(), c.seq(), c.path().toString(), c.size(), c.modifiedAt().toString(), c.sha256(),
					setAside == null ? null : setAside.outcome(), setAside == null ? null : setAside.note(),
					sha(identity, c.sha256()))
			.update();
	}

	/** The identity is kept only with a hash it vouches for. */
	private static String sha(String identity, String sha256) {
		return sha256 == null ? null : identity;
	}

	/**
	 * The SHA-256 the latest other scan found for each identity it recorded ({@code path}, then identity): the
	 * bytes of a file whose identity is unchanged, in one query.
	 */
	Map<String, String> hashed(long jobInstanceId) {
		Map<String, String> hashed = new HashMap<>();
		jdbc.sql("""
				SELECT path, identity, sha256 FROM scan_candidate
				WHERE job_instance_id = (SELECT MAX(job_instance_id) FROM scan_candidate WHERE job_instance_id <> ?)
				AND identity IS NOT NULL AND sha256 IS NOT NULL""")
			.param(jobInstanceId)
			.query(rs -> {
				hashed.put(rs.getString(1) + "\n" + rs.getString(2), rs.getString(3));
			});
		return hashed;
	}

	/** Files the load step has not dealt with yet, in the order they must be taken. */
	public List<Candidate> pending(long jobInstanceId) {
		return jdbc.sql("""
				SELECT job_instance_id, seq, path, size, modified_at, sha256 FROM scan_candidate
				WHERE job_instance_id = ? AND outcome IS NULL ORDER BY seq""")
			.param(jobInstanceId)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2), Path.of(rs.getString(3)), rs.getLong(4),
					Instant.parse(rs.getString(5)), rs.getString(6)))
			.list();
	}

	/**
	 * What the load made of the files of one chunk, in one batch and in the chunk's transaction: a file is
	 * settled exactly when its rows are committed, so a restart takes up the files still pending.
	 */
	public void settle(List<Settled> settled) {
		batch.batchUpdate("UPDATE scan_candidate SET outcome = ?, file_id = ?, note = ? WHERE job_instance_id = ? AND seq = ?",
				settled.stream()
					.map(s -> new Object[] { s.outcome(), s.fileId(), s.note(), s.candidate().jobInstanceId(), s.candidate().seq() })
					.toList());
	}

	/**
	 * A candidate's outcome: loaded (accepted or rejected) as {@code fileId}, or set aside unchecked with a note.
	 *
	 * @param fileId null when set aside
	 * @param note null when loaded
	 */
	public record Settled(Candidate candidate, String outcome, Long fileId, String note) {

		public static Settled loaded(Candidate candidate, boolean accepted, long fileId) {
			return new Settled(candidate, accepted ? "ACCEPTED" : "REJECTED", fileId, null);
		}

		public static Settled setAside(Candidate candidate, SetAside why) {
			return new Settled(candidate, why.outcome(), null, why.note());
		}

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
