package jp.csr.review.judge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.InitiativeValue;
import jp.csr.review.store.Submissions.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the judge step reads from the store, one query per kind for the whole term: a query per department
 * or per KPI made the step's cost a round trip per row of the plan. {@code next-term} reads a term's results
 * here too, so the 前期実績 it writes is the baseline the store itself would give.
 */
public class TermResults {

	private final JdbcClient jdbc;

	public TermResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The KPI values of the given files of a term, by file and KPI ID. */
	Map<Long, Map<String, KpiValue>> kpiValues(int term, Set<Long> files) {
		return byFileAndId("kpi_result", "kpi_id", "r.value, r.number, r.display, r.cell", term, files,
				(file, id, rs) -> new KpiValue(file, id, rs.getString(3), decimal(rs.getString(4)), rs.getString(5),
						rs.getString(6)));
	}

	/** The initiative values of the given files of a term, by file and initiative ID. */
	Map<Long, Map<String, InitiativeValue>> initiativeValues(int term, Set<Long> files) {
		return byFileAndId("initiative_result", "initiative_id", "r.progress, r.percent, r.declared, r.cell", term, files,
				(file, id, rs) -> new InitiativeValue(file, id, rs.getString(3), decimal(rs.getString(4)),
						rs.getString(5), rs.getString(6)));
	}

	/** A row of a result table; its own columns start at the third. */
	private interface Value<V> {

		V of(long file, String id, ResultSet rs) throws SQLException;

	}

	/** Every row of a result table for the accepted files of a term, kept for the files given (those in use). */
	private <V> Map<Long, Map<String, V>> byFileAndId(String table, String idColumn, String columns, int term,
			Set<Long> files, Value<V> value) {
		Map<Long, Map<String, V>> values = new HashMap<>();
		jdbc.sql("SELECT r.file_id, r." + idColumn + ", " + columns + " FROM " + table + " r "
				+ "JOIN submission_file f ON f.id = r.file_id WHERE f.status = 'ACCEPTED' AND f.term = ?")
			.param(term)
			.query(rs -> {
				long file = rs.getLong(1);
				if (files.contains(file)) {
					String id = rs.getString(2);
					values.computeIfAbsent(file, f -> new HashMap<>()).put(id, value.of(file, id, rs));
				}
			});
		return values;
	}

	/**
	 * A term's accepted 実績 as the baseline of the next (PRODUCT.md §5), for every KPI at once: per KPI ID, the
	 * number of the newest accepted file of the term that reported one.
	 */
	public Map<String, BigDecimal> resultsOfTerm(int term) {
		Map<String, BigDecimal> results = new HashMap<>();
		// oldest first, so the newest file's number is the last one put (the file's columns are the only
		// ones of these names in the join)
		jdbc.sql("SELECT r.kpi_id, r.number FROM kpi_result r JOIN submission_file f ON f.id = r.file_id "
				+ "WHERE f.status = 'ACCEPTED' AND f.term = ? AND r.number IS NOT NULL ORDER BY " + Submissions.OLDEST_FIRST)
			.param(term)
			.query(rs -> {
				results.put(rs.getString(1), new BigDecimal(rs.getString(2)));
			});
		return results;
	}

	private static BigDecimal decimal(String text) {
		return text == null ? null : new BigDecimal(text);
	}

}
