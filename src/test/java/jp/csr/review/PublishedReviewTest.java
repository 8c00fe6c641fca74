package jp.csr.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.csr.review.feedback.Drops;
import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumData;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review as the office publishes it (PRODUCT.md §6), from the real job on the sample with a plan grown by an
 * environment materiality and its own department, after the 提出期限: AD sent nothing, RISK's only file was sent back,
 * ENV typed its numbers every way a department does.
 */
@SpringBootTest
@SharedStoreToo
class PublishedReviewTest {

	static final Path ROOT = SampleFolders.copy("published-review");

	static final Path INPUT = ROOT.resolve("input");

	static final String ENVIRONMENT = "環境への配慮";

	static final String EMISSIONS = "温室効果ガス排出量の削減";

	static final String MANAGEMENT = "環境マネジメントの推進";

	static final String COMMUNITY = "地域社会への貢献";

	static final String VOLUNTEERING = "社員ボランティアの推進";

	/** Passed: every department without an accepted file is late. */
	static final LocalDate DEADLINE = LocalDate.of(2025, 10, 31);

	static final Department ENV = new Department("ENV", "環境推進部", null);

	static final Plan PLAN = plan();

	static {
		SampleWorkbooks.writePlan(PLAN, ROOT.resolve("plan.xlsx"));
		try {
			Files.delete(INPUT.resolve("53期_AD_広告審査部.xlsx"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// RISK's only file: 定性 takes 達成, 継続中 or 未達
		Drops.drop(INPUT, "RISK", "53期_RISK_リスク管理部.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("おおむね良好"),
				SampleFolders.RECEIVED);
		submitEnvironment();
	}

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Test
	void theReviewSaysWhoSentNothingPrintsNumbersAsGivenAndRatesOnlyWhatWasJudged() throws Exception {
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path file = ROOT.resolve("output/53期_行動計画振り返り.xlsx");
		ReviewWorkbook review = ReviewWorkbook.open(file);

		// 未提出 in the mark cell of each initiative of a department with no accepted file: nothing sent (AD) or
		// only a file sent back (RISK)
		for (Initiative initiative : PLAN.initiatives()) {
			String expected = switch (initiative.departmentCode()) {
				case "AD", "RISK" -> "未提出";
				case "ENV" -> initiative.id().equals("EI1") ? "◎" : "△";
				default -> SampleReviewTest.INITIATIVES.stream()
					.filter(i -> i[0].equals(initiative.text()))
					.findFirst()
					.orElseThrow()[1];
			};
			assertThat(review.initiativeRow(initiative.text(), 4)).as("mark of %s", initiative.id()).hasValue(expected);
		}

		// 実績 lines: the thousands separated and the decimals as given, however typed
		assertThat(review.review(EMISSIONS, 5)).hasValue(String.join("\n", "Scope1排出量 11,800t-CO2",
				"Scope2排出量 11,800t-CO2", "再エネ発電量 11,800kWh", "省エネ削減量 11,800kWh", "リサイクル率 98.50%",
				"廃棄物量 1,234,567.250t"));

		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("振り返り");
			for (Row row : sheet) {
				if (row.getRowNum() > 1 && row.getCell(4) != null && "未提出".equals(row.getCell(4).getStringCellValue())) {
					assertThat(row.getCell(4).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.CENTER);
				}
			}
			// the legend tells what 未提出 means, under the three marks
			int legend = sheet.getLastRowNum() - 3;
			assertThat(Stream.of(legend, legend + 1, legend + 2, legend + 3).map(r -> SampleReviewTest.text(sheet, r, 0)))
				.containsExactly("◎ アクションが完了している", "○ 最終的な評価のみを記載しているがまだアクションが完了していない", "△ アクションが完了していない",
						"未提出 担当部署から実績が提出されていない");
			assertThat(sheet.getRow(legend - 1)).as("one empty row between table and legend").isNull();

			assertRateChartHasAGap(workbook);
		}

		// サマリー: each outcome in its own column; the rate over 達成 + 未達 only, none where nothing was judged
		assertThat(review.table("サマリー")).containsExactly(
				summary(SampleWorkbooks.MATERIALITY, 13, 3, 3, 2, 2, 0, 3, "50.0%", 14, 4, 0),
				summary(ENVIRONMENT, 10, 5, 1, 1, 1, 1, 1, "83.3%", 1, 0, 1),
				summary(COMMUNITY, 1, 0, 0, 0, 0, 0, 1, "", 0, 0, 0),
				summary("合計", 24, 8, 4, 3, 3, 1, 5, "66.7%", 15, 4, 1));
		assertThat(review.row("KPI達成状況", "KPI ID", "E8").get("結果")).isEqualTo("判定不能");

		// 提出状況: after the deadline, a department with nothing accepted is late; one that sent in time is not
		assertThat(review.row("提出状況", "部署コード", "AD")).containsEntry("状態", "未提出").containsEntry("期限超過", "はい");
		assertThat(review.row("提出状況", "部署コード", "RISK")).containsEntry("状態", "差戻し").containsEntry("期限超過", "はい");
		assertThat(review.row("提出状況", "部署コード", "ENV")).containsEntry("状態", "受理").containsEntry("期限超過", "いいえ");
		assertThat(review.row("提出状況", "部署コード", "ISEC")).containsEntry("状態", "受理").containsEntry("期限超過", "いいえ");
	}

	/**
	 * The rate chart's series has no point for the materiality without a rate: a gap, not a bar at 0%; its scale
	 * ends at 100%.
	 */
	private static void assertRateChartHasAGap(XSSFWorkbook workbook) {
		XSSFDrawing drawing = (XSSFDrawing) workbook.getSheet("サマリー").getDrawingPatriarch();
		XSSFChart rates = drawing.getCharts()
			.stream()
			.filter(c -> c.getTitleText().getString().equals("KPI達成率"))
			.findFirst()
			.orElseThrow();
		CTNumData cache = rates.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getVal().getNumRef()
			.getNumCache();
		assertThat(Stream.of(cache.getPtArray()).map(p -> p.getIdx() + "=" + p.getV()).toList())
			.containsExactly("0=0.5", "1=0.8333333333333334");
		assertThat(rates.getCTChart().getPlotArea().getValAxArray(0).getScaling().getMax().getVal()).as("100% at most")
			.isEqualTo(1.0);
	}

	private static Map<String, String> summary(String materiality, int kpis, int achieved, int notAchieved,
			int inProgress, int undetermined, int notReported, int notSubmitted, String rate, int done, int ongoing,
			int notDone) {
		List<String> values = new ArrayList<>(List.of(materiality));
		for (int n : new int[] { kpis, achieved, notAchieved, inProgress, undetermined, notReported, notSubmitted }) {
			values.add(String.valueOf(n));
		}
		values.add(rate);
		for (int n : new int[] { done, ongoing, notDone }) {
			values.add(String.valueOf(n));
		}
		List<String> headers = List.of("マテリアリティ", "KPI数", "達成", "未達", "継続中", "判定不能", "未報告", "未提出", "達成率", "◎", "○",
				"△");
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			row.put(headers.get(i), values.get(i));
		}
		return row;
	}

	/**
	 * The sample's plan with a 提出期限, and two materialities more: one served by ENV and by AD (who sends nothing),
	 * one by AD alone.
	 */
	private static Plan plan() {
		Plan sample = SampleWorkbooks.plan();
		List<Department> departments = new ArrayList<>(sample.departments());
		departments.add(ENV);
		List<Kpi> kpis = new ArrayList<>(sample.kpis());
		kpis.add(kpi("E1", "ENV", EMISSIONS, "Scope1排出量12,000t-CO2以下", "Scope1排出量", Criterion.AT_MOST, "12000", "t-CO2"));
		kpis.add(kpi("E2", "ENV", EMISSIONS, "Scope2排出量12,000t-CO2以下", "Scope2排出量", Criterion.AT_MOST, "12000", "t-CO2"));
		kpis.add(kpi("E3", "ENV", EMISSIONS, "再エネ発電量10,000kWh以上", "再エネ発電量", Criterion.AT_LEAST, "10000", "kWh"));
		kpis.add(kpi("E4", "ENV", EMISSIONS, "省エネ削減量20,000kWh以上", "省エネ削減量", Criterion.AT_LEAST, "20000", "kWh"));
		kpis.add(kpi("E5", "ENV", EMISSIONS, "リサイクル率98%以上", "リサイクル率", Criterion.AT_LEAST, "98", "%"));
		kpis.add(kpi("E6", "ENV", EMISSIONS, "廃棄物量2,000,000t以下", "廃棄物量", Criterion.AT_MOST, "2000000", "t"));
		kpis.add(kpi("E7", "ENV", MANAGEMENT, "ISO14001の運用", "ISO14001の運用", Criterion.QUALITATIVE, null, ""));
		kpis.add(kpi("E8", "ENV", MANAGEMENT, "環境研修の受講者数増加", "環境研修の受講者数", Criterion.INCREASE, null, "人"));
		kpis.add(kpi("E9", "ENV", MANAGEMENT, "環境監査の実施件数", "環境監査の実施件数", Criterion.AT_LEAST, "2", "件"));
		kpis.add(kpi("E10", "AD", MANAGEMENT, "環境配慮型広告の推進", "環境配慮型広告", Criterion.QUALITATIVE, null, ""));
		kpis.add(kpi("C1", "AD", VOLUNTEERING, "ボランティア参加者数100人以上", "ボランティア参加者数", Criterion.AT_LEAST, "100", "人"));
		List<Initiative> initiatives = new ArrayList<>(sample.initiatives());
		initiatives.add(new Initiative("EI1", "ENV", ENVIRONMENT, EMISSIONS, "再生可能エネルギーの導入"));
		initiatives.add(new Initiative("EI2", "ENV", ENVIRONMENT, MANAGEMENT, "環境監査体制の整備"));
		initiatives.add(new Initiative("EI3", "AD", ENVIRONMENT, MANAGEMENT, "環境配慮型広告の基準策定"));
		initiatives.add(new Initiative("CI1", "AD", COMMUNITY, VOLUNTEERING, "地域清掃活動への参加"));
		return new Plan(sample.group(), sample.term(), sample.start(), sample.end(), DEADLINE, departments, kpis,
				initiatives);
	}

	private static Kpi kpi(String id, String department, String commitment, String text, String indicator,
			Criterion judgement, String target, String unit) {
		String materiality = commitment.equals(VOLUNTEERING) ? COMMUNITY : ENVIRONMENT;
		return new Kpi(id, department, materiality, commitment, text, indicator, judgement,
				target == null ? null : new BigDecimal(target), unit, null);
	}

	/** ENV's file, from the template of the grown plan: each 実績 typed the way the test needs. */
	private static void submitEnvironment() {
		Path file = INPUT.resolve(TemplateWriter.fileName(PLAN, ENV));
		try {
			new TemplateWriter("").write(PLAN, ENV, file);
			try (XSSFWorkbook wb = open(file)) {
				Drops.cell(wb, "表紙!B5").setCellValue("環境 太郎");
				Drops.cell(wb, "表紙!B6").setCellValue(LocalDate.of(2025, 10, 20));
				result(wb, "E1", c -> c.setCellValue("11,800t-CO2"));
				result(wb, "E2", c -> c.setCellValue("１１，８００"));
				result(wb, "E3", c -> {
					c.setCellValue(11800);
					c.setCellStyle(format(wb, c.getCellStyle(), "#,##0"));
				});
				result(wb, "E4", c -> {
					c.setCellValue(11800);
					c.setCellStyle(format(wb, c.getCellStyle(), "General"));
				});
				result(wb, "E5", c -> c.setCellValue("98.50%"));
				result(wb, "E6", c -> c.setCellValue("１２３４５６７．２５０ｔ"));
				result(wb, "E7", c -> c.setCellValue("継続中"));
				result(wb, "E8", c -> c.setCellValue(120));
				// E9 left blank: 未報告
				progress(wb, "EI1", "完了");
				progress(wb, "EI2", "未着手");
				SampleWorkbooks.saveAs(wb, file);
			}
			Files.setLastModifiedTime(file, FileTime.from(SampleFolders.RECEIVED));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	/** ENV's KPIs E1… stand in the template's rows 2… in plan order. */
	private static void result(XSSFWorkbook wb, String kpi, Consumer<XSSFCell> typing) {
		int row = Integer.parseInt(kpi.substring(1)) + 1;
		assertThat(Drops.cell(wb, "KPI!A" + row).getStringCellValue()).isEqualTo(kpi);
		typing.accept((XSSFCell) Drops.cell(wb, "KPI!F" + row));
	}

	/** ENV's initiatives EI1… stand in the template's rows 2…. */
	private static void progress(XSSFWorkbook wb, String initiative, String progress) {
		int row = Integer.parseInt(initiative.substring(2)) + 1;
		assertThat(Drops.cell(wb, "取り組み!A" + row).getStringCellValue()).isEqualTo(initiative);
		Drops.cell(wb, "取り組み!C" + row).setCellValue(progress);
	}

	private static XSSFCellStyle format(XSSFWorkbook wb, XSSFCellStyle base, String format) {
		XSSFCellStyle style = wb.createCellStyle();
		style.cloneStyleFrom(base);
		style.setDataFormat(wb.createDataFormat().getFormat(format));
		return style;
	}

}
