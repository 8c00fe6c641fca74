package jp.csr.review.judge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jp.csr.review.store.Submissions.InitiativeValue;
import jp.csr.review.store.Submissions.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the judge step reads from the store, one query per kind for the whole term: a query per department
 * or per KPI made the step's cost a round trip per row of the plan.
 */
final class TermResults {

	private final JdbcClient jdbc;

	TermResults(JdbcClient jdbc) {
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

	private static BigDecimal decimal(String text) {
		return text == null ? null : new BigDecimal(text);
	}

}
