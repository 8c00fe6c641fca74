package jp.csr.review.judge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;

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
	 * @param materiality the KPI's materiality in the run's plan; null for verdicts recorded before it was kept
	 * @param fileId the file the 実績 came from, null when none
	 */
	public record KpiRow(String kpiId, String materiality, String outcome, String value, BigDecimal baseline,
			String baselineSource, BigDecimal rate, String resultLine, Long fileId, String cell) {
	}

	/** A KPI of an earlier run, as the previous term's review showed it. */
	public record PastKpi(String kpiId, String materiality, String outcome, String value, BigDecimal number) {
	}

	public record MarkRow(String initiativeId, String mark, String progress, String declared, Long fileId,
			String cell) {
	}

	/** Replaces whatever an earlier attempt of the run judged, and records the term and group it judges. */
	void clear(long jobInstanceId, int term, String group) {
		jdbc.sql("DELETE FROM kpi_judgement WHERE job_instance_id = ?").param(jobInstanceId).update();
		jdbc.sql("DELETE FROM initiative_mark WHERE job_instance_id = ?").param(jobInstanceId).update();
		jdbc.sql("""
				INSERT INTO judged_term (job_instance_id, term, group_name) VALUES (?, ?, ?)
				ON CONFLICT (job_instance_id) DO UPDATE SET term = excluded.term, group_name = excluded.group_name""")
			.params(jobInstanceId, term, group)
			.update();
	}

	/** {@link #latestRun}, parameters term and group: also what a review built on that run depends on. */
	public static final String LATEST_RUN = """
			SELECT job_instance_id FROM judged_term WHERE term = ? AND (group_name = ? OR group_name IS NULL)
			ORDER BY job_instance_id DESC LIMIT 1""";

	/**
	 * The run that last judged a term of a group: its verdicts are what that term's review shows. Runs judged
	 * before the group was recorded count for any group.
	 */
	public Optional<Long> latestRun(int term, String group) {
		return jdbc.sql(LATEST_RUN)
			.params(term, group)
			.query(Long.class)
			.optional();
	}

	/**
	 * Every KPI a run judged, in its plan's order, with the number of its 実績 where it was one (from the file it
	 * was read from): one query for the run, however many KPIs.
	 */
	public Map<String, PastKpi> pastKpis(long jobInstanceId) {
		Map<String, PastKpi> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT j.kpi_id, j.materiality, j.outcome, j.value, r.number
				FROM kpi_judgement j LEFT JOIN kpi_result r ON r.file_id = j.file_id AND r.kpi_id = j.kpi_id
				WHERE j.job_instance_id = ? ORDER BY j.position""")
			.param(jobInstanceId)
			.query((rs, n) -> new PastKpi(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					decimal(rs.getString(5))))
			.list()
			.forEach(k -> rows.put(k.kpiId(), k));
		return rows;
	}

	/**
	 * The numbers a run's review shows (PRODUCT.md §5, §8): per KPI ID, its 実績 where that is a number, read from
	 * the file the run judged it from. A KPI the review shows without one (未報告, 未提出, a word such as 維持) is
	 * missing: an older file of the department, superseded by the one the review uses, is never looked at.
	 */
	public Map<String, BigDecimal> numbers(long jobInstanceId) {
		Map<String, BigDecimal> numbers = new LinkedHashMap<>();
		pastKpis(jobInstanceId).forEach((id, k) -> {
			if (k.number() != null) {
				numbers.put(id, k.number());
			}
		});
		return numbers;
	}

	/**
	 * {@link #numbers} of the review of a term of a group, as the run that last judged it showed them; none when no
	 * run judged it.
	 */
	public Map<String, BigDecimal> numbersOfTerm(int term, String group) {
		return latestRun(term, group).map(this::numbers).orElse(Map.of());
	}

	/**
	 * In one JDBC batch: a statement per row was most of the judge step's time on a large plan. Each row with the
	 * department the plan gives the KPI, which a 未提出 one has no file to tell (the views, PRODUCT.md §10).
	 */
	void saveKpis(long jobInstanceId, List<KpiRow> rows, Plan plan) {
		batch.batchUpdate("""
				INSERT INTO kpi_judgement (job_instance_id, kpi_id, position, materiality, outcome, value, baseline,
				  baseline_source, rate, result_line, file_id, cell, department_code)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				IntStream.range(0, rows.size()).mapToObj(i -> {
					KpiRow k = rows.get(i);
					return new Object[] { jobInstanceId, k.kpiId(), i, k.materiality(), k.outcome(), k.value(),
							plain(k.baseline()), k.baselineSource(), plain(k.rate()), k.resultLine(), k.fileId(), k.cell(),
							plan.kpi(k.kpiId()).map(Kpi::departmentCode).orElse(null) };
				}).toList());
	}

	void saveMarks(long jobInstanceId, List<MarkRow> rows, Plan plan) {
		batch.batchUpdate("""
				INSERT INTO initiative_mark (job_instance_id, initiative_id, mark, progress, declared, file_id, cell,
				  department_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				rows.stream()
					.map(m -> new Object[] { jobInstanceId, m.initiativeId(), m.mark(), m.progress(), m.declared(),
							m.fileId(), m.cell(), plan.initiative(m.initiativeId()).map(Initiative::departmentCode).orElse(null) })
					.toList());
	}

	public Map<String, KpiRow> kpis(long jobInstanceId) {
		Map<String, KpiRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT kpi_id, materiality, outcome, value, baseline, baseline_source, rate, result_line, file_id, cell
				FROM kpi_judgement WHERE job_instance_id = ?""")
			.param(jobInstanceId)
			.query((rs, n) -> new KpiRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					decimal(rs.getString(5)), rs.getString(6), decimal(rs.getString(7)), rs.getString(8),
					longOrNull(rs, 9), rs.getString(10)))
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
