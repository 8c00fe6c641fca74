package jp.csr.review.reviewbook;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.KpiStatus;
import jp.csr.review.content.ReviewMarks;
import jp.csr.review.judge.Outcome;
import jp.csr.review.plan.Commitment;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** KPI達成状況: one row per KPI of the plan, with what it was judged from and where that came from. */
public final class KpiSheet {

	static final String NAME = "KPI達成状況";

	static final List<String> HEADERS = List.of("KPI ID", "部署コード", "部署名", "マテリアリティ", "コミットメント", "KPI", "判定",
			"目標値", "基準値", "基準値の出典", "実績", "単位", "達成率", "結果",
			"コミットメントの結果", "出典");

	private static final int[] WIDTHS = { 10, 10, 18, 22, 24, 30, 6, 9, 9, 12, 12, 6, 9, 9, 12, 44 };

	/** A plain decimal, the only 実績 written as a number; words (維持, 達成) and anything odd stay text. */
	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");

	private final ReviewData data;

	private final Styles styles;

	private final Cuts cuts;

	private final ReviewMarks marks;

	/** By materiality and commitment: two materialities may each have a commitment of the same words. */
	private final Map<Commitment, String> commitmentOutcomes = new HashMap<>();

	KpiSheet(ReviewData data, Styles styles, Cuts cuts) {
		this.data = data;
		this.styles = styles;
		this.cuts = cuts;
		this.marks = new ReviewMarks(data);
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		Table.header(sheet, HEADERS, WIDTHS, styles);
		Plan plan = data.plan();
		int rowIndex = 1;
		for (Kpi kpi : plan.kpis()) {
			KpiStatus status = data.kpis().get(kpi.id());
			Row row = sheet.createRow(rowIndex++);
			planText(row, 0, kpi, kpi.id());
			planText(row, 1, kpi, kpi.departmentCode());
			planText(row, 2, kpi, plan.department(kpi.departmentCode()).map(Department::name).orElse(null));
			planText(row, 3, kpi, kpi.materiality());
			planText(row, 4, kpi, kpi.commitment());
			planText(row, 5, kpi, kpi.text());
			planText(row, 6, kpi, kpi.judgement().label());
			Put.number(row, 7, kpi.target(), styles.number);
			Put.number(row, 8, status == null ? null : status.baseline(), styles.number);
			planText(row, 9, kpi, status == null ? null : status.baselineSource());
			writeValue(row, 10, kpi, status);
			planText(row, 11, kpi, kpi.unit());
			BigDecimal rate = status == null ? null : status.rate();
			Put.number(row, 12, rate == null ? null : rate.doubleValue() / 100, styles.percent);
			planText(row, 13, kpi, marks.outcome(kpi));
			planText(row, 14, kpi, commitmentOutcome(kpi));
			planText(row, 15, kpi, status == null || status.source() == null ? null : status.source().describe());
			Table.fitHeight(row, WIDTHS);
		}
		Table.filter(sheet, HEADERS.size(), rowIndex - 1);
	}

	/** PRODUCT.md §5, {@link Outcome#ofCommitment}. Once per commitment: its KPIs' rows all show it. */
	private String commitmentOutcome(Kpi kpi) {
		return commitmentOutcomes.computeIfAbsent(new Commitment(kpi.materiality(), kpi.commitment()), commitment -> {
			List<Outcome> outcomes = data.plan().kpisOf(commitment).stream()
				.map(k -> data.kpis().get(k.id()))
				.map(s -> s == null ? Outcome.NOT_SUBMITTED : Outcome.ofLabel(s.outcome()))
				.toList();
			return Outcome.ofCommitment(outcomes).label();
		});
	}

	private void writeValue(Row row, int column, Kpi kpi, KpiStatus status) {
		String value = status == null ? null : status.value();
		if (value != null && DECIMAL.matcher(value).matches()) {
			Put.number(row, column, new BigDecimal(value), styles.number);
		}
		else {
			cuts.text(row, column, value, styles.body,
					() -> Cuts.Origin.of(what(kpi, column), kpi.departmentCode(), status.source()));
		}
	}

	/** A text of the plan, or one the review derived: no submission's cell to name. */
	private void planText(Row row, int column, Kpi kpi, String text) {
		cuts.text(row, column, text, styles.body, () -> Cuts.Origin.of(what(kpi, column)));
	}

	private static String what(Kpi kpi, int column) {
		return "KPI" + Cuts.quote(kpi.id()) + "の「" + HEADERS.get(column) + "」";
	}

}
