package jp.csr.review.reviewbook;

import java.util.Arrays;
import java.util.List;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.TermComparison;
import jp.csr.review.content.TermComparison.Rate;
import jp.csr.review.workbook.RowHeights;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * サマリー's block for two terms (PRODUCT.md §6): the attainment rate of the previous term and of this one per
 * materiality, under the sheet's own table, with a chart of the two series below it.
 */
final class TwoTermRates {

	private static final int CHART_COLUMNS = 8;

	private final TermComparison comparison;

	private final Styles styles;

	private final Cuts cuts;

	TwoTermRates(ReviewData data, Styles styles, Cuts cuts) {
		this.comparison = new TermComparison(data);
		this.styles = styles;
		this.cuts = cuts;
	}

	/** Writes the block from {@code firstRow} down, in columns A to C. */
	void write(SXSSFSheet sheet, int firstRow) {
		Row header = sheet.createRow(firstRow);
		List<String> headers = ComparisonSheet.rateHeaders(comparison);
		float height = 0;
		for (int c = 0; c < headers.size(); c++) {
			Put.text(header, c, headers.get(c), styles.header);
			// the table's narrow columns wrap 「53期 達成率」; a row is not grown for it on opening
			height = Math.max(height, RowHeights.points(headers.get(c), sheet.getColumnWidth(c) / 256, Styles.BODY_POINTS));
		}
		header.setHeightInPoints(height);
		List<Rate> rates = comparison.rates();
		for (int r = 0; r < rates.size(); r++) {
			ComparisonSheet.rate(sheet.createRow(firstRow + 1 + r), 0, rates.get(r), styles, cuts);
		}
		// the total is a row of the table, not a category of the chart
		int materialities = rates.size() - 1;
		if (materialities > 0) {
			chart(sheet, firstRow, materialities, headers);
		}
	}

	/** The previous term and this one side by side per materiality; the series point at the block's cells. */
	private void chart(SXSSFSheet sheet, int headerRow, int materialities, List<String> headers) {
		sheet.createDrawingPatriarch();
		XSSFDrawing drawing = sheet.getDrawingPatriarch();
		int first = headerRow + 1;
		int last = headerRow + materialities;
		List<Rate> rates = comparison.rates().subList(0, materialities);
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(
				rates.stream().map(Rate::materiality).toArray(String[]::new), SummarySheet.range(first, last, 0));
		int top = last + 3;
		// columns A to H, left of the sheet's other charts (from column I), whatever their height
		XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, top, CHART_COLUMNS,
				top + Math.max(12, materialities * 3 + 6)));
		chart.setTitleText("KPI達成率 (" + comparison.previousTerm() + "期・" + comparison.term() + "期)");
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFBarChartData bars = SummarySheet.bars(chart);
		series(bars, categories, rates.stream().map(Rate::previous).toArray(Double[]::new), first, last, 1, headerRow,
				headers.get(1), PresetColor.LIGHT_STEEL_BLUE);
		series(bars, categories, rates.stream().map(Rate::current).toArray(Double[]::new), first, last, 2, headerRow,
				headers.get(2), PresetColor.STEEL_BLUE);
		chart.plot(bars);
	}

	private static void series(XDDFBarChartData bars, XDDFDataSource<String> categories, Double[] values, int first,
			int last, int column, int headerRow, String title, PresetColor color) {
		// a materiality with nothing judged is drawn as no bar: the table above says so with an empty cell
		Double[] plotted = Arrays.stream(values).map(v -> v == null ? 0d : v).toArray(Double[]::new);
		XDDFChartData.Series series = bars.addSeries(categories,
				XDDFDataSourcesFactory.fromArray(plotted, SummarySheet.range(first, last, column)));
		series.setTitle(title, new CellReference(SummarySheet.NAME, headerRow, column, true, true));
		SummarySheet.fill(series, color);
	}

}
