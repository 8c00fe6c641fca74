package jp.csr.review.reviewbook;

import java.util.ArrayList;
import java.util.List;

import jp.csr.review.content.AttainmentRate;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.InitiativeStatus;
import jp.csr.review.content.ReviewData.KpiStatus;
import jp.csr.review.judge.Outcome;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
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

/**
 * サマリー: per materiality, how the KPIs came out and how the initiatives were marked; with charts (PRODUCT.md v2
 * §6). Every outcome has its own column; the attainment rate counts only the KPIs judged 達成 or 未達, so a KPI still
 * 継続中, one that could not be judged, or one nobody reported is never counted as a failure.
 */
final class SummarySheet {

	static final String NAME = "サマリー";

	static final String TOTAL = "合計";

	/** Every outcome of §5, in its order: 達成, 未達, 継続中, 判定不能, 未報告, 未提出. */
	static final List<Outcome> OUTCOMES = List.of(Outcome.values());

	static final List<String> MARKS = List.of("◎", "○", "△");

	static final List<String> HEADERS = headers();

	private static final int FIRST_OUTCOME = 2;

	static final int RATE = FIRST_OUTCOME + OUTCOMES.size();

	private static final int FIRST_MARK = RATE + 1;

	private static final int[] WIDTHS = { 36, 8, 7, 7, 7, 9, 7, 7, 9, 6, 6, 6 };

	/** The charts' column: right of the table, one column apart. */
	private static final int CHARTS = FIRST_MARK + MARKS.size() + 1;

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
		// Table and charts side by side: one page, shrunk if need be, on the A3 landscape of every other sheet.
		sheet.getPrintSetup().setFitHeight((short) 1);
	}

	private static List<String> headers() {
		List<String> headers = new ArrayList<>(List.of("マテリアリティ", "KPI数"));
		OUTCOMES.forEach(o -> headers.add(o.label()));
		headers.add("達成率");
		headers.addAll(MARKS);
		return List.copyOf(headers);
	}

	private void writeLine(Row row, Line line) {
		cuts.text(row, 0, line.materiality, styles.body,
				() -> Cuts.Origin.of("マテリアリティ" + Cuts.quote(line.materiality)));
		Put.number(row, 1, (double) line.kpis, styles.integer);
		for (int o = 0; o < OUTCOMES.size(); o++) {
			Put.number(row, FIRST_OUTCOME + o, (double) line.outcomes[o], styles.integer);
		}
		Put.number(row, RATE, line.rate(), styles.percent);
		for (int m = 0; m < MARKS.size(); m++) {
			Put.number(row, FIRST_MARK + m, (double) line.marks[m], styles.integer);
		}
	}

	private List<Line> lines() {
		Plan plan = data.plan();
		List<Line> lines = new ArrayList<>();
		for (String materiality : plan.materialities()) {
			Line line = new Line(materiality);
			for (Kpi kpi : plan.kpis()) {
				if (kpi.materiality().equals(materiality)) {
					KpiStatus status = data.kpis().get(kpi.id());
					// a KPI the judge step has no verdict for is one whose department sent nothing
					line.count(status == null ? Outcome.NOT_SUBMITTED : Outcome.ofLabel(status.outcome()));
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
			for (int o = 0; o < OUTCOMES.size(); o++) {
				total.outcomes[o] += line.outcomes[o];
			}
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

		XSSFChart marks = chart(drawing, CHARTS, 0, height, "自己評価(◎/○/△)の内訳");
		XDDFBarChartData markData = bars(marks);
		for (int m = 0; m < MARKS.size(); m++) {
			final int index = m;
			Double[] values = lines.stream().map(l -> (double) l.marks[index]).toArray(Double[]::new);
			XDDFNumericalDataSource<Double> source = XDDFDataSourcesFactory.fromArray(values,
					range(firstRow, lastRow, FIRST_MARK + m));
			XDDFChartData.Series series = markData.addSeries(categories, source);
			series.setTitle(MARKS.get(m), new CellReference(NAME, 0, FIRST_MARK + m, true, true));
			fill(series, MARK_COLORS[m]);
		}
		marks.plot(markData);

		XSSFChart rates = chart(drawing, CHARTS, height + 1, height, "KPI達成率");
		XDDFBarChartData rateData = bars(rates);
		// a rate is at most 100%: a fixed scale keeps 50% looking like half, whatever the best rate is
		rateData.getValueAxes().get(0).setMaximum(1);
		// no rate, no bar: a materiality with no KPI judged 達成 or 未達 is a gap, not 0%
		Double[] values = lines.stream().map(Line::rate).toArray(Double[]::new);
		XDDFChartData.Series series = rateData.addSeries(categories,
				XDDFDataSourcesFactory.fromArray(values, range(firstRow, lastRow, RATE)));
		series.setTitle(HEADERS.get(RATE), new CellReference(NAME, 0, RATE, true, true));
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

		/** KPIs per outcome, in the order of {@link #OUTCOMES}. */
		final int[] outcomes = new int[OUTCOMES.size()];

		final int[] marks = new int[MARKS.size()];

		Line(String materiality) {
			this.materiality = materiality;
		}

		void count(Outcome outcome) {
			kpis++;
			outcomes[OUTCOMES.indexOf(outcome)]++;
		}

		Double rate() {
			return AttainmentRate.of(outcomes[OUTCOMES.indexOf(Outcome.ACHIEVED)],
					outcomes[OUTCOMES.indexOf(Outcome.NOT_ACHIEVED)]);
		}

	}

}
