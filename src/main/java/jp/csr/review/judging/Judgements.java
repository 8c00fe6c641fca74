package jp.csr.review.judging;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The judge step's output per run: one verdict per KPI and one mark per initiative of the plan. */
@Repository
public class Judgements {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public Judgements(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * A KPI as judged for a run.
	 *
	 * @param fileId the file the 実績 came from, null when none
	 */
	public record KpiRow(String kpiId, String outcome, String value, BigDecimal baseline, String baselineSource,
			BigDecimal rate, String resultLine, Long fileId, String cell) {
	}

	public record MarkRow(String initiativeId, String mark, String progress, String declared, Long fileId,
			String cell) {
	}

	void clear(long jobInstanceId) {
		jdbc.sql("DELETE FROM kpi_judgement WHERE job_instance_id = ?").param(jobInstanceId).update();
		jdbc.sql("DELETE FROM initiative_mark WHERE job_instance_id = ?").param(jobInstanceId).update();
	}

	/** In one JDBC batch: a statement per row was most of the judge step's time on a large plan. */
	void saveKpis(long jobInstanceId, List<KpiRow> rows) {
		batch.batchUpdate("""
				INSERT INTO kpi_judgement (job_instance_id, kpi_id, outcome, value, baseline, baseline_source, rate,
				  result_line, file_id, cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows.stream()
					.map(k -> new Object[] { jobInstanceId, k.kpiId(), k.outcome(), k.value(), plain(k.baseline()),
							k.baselineSource(), plain(k.rate()), k.resultLine(), k.fileId(), k.cell() })
					.toList());
	}

	void saveMarks(long jobInstanceId, List<MarkRow> rows) {
		batch.batchUpdate("""
				INSERT INTO initiative_mark (job_instance_id, initiative_id, mark, progress, declared, file_id, cell)
				VALUES (?, ?, ?, ?, ?, ?, ?)""",
				rows.stream()
					.map(m -> new Object[] { jobInstanceId, m.initiativeId(), m.mark(), m.progress(), m.declared(),
							m.fileId(), m.cell() })
					.toList());
	}

	public Map<String, KpiRow> kpis(long jobInstanceId) {
		Map<String, KpiRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT kpi_id, outcome, value, baseline, baseline_source, rate, result_line, file_id, cell
				FROM kpi_judgement WHERE job_instance_id = ?""")
			.param(jobInstanceId)
			.query((rs, n) -> new KpiRow(rs.getString(1), rs.getString(2), rs.getString(3), decimal(rs.getString(4)),
					rs.getString(5), decimal(rs.getString(6)), rs.getString(7), longOrNull(rs, 8),
					rs.getString(9)))
			.list()
			.forEach(r -> rows.put(r.kpiId(), r));
		return rows;
	}

	public Map<String, MarkRow> marks(long jobInstanceId) {
		Map<String, MarkRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT initiative_id, mark, progress, declared, file_id, cell FROM initiative_mark WHERE job_instance_id = ?""")
			.param(jobInstanceId)
			.query((rs, n) -> new MarkRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					longOrNull(rs, 5), rs.getString(6)))
			.list()
			.forEach(r -> rows.put(r.initiativeId(), r));
		return rows;
	}

	/** sqlite-jdbc's getObject(i, Long.class) throws "Bad value for type Long" on NULL (a 未提出 KPI has no file). */
	private static Long longOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static String plain(BigDecimal n) {
		return n == null ? null : n.toPlainString();
	}

	private static BigDecimal decimal(String s) {
		return s == null ? null : new BigDecimal(s);
	}

}
