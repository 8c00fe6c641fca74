package jp.csr.review.reviewbook;

import java.util.List;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.TermComparison;
import jp.csr.review.content.TermComparison.Rate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 前期比較 (PRODUCT.md §6), when the store holds the previous term of the same group: one row per KPI ID found in
 * both terms, and beside the table, where it is seen without scrolling past thousands of KPIs, the attainment
 * rate of both terms per materiality.
 */
final class ComparisonSheet {

	static final String NAME = "前期比較";

	static final List<String> HEADERS = List.of("KPI ID", "KPI", "判定", "単位", "前期実績", "今期実績", "増減", "前期結果", "今期結果");

	/** The rates' columns: after the table and an empty column. */
	static final int RATES = HEADERS.size() + 1;

	private static final int[] WIDTHS = { 10, 44, 7, 7, 12, 12, 10, 10, 10, 3, 30, 11, 11 };

	private final TermComparison comparison;

	private final Styles styles;

	private final Cuts cuts;

	ComparisonSheet(ReviewData data, Styles styles, Cuts cuts) {
		this.comparison = new TermComparison(data);
		this.styles = styles;
		this.cuts = cuts;
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		Table.header(sheet, HEADERS, WIDTHS, styles);
		Row header = sheet.getRow(0);
		for (int c = HEADERS.size(); c < WIDTHS.length; c++) {
			sheet.setColumnWidth(c, WIDTHS[c] * 256);
		}
		List<String> rateHeaders = rateHeaders(comparison);
		for (int c = 0; c < rateHeaders.size(); c++) {
			Put.text(header, RATES + c, rateHeaders.get(c), styles.header);
		}
		List<TermComparison.Row> kpis = comparison.rows();
		List<Rate> rates = comparison.rates();
		// streamed rows go down once: a row holds a KPI, a materiality's rates, or both
		for (int r = 0; r < Math.max(kpis.size(), rates.size()); r++) {
			Row row = sheet.createRow(r + 1);
			if (r < kpis.size()) {
				kpi(row, kpis.get(r));
			}
			if (r < rates.size()) {
				rate(row, RATES, rates.get(r), styles, cuts);
			}
			Table.fitHeight(row, WIDTHS);
		}
		Table.filter(sheet, HEADERS.size(), kpis.size());
	}

	/** マテリアリティ, then each term's 達成率 named by its 期. */
	static List<String> rateHeaders(TermComparison comparison) {
		return List.of("マテリアリティ", comparison.previousTerm() + "期 達成率", comparison.term() + "期 達成率");
	}

	/** A materiality's rates from {@code column} on: its name, the previous term's, this term's. */
	static void rate(Row row, int column, Rate rate, Styles styles, Cuts cuts) {
		cuts.text(row, column, rate.materiality(), styles.body,
				() -> Cuts.Origin.of("マテリアリティ" + Cuts.quote(rate.materiality())));
		Put.number(row, column + 1, rate.previous(), styles.percent);
		Put.number(row, column + 2, rate.current(), styles.percent);
	}

	private void kpi(Row row, TermComparison.Row kpi) {
		text(row, 0, kpi, kpi.kpi().id());
		text(row, 1, kpi, kpi.kpi().text());
		text(row, 2, kpi, kpi.kpi().judgement().label());
		text(row, 3, kpi, kpi.kpi().unit());
		value(row, 4, kpi, kpi.past().value(), kpi.past().number());
		value(row, 5, kpi, kpi.current() == null ? null : kpi.current().value(), kpi.currentNumber());
		Put.number(row, 6, kpi.change(), styles.number);
		text(row, 7, kpi, kpi.past().outcome());
		text(row, 8, kpi, kpi.currentOutcome());
	}

	/** A 実績: a number cell where it is a number, else the words as read (維持, 継続中); blank when none. */
	private void value(Row row, int column, TermComparison.Row kpi, String value, java.math.BigDecimal number) {
		if (number != null) {
			Put.number(row, column, number, styles.number);
		}
		else {
			text(row, column, kpi, value);
		}
	}

	private void text(Row row, int column, TermComparison.Row kpi, String text) {
		cuts.text(row, column, text, styles.body,
				() -> Cuts.Origin.of(NAME + " KPI" + Cuts.quote(kpi.kpi().id()) + "の「" + HEADERS.get(column) + "」"));
	}

}
