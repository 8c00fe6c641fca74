package jp.csr.review.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of what has been loaded: the version in use per department and its values. */
@Repository
public class Submissions {

	private final JdbcClient jdbc;

	public Submissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored file. */
	public record StoredFile(long id, String sha256, String fileName, String departmentCode, String status,
			Instant modifiedAt, String submittedBy, LocalDate submittedOn, boolean late, int errors, int warnings) {
	}

	public record KpiValue(long fileId, String kpiId, String value, BigDecimal number, String display, String cell) {
	}

	public record InitiativeValue(long fileId, String initiativeId, String progress, BigDecimal percent,
			String declared, String cell) {
	}

	public record HighlightText(long fileId, String commitment, String text, String cell) {
	}

	/**
	 * PRODUCT.md §3, the order of versions: a file first seen by a later run is newer than every file
	 * seen by earlier runs (whatever its modification time); within one run, by modification time, then
	 * by arrival. Every "newest file" question of the store orders by this.
	 */
	public static final String OLDEST_FIRST = "job_instance_id, modified_at, id";

	/** {@link #OLDEST_FIRST} reversed. */
	public static final String NEWEST_FIRST = "job_instance_id DESC, modified_at DESC, id DESC";

	private static final String FILE_COLUMNS = "id, sha256, file_name, department_code, status, modified_at, submitted_by, "
			+ "submitted_on, late, errors, warnings";

	private static StoredFile file(java.sql.ResultSet rs) throws java.sql.SQLException {
		String on = rs.getString(8);
		return new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				Instant.parse(rs.getString(6)), rs.getString(7), on == null ? null : LocalDate.parse(on),
				rs.getInt(9) == 1, rs.getInt(10), rs.getInt(11));
	}

	/**
	 * The version in use per department for a term: its newest accepted file (PRODUCT.md §3). "Newest" is
	 * {@link #OLDEST_FIRST}.
	 */
	public Map<String, StoredFile> inUse(int term) {
		Map<String, StoredFile> current = new LinkedHashMap<>();
		jdbc.sql("SELECT " + FILE_COLUMNS
				+ " FROM submission_file WHERE status = 'ACCEPTED' AND term = ? ORDER BY " + OLDEST_FIRST)
			.param(term)
			.query((rs, n) -> file(rs))
			.list()
			.forEach(f -> current.put(f.departmentCode(), f));
		return current;
	}

	/**
	 * Per department, the newest file of a term, accepted or not: is its latest word a rejection? One query for
	 * the term (a query per department was a round trip per row of 部署). A file without a term was rejected
	 * before files had one (a store no run has migrated since, as status reads it, or one that had never accepted
	 * a file to take the term from): it counts for every term.
	 */
	private Map<String, StoredFile> newest(int term) {
		Map<String, StoredFile> newest = new LinkedHashMap<>();
		jdbc.sql("SELECT " + FILE_COLUMNS + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY department_code ORDER BY "
				+ NEWEST_FIRST + ") AS age FROM submission_file WHERE (term = ? OR term IS NULL) AND department_code IS NOT NULL)"
				+ " AS ranked WHERE age = 1")
			.param(term)
			.query((rs, n) -> file(rs))
			.list()
			.forEach(f -> newest.put(f.departmentCode(), f));
		return newest;
	}

	public List<HighlightText> highlights(long fileId) {
		return jdbc.sql("SELECT file_id, commitment, text, cell FROM highlight WHERE file_id = ? ORDER BY seq")
			.param(fileId)
			.query((rs, n) -> new HighlightText(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * A department's submission state (PRODUCT.md §3): 受理 when its newest file was accepted, 差戻し when
	 * its newest file was rejected (the last accepted version, if any, stays in use), else 未提出.
	 *
	 * @param inUse the newest accepted file of the term, null when none
	 * @param rejected the newest file when it was rejected, else null
	 */
	public record DepartmentState(String state, StoredFile inUse, StoredFile rejected) {

		public boolean isRejected() {
			return rejected != null;
		}

	}

	/** The state in a term of each department code given, in that order; other terms' files are not looked at. */
	public Map<String, DepartmentState> states(int term, List<String> departmentCodes) {
		Map<String, StoredFile> inUse = inUse(term);
		Map<String, StoredFile> newest = newest(term);
		Map<String, DepartmentState> states = new LinkedHashMap<>();
		for (String code : departmentCodes) {
			StoredFile used = inUse.get(code);
			StoredFile rejected = Optional.ofNullable(newest.get(code)).filter(f -> "REJECTED".equals(f.status())).orElse(null);
			String state = rejected != null ? "差戻し" : used != null ? "受理" : "未提出";
			states.put(code, new DepartmentState(state, used, rejected));
		}
		return states;
	}

	static BigDecimal decimal(String text) {
		return text == null ? null : new BigDecimal(text);
	}

}
