package jp.csr.review.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.report.ReviewData.InitiativeStatus;
import jp.csr.review.report.ReviewData.KpiStatus;

/** サマリー: per materiality, how many KPIs were achieved and how the initiatives were marked; with charts. */
final class SummarySheet {

	static final String NAME = "サマリー";

	static final String TOTAL = "合計";

	static final String ACHIEVED = "達成";

	static final List<String> HEADERS = List.of("マテリアリティ", "KPI数", "達成数", "達成率", "◎", "○", "△");

	static final List<String> MARKS = List.of("◎", "○", "△");

	private static final int[] WIDTHS = { 36, 8, 8, 9, 6, 6, 6 };

	private static final PresetColor[] MARK_COLORS = { PresetColor.SEA_GREEN, PresetColor.GOLDENROD,
			PresetColor.INDIAN_RED };

	private final ReviewData data;

	private final Styles styles;

	private final Cuts cuts;

	SummarySheet(ReviewData data, Styles styles, Cuts cuts) {
		this.data = data;
		this.styles = styles;
		this.cuts = cuts;
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		Table.header(sheet, HEADERS, WIDTHS, styles);
		List<Line> lines = lines();
		int rowIndex = 1;
		for (Line line : lines) {
			writeLine(sheet.createRow(rowIndex++), line);
		}
		writeLine(sheet.createRow(rowIndex), total(lines));
		if (!lines.isEmpty()) {
			charts(sheet, lines);
		}
		if (data.previous() != null) {
			new TwoTermRates(data, styles, cuts).write(sheet, rowIndex + 2);
		}
		// Table and charts side by side: one page, shrunk if need be.
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.getPrintSetup().setFitHeight((short) 1);
	}

	private void writeLine(Row row, Line line) {
		cuts.text(row, 0, line.materiality, styles.body,
				() -> Cuts.Origin.of("マテリアリティ" + Cuts.quote(line.materiality)));
		Put.number(row, 1, (double) line.kpis, styles.integer);
		Put.number(row, 2, (double) line.achieved, styles.integer);
		Put.number(row, 3, line.rate(), styles.percent);
		for (int m = 0; m < MARKS.size(); m++) {
			Put.number(row, 4 + m, (double) line.marks[m], styles.integer);
		}
	}

	private List<Line> lines() {
		Plan plan = data.plan();
		List<Line> lines = new ArrayList<>();
		for (String materiality : plan.materialities()) {
			Line line = new Line(materiality);
			for (Kpi kpi : plan.kpis()) {
				if (kpi.materiality().equals(materiality)) {
					line.kpis++;
					KpiStatus status = data.kpis().get(kpi.id());
					if (status != null && ACHIEVED.equals(status.outcome())) {
						line.achieved++;
					}
				}
			}
			for (Initiative initiative : plan.initiatives()) {
				InitiativeStatus status = data.initiatives().get(initiative.id());
				// no mark when 進捗 was left blank: List.of(...).indexOf(null) would throw
				int mark = status == null || status.mark() == null ? -1 : MARKS.indexOf(status.mark());
				if (initiative.materiality().equals(materiality) && mark >= 0) {
					line.marks[mark]++;
				}
			}
			lines.add(line);
		}
		return lines;
	}

	private static Line total(List<Line> lines) {
		Line total = new Line(TOTAL);
		for (Line line : lines) {
			total.kpis += line.kpis;
			total.achieved += line.achieved;
			for (int m = 0; m < MARKS.size(); m++) {
				total.marks[m] += line.marks[m];
			}
		}
		return total;
	}

	/**
	 * SXSSFDrawing cannot make charts, but the XSSFDrawing behind it can. Each series points at the cells above
	 * (not only at cached values) so the charts follow if someone edits the table.
	 */
	private static void charts(SXSSFSheet sheet, List<Line> lines) {
		sheet.createDrawingPatriarch();
		XSSFDrawing drawing = sheet.getDrawingPatriarch();
		String[] materialities = lines.stream().map(l -> l.materiality).toArray(String[]::new);
		int firstRow = 1;
		int lastRow = lines.size();
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(materialities,
				range(firstRow, lastRow, 0));
		int height = Math.max(14, lines.size() * 2 + 6);

		XSSFChart marks = chart(drawing, 8, 0, height, "自己評価(◎/○/△)の内訳");
		XDDFBarChartData markData = bars(marks);
		for (int m = 0; m < MARKS.size(); m++) {
			final int index = m;
			Double[] values = lines.stream().map(l -> (double) l.marks[index]).toArray(Double[]::new);
			XDDFNumericalDataSource<Double> source = XDDFDataSourcesFactory.fromArray(values,
					range(firstRow, lastRow, 4 + m));
			XDDFChartData.Series series = markData.addSeries(categories, source);
			series.setTitle(MARKS.get(m), new CellReference(NAME, 0, 4 + m, true, true));
			fill(series, MARK_COLORS[m]);
		}
		marks.plot(markData);

		XSSFChart rates = chart(drawing, 8, height + 1, height, "KPI達成率");
		XDDFBarChartData rateData = bars(rates);
		Double[] values = lines.stream().map(l -> l.rate() == null ? 0d : l.rate()).toArray(Double[]::new);
		XDDFChartData.Series series = rateData.addSeries(categories,
				XDDFDataSourcesFactory.fromArray(values, range(firstRow, lastRow, 3)));
		series.setTitle(HEADERS.get(3), new CellReference(NAME, 0, 3, true, true));
		fill(series, PresetColor.STEEL_BLUE);
		rates.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		rates.plot(rateData);
	}

	private static XSSFChart chart(XSSFDrawing drawing, int column, int row, int height, String title) {
		XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, column, row, column + 10, row + height));
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		return chart;
	}

	/**
	 * Horizontal bars, since materiality names are long; categories run top-down in plan order, which puts the
	 * value axis at the far (bottom) end.
	 */
	static XDDFBarChartData bars(XSSFChart chart) {
		XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
		categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
		XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
		valueAxis.setCrosses(AxisCrosses.MAX);
		valueAxis.setMinimum(0);
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
		bars.setBarDirection(BarDirection.BAR);
		// Clustered, not stacked: a stacked bar needs c:overlap, which poi-ooxml-lite's schemas lack.
		bars.setBarGrouping(BarGrouping.CLUSTERED);
		bars.setVaryColors(false);
		return bars;
	}

	static void fill(XDDFChartData.Series series, PresetColor color) {
		XDDFShapeProperties properties = new XDDFShapeProperties();
		properties.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
		series.setShapeProperties(properties);
	}

	static String range(int firstRow, int lastRow, int column) {
		return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(NAME, true);
	}

	/** One materiality's counts. */
	private static final class Line {

		final String materiality;

		int kpis;

		int achieved;

		final int[] marks = new int[MARKS.size()];

		Line(String materiality) {
			this.materiality = materiality;
		}

		/** 達成数 / KPI数, as a fraction for a percent-formatted cell; none when there is nothing to rate. */
		Double rate() {
			return kpis == 0 ? null : (double) achieved / kpis;
		}

	}

}
