package jp.csr.review.reviewbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.csr.review.content.PageBreaks;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.DepartmentStatus;
import jp.csr.review.content.ReviewData.Highlight;
import jp.csr.review.content.ReviewData.InitiativeStatus;
import jp.csr.review.content.ReviewData.IssueRow;
import jp.csr.review.content.ReviewData.KpiStatus;
import jp.csr.review.content.ReviewData.Source;
import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.workbook.RowHeights;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewWorkbookWriterTest {

	private static final String RESPONSIBLE = "責任ある企業活動の実施";

	private static final String SECURITY = "情報セキュリティ体制の構築";

	private static final String COMPLIANCE = "コンプライアンス・リスクマネジメント経営の推進";

	private static final String RISK = "リスク管理体制の拡充";

	private static final String BCP = "BCP規程の社内啓蒙";

	@TempDir
	Path out;

	@Test
	void writesTheReviewTableLikeThePublishedOne() throws IOException {
		Path file = new ReviewWorkbookWriter().write(data(List.of()), out);

		assertThat(file.getFileName()).hasToString("53期_行動計画振り返り.xlsx");
		try (XSSFWorkbook workbook = open(file)) {
			assertThat(sheetNames(workbook)).containsExactly("振り返り", "KPI達成状況", "サマリー", "提出状況", "検証結果");
			Sheet sheet = workbook.getSheet("振り返り");
			assertThat(text(sheet, "A1")).isEqualTo("53期(2024年10月~2025年9月) マイナビグループ行動計画振り返り");
			assertThat(row(sheet, 1)).containsExactly("マテリアリティ", "コミットメント", "53期KPI\n(2024年10月~2025年9月)",
					"具体的な取り組み", "アクションプランに\n対する自己評価", "53期実績\n(2024年10月~2025年9月)",
					"53期実績(2024年10月~2025年9月)\n主な取り組みとハイライト");

			assertThat(row(sheet, 2)).containsExactly(RESPONSIBLE, SECURITY, "重大インシデント件数0件\nISMS維持(取得部門についてのみ)",
					"社内向けのセキュリティサービス提供", "◎", "重大インシデント件数1件\nISMS維持", "セキュリティサービスを追加導入した。");
			assertThat(row(sheet, 3)).containsExactly("", "", "", "海外を含む子会社との情報セキュリティに関する連絡網の策定", "○", "", "");
			assertThat(row(sheet, 4)).containsExactly("", "", "", "他社CSIRTとの連携", "△", "", "");
			assertThat(row(sheet, 5)).containsExactly("", COMPLIANCE, "コンプライアンス研修の目標受講率100%\n重大な法令違反発生件数 0件",
					"コンプライアンス研修受講率100%に向けた継続的な取組の継続", "◎", "コンプライアンス研修受講率 98.9%",
					"法務部: e-learning研修を実施した。\n続けて階層別研修も実施した。\n\n総務部: 対面研修を13拠点で完了した。");
			// no accepted file for this initiative's department: 未提出, never a blank that reads as ◎
			assertThat(row(sheet, 6)).containsExactly("", "", "", "リスクマネジメント研修等、啓発施策の推進", "未提出", "", "");
			// a commitment without initiatives still gets its row
			assertThat(row(sheet, 7)).containsExactly(RISK, BCP, "BCP訓練2回以上", "", "", "", "=1+1");
			assertThat(sheet.getRow(7).getCell(6).getCellType()).isEqualTo(CellType.STRING);

			assertThat(sheet.getRow(8)).isNull();
			assertThat(text(sheet, "A10")).isEqualTo("◎ アクションが完了している");
			assertThat(text(sheet, "A11")).isEqualTo("○ 最終的な評価のみを記載しているがまだアクションが完了していない");
			assertThat(text(sheet, "A12")).isEqualTo("△ アクションが完了していない");
			assertThat(text(sheet, "A13")).isEqualTo("未提出 担当部署から実績が提出されていない");

			assertThat(sheet.getMergedRegions()).map(CellRangeAddress::formatAsString)
				.containsExactlyInAnyOrder("A1:G1", "A3:A7", "B3:B5", "C3:C5", "F3:F5", "G3:G5", "B6:B7", "C6:C7",
						"F6:F7", "G6:G7");
			for (int r = 2; r <= 7; r++) {
				Cell mark = sheet.getRow(r).getCell(4);
				assertThat(mark.getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.CENTER);
				// cells inside merged regions exist and carry borders, so the grid prints
				for (int c = 0; c < 7; c++) {
					assertThat(sheet.getRow(r).getCell(c).getCellStyle().getBorderBottom()).isNotNull()
						.hasToString("THIN");
				}
			}
			assertThat(sheet.getRow(2).getCell(3).getCellStyle().getWrapText()).isTrue();

			PrintSetup print = sheet.getPrintSetup();
			assertThat(print.getLandscape()).isTrue();
			assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A3_PAPERSIZE);
			assertThat(sheet.getFitToPage()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(print.getFitHeight()).isEqualTo((short) 0);
			assertThat(sheet.getRepeatingRows().getFirstRow()).isZero();
			assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(1);
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
		}
		assertThat(filesIn(out)).containsExactly("53期_行動計画振り返り.xlsx");
	}

	@Test
	void rowsAreTallEnoughForTheMergedText() throws IOException {
		Path file = new ReviewWorkbookWriter().write(data(List.of()), out);
		try (XSSFWorkbook workbook = open(file)) {
			Sheet sheet = workbook.getSheet("振り返り");
			float block = sheet.getRow(5).getHeightInPoints() + sheet.getRow(6).getHeightInPoints();
			String highlight = sheet.getRow(5).getCell(6).getStringCellValue();
			assertThat(block).isGreaterThanOrEqualTo(RowHeights.points(highlight, ReviewSheet.WIDTHS[6], 10));
			assertThat(sheet.getRow(1).getHeightInPoints()).isGreaterThan(40f);
		}
		assertThat(RowHeights.lines("あ".repeat(64), 66, 10)).isEqualTo(2);
		assertThat(RowHeights.lines("a\n\nb", 66, 10)).isEqualTo(3);
		// the shortest rows are raised first; nobody shrinks
		assertThat(RowHeights.share(new float[] { 20, 60, 20 }, 150)).containsExactly(45, 60, 45);
		assertThat(RowHeights.share(new float[] { 20, 60 }, 50)).containsExactly(20, 60);
		assertThat(RowHeights.share(new float[] { 20 }, 5000)).containsExactly(409);
	}

	@Test
	void aFailedWriteKeepsThePreviousReviewAndLeavesNothingBehind() throws IOException {
		ReviewData base = data(List.of());
		Path file = new ReviewWorkbookWriter().write(base, out);
		byte[] previous = Files.readAllBytes(file);
		ReviewData failing = new ReviewData(base.plan(), base.kpis(), base.initiatives(), base.highlights(),
				base.departments(), sink -> {
					throw new IllegalStateException("store went away");
				});

		assertThatThrownBy(() -> new ReviewWorkbookWriter().write(failing, out))
			.isInstanceOf(IllegalStateException.class);

		assertThat(Files.readAllBytes(file)).isEqualTo(previous);
		assertThat(filesIn(out)).containsExactly("53期_行動計画振り返り.xlsx");
	}

	@Test
	void anEmptyPlanStillGivesAWorkbook() throws IOException {
		Plan plan = new Plan("マイナビグループ", 54, YearMonth.of(2025, 10), YearMonth.of(2026, 9), null, List.of(), List.of(),
				List.of());
		Path file = new ReviewWorkbookWriter().write(
				new ReviewData(plan, Map.of(), Map.of(), Map.of(), List.of(), sink -> {
				}), out);
		try (XSSFWorkbook workbook = open(file)) {
			Sheet sheet = workbook.getSheet("振り返り");
			assertThat(text(sheet, "A1")).isEqualTo("54期(2025年10月~2026年9月) マイナビグループ行動計画振り返り");
			assertThat(text(sheet, "A4")).isEqualTo("◎ アクションが完了している");
			assertThat(row(workbook.getSheet("サマリー"), 1)).containsExactly("合計", "0.0", "0.0", "0.0", "0.0", "0.0", "0.0",
					"0.0", "", "0.0", "0.0", "0.0");
		}
		assertThat(file.getFileName()).hasToString("54期_行動計画振り返り.xlsx");
	}

	@Test
	void pagesBreakBetweenCommitmentsUnlessOneIsTallerThanAPage() {
		// blocks of 2, 3 and 2 rows; a page holds 100 points of rows
		float[] heights = { 30, 30, 20, 20, 20, 60, 60 };
		assertThat(PageBreaks.before(new int[] { 2, 3, 2 }, heights, 100)).containsExactly(2, 5, 6);
		assertThat(PageBreaks.before(new int[] { 2, 3, 2 }, heights, 1000)).isEmpty();
		assertThat(PageBreaks.before(new int[] { 1, 1 }, new float[] { 500, 10 }, 100)).containsExactly(1);
	}

	@Test
	void writesTheListSheets() throws IOException {
		List<IssueRow> issues = List.of(
				new IssueRow("@法務部.xlsx", "D02 法務部", "KPI", "F7", "エラー", "+SUM(A1) は数値ではありません",
						java.time.LocalDateTime.of(2026, 11, 30, 2, 0)),
				new IssueRow("総務部.xlsx", "D03 総務部", "表紙", "B3", "警告", "提出期限を過ぎています",
						java.time.LocalDateTime.of(2026, 11, 28, 2, 1)));
		Path file = new ReviewWorkbookWriter().write(data(issues), out);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet kpis = workbook.getSheet("KPI達成状況");
			assertThat(row(kpis, 0)).containsExactly("KPI ID", "部署コード", "部署名", "マテリアリティ", "コミットメント", "KPI", "判定", "目標値",
					"基準値", "基準値の出典", "実績", "単位", "達成率", "結果", "コミットメントの結果", "出典");
			assertThat(row(kpis, 1)).containsExactly("K1", "D01", "情報セキュリティ部", RESPONSIBLE, SECURITY, "重大インシデント件数0件", "以下",
					"0.0", "", "", "1.0", "件", "0.0", "未達", "未達", "情報セキュリティ部.xlsx (3f2a9c1b) KPI!F2");
			assertThat(row(kpis, 2)).element(10).isEqualTo("維持");
			Cell rate = kpis.getRow(3).getCell(12);
			assertThat(rate.getNumericCellValue()).isCloseTo(0.989, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(row(kpis, 4)).containsExactly("K4", "D03", "総務部", RESPONSIBLE, COMPLIANCE, "重大な法令違反発生件数 0件", "以下",
					"0.0", "", "", "", "件", "", "未提出", "未達", "");
			assertThat(kpis.getRow(4).getCell(12).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(kpis.getLastRowNum()).isEqualTo(5);
			assertThat(((XSSFSheet) kpis).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:P6");
			assertThat(kpis.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

			Sheet summary = workbook.getSheet("サマリー");
			assertThat(row(summary, 0)).containsExactly("マテリアリティ", "KPI数", "達成", "未達", "継続中", "判定不能", "未報告", "未提出",
					"達成率", "◎", "○", "△");
			// 達成 / (達成 + 未達): the KPI of a department that sent nothing is no failure
			assertThat(row(summary, 1)).containsExactly(RESPONSIBLE, "4.0", "1.0", "2.0", "0.0", "0.0", "0.0", "1.0",
					String.valueOf(1d / 3), "2.0", "1.0", "1.0");
			assertThat(row(summary, 2)).containsExactly(RISK, "1.0", "0.0", "0.0", "0.0", "0.0", "0.0", "1.0", "", "0.0",
					"0.0", "0.0");
			assertThat(row(summary, 3)).containsExactly("合計", "5.0", "1.0", "2.0", "0.0", "0.0", "0.0", "2.0",
					String.valueOf(1d / 3), "2.0", "1.0", "1.0");
			assertThat(summary.getRow(1).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(((XSSFDrawing) summary.getDrawingPatriarch()).getCharts()).hasSize(2);

			Sheet submissions = workbook.getSheet("提出状況");
			assertThat(row(submissions, 0)).containsExactly("部署コード", "部署名", "状態", "使用中のファイル", "受信日時", "提出者", "提出日",
					"期限超過", "エラー件数", "警告件数", "差戻しファイル", "確認", "確認者", "確認日", "コメント");
			assertThat(row(submissions, 1)).containsExactly("D01", "情報セキュリティ部", "受理", "情報セキュリティ部.xlsx",
					"2025/10/14 09:30", "山田", "2025/10/13", "いいえ", "0.0", "1.0", "");
			assertThat(row(submissions, 2)).containsExactly("D02", "法務部", "差戻し", "法務部_v1.xlsx", "2025/10/10 17:05",
					"佐藤", "2025/10/10", "はい", "1.0", "0.0", "@法務部.xlsx");
			assertThat(row(submissions, 3)).containsExactly("D03", "総務部", "未提出", "", "", "", "", "いいえ", "0.0", "0.0",
					"");

			Sheet checks = workbook.getSheet("検証結果");
			assertThat(row(checks, 0)).containsExactly("ファイル", "部署", "シート", "セル", "区分", "メッセージ", "検出日時");
			assertThat(row(checks, 1)).containsExactly("@法務部.xlsx", "D02 法務部", "KPI", "F7", "エラー",
					"+SUM(A1) は数値ではありません", "2026/11/30 02:00");
			assertThat(checks.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(checks.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.STRING);
			// a real date, so the office can sort and filter by it
			assertThat(checks.getRow(1).getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row(checks, 2)).containsExactly("総務部.xlsx", "D03 総務部", "表紙", "B3", "警告", "提出期限を過ぎています",
					"2026/11/28 02:01");
			assertThat(((XSSFSheet) checks).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G3");
		}
	}

	@Test
	void cutsTextPastTheCellLimitAndSaysSo() throws IOException {
		String tooLong = varied(40_000, 1);
		ReviewData base = data(List.of(new IssueRow("x.xlsx", "D01", "KPI", "A1", "警告", tooLong)));
		Map<String, List<Highlight>> highlights = new LinkedHashMap<>(base.highlights());
		highlights.put(SECURITY, List.of(new Highlight("D01", tooLong,
				new Source("情報セキュリティ部.xlsx", "3f2a9c1b77aa", "ハイライト!B2"))));
		// two departments' paragraphs, each within the limit, past it together
		String half = varied(20_000, 2);
		highlights.put(COMPLIANCE, List.of(new Highlight("D02", half, new Source("法務部_v1.xlsx", "aa11", "ハイライト!B2")),
				new Highlight("D03", half, new Source("総務部.xlsx", "bb22", "ハイライト!B3"))));
		Map<String, KpiStatus> kpis = new LinkedHashMap<>(base.kpis());
		kpis.put("K2", new KpiStatus("判定不能", tooLong, null, null, null, null,
				new Source("情報セキュリティ部.xlsx", "3f2a9c1b77aa", "KPI!F3")));
		ReviewData data = new ReviewData(base.plan(), kpis, base.initiatives(), highlights, base.departments(),
				base.issues());

		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(Cuts.class);
		logged.start();
		logger.addAppender(logged);
		Path file;
		try {
			file = new ReviewWorkbookWriter().write(data, out);
		}
		finally {
			logger.detachAppender(logged);
		}

		try (XSSFWorkbook workbook = open(file)) {
			for (String cell : List.of("振り返り!G3", "振り返り!G6", "KPI達成状況!K3", "検証結果!F2")) {
				String[] at = cell.split("!");
				String value = text(workbook.getSheet(at[0]), at[1]);
				assertThat(value).as(cell).hasSize(32_767).endsWith("…(以下省略)");
			}
			Sheet checks = workbook.getSheet("検証結果");
			// the run's own issue first, then one 警告 per cut, in the order the cells were written
			assertThat(checks.getLastRowNum()).isEqualTo(5);
			assertThat(row(checks, 2)).containsExactly("情報セキュリティ部.xlsx", "D01", "ハイライト", "B2", "警告",
					"振り返り!G3: コミットメント「情報セキュリティ体制の構築」のハイライトが32,767文字を超えたため切り詰めました(元の長さ 40,000文字)", "");
			assertThat(row(checks, 3)).containsExactly("法務部_v1.xlsx、総務部.xlsx", "D02、D03", "", "", "警告",
					"振り返り!G6: コミットメント「コンプライアンス・リスクマネジメント経営の推進」のハイライトが32,767文字を超えたため切り詰めました(元の長さ 40,002文字)", "");
			assertThat(row(checks, 4)).containsExactly("情報セキュリティ部.xlsx", "D01", "KPI", "F3", "警告",
					"KPI達成状況!K3: KPI「K2」の「実績」が32,767文字を超えたため切り詰めました(元の長さ 40,000文字)", "");
			assertThat(row(checks, 5)).containsExactly("x.xlsx", "D01", "KPI", "A1", "警告",
					"検証結果!F2: 検証結果の行(「x.xlsx」 KPI!A1)の「メッセージ」が32,767文字を超えたため切り詰めました(元の長さ 40,000文字)", "");
			assertThat(((XSSFSheet) checks).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G6");
		}
		assertThat(logged.list).hasSize(4).allMatch(e -> e.getLevel() == Level.WARN);
		assertThat(logged.list.get(1).getFormattedMessage()).startsWith("振り返り!G6: コミットメント「")
			.endsWith(" [法務部_v1.xlsx、総務部.xlsx]");

		assertThat(Put.fit("a".repeat(32_759) + "😀".repeat(10))).hasSizeLessThanOrEqualTo(32_767)
			.endsWith("a…(以下省略)");
		assertThat(Put.fit("=1+1")).isEqualTo("=1+1");
		assertThat(Cuts.quote("あ".repeat(29) + "😀\n続き")).isEqualTo("「" + "あ".repeat(29) + "😀…」");
	}

	@Test
	void aReviewWithinTheLimitsWarnsOfNothing() throws IOException {
		Path file = new ReviewWorkbookWriter().write(data(List.of()), out);

		try (XSSFWorkbook workbook = open(file)) {
			assertThat(workbook.getSheet("検証結果").getLastRowNum()).isZero();
		}
	}

	@Test
	void streamsManyIssuesAndReplacesThePreviousReview() throws IOException {
		int count = 5_000;
		ReviewData.RowSource<IssueRow> many = sink -> {
			for (int i = 0; i < count; i++) {
				sink.accept(new IssueRow("f" + i + ".xlsx", "D01", "KPI", "F" + (i + 2), "エラー", "メッセージ " + i));
			}
		};
		ReviewData base = data(List.of());
		new ReviewWorkbookWriter().write(base, out);
		Path file = new ReviewWorkbookWriter().write(new ReviewData(base.plan(), base.kpis(), base.initiatives(),
				base.highlights(), base.departments(), many), out);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet checks = workbook.getSheet("検証結果");
			assertThat(checks.getLastRowNum()).isEqualTo(count);
			assertThat(row(checks, count)).element(5).isEqualTo("メッセージ " + (count - 1));
		}
		assertThat(filesIn(out)).containsExactly("53期_行動計画振り返り.xlsx");
	}

	@Test
	void leavesNoStreamingTempFilesBehind(@TempDir Path poiTemp) throws IOException {
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
		try {
			new ReviewWorkbookWriter().write(data(List.of()), out);
		}
		finally {
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
		}
		try (Stream<Path> files = Files.walk(poiTemp)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	// --- the data: two materialities, three commitments (one served by two departments, one without initiatives)

	static Plan plan() {
		List<Department> departments = List.of(new Department("D01", "情報セキュリティ部", null),
				new Department("D02", "法務部", null), new Department("D03", "総務部", null));
		List<Kpi> kpis = List.of(
				new Kpi("K1", "D01", RESPONSIBLE, SECURITY, "重大インシデント件数0件", "重大インシデント件数", Criterion.AT_MOST,
						BigDecimal.ZERO, "件", null),
				new Kpi("K2", "D01", RESPONSIBLE, SECURITY, "ISMS維持(取得部門についてのみ)", "ISMS", Criterion.MAINTAIN, null, null,
						null),
				new Kpi("K3", "D02", RESPONSIBLE, COMPLIANCE, "コンプライアンス研修の目標受講率100%", "コンプライアンス研修受講率",
						Criterion.AT_LEAST, new BigDecimal("100"), "%", null),
				new Kpi("K4", "D03", RESPONSIBLE, COMPLIANCE, "重大な法令違反発生件数 0件", "重大な法令違反発生件数", Criterion.AT_MOST,
						BigDecimal.ZERO, "件", null),
				new Kpi("K5", "D03", RISK, BCP, "BCP訓練2回以上", "BCP訓練", Criterion.AT_LEAST, new BigDecimal("2"), "回",
						null));
		List<Initiative> initiatives = List.of(
				new Initiative("I1", "D01", RESPONSIBLE, SECURITY, "社内向けのセキュリティサービス提供"),
				new Initiative("I2", "D01", RESPONSIBLE, SECURITY, "海外を含む子会社との情報セキュリティに関する連絡網の策定"),
				new Initiative("I3", "D01", RESPONSIBLE, SECURITY, "他社CSIRTとの連携"),
				new Initiative("I4", "D02", RESPONSIBLE, COMPLIANCE, "コンプライアンス研修受講率100%に向けた継続的な取組の継続"),
				new Initiative("I5", "D03", RESPONSIBLE, COMPLIANCE, "リスクマネジメント研修等、啓発施策の推進"));
		return new Plan("マイナビグループ", 53, YearMonth.of(2024, 10), YearMonth.of(2025, 9), LocalDate.of(2025, 10, 15),
				departments, kpis, initiatives);
	}

	static ReviewData data(List<IssueRow> issues) {
		Source security = new Source("情報セキュリティ部.xlsx", "3f2a9c1b77aa", "KPI!F2");
		Map<String, KpiStatus> kpis = new LinkedHashMap<>();
		kpis.put("K1", new KpiStatus("未達", "1", null, null, BigDecimal.ZERO, "重大インシデント件数1件", security));
		kpis.put("K2", new KpiStatus("達成", "維持", null, null, new BigDecimal("100"), "ISMS維持", security));
		kpis.put("K3", new KpiStatus("未達", "98.9", null, null, new BigDecimal("98.9"), "コンプライアンス研修受講率 98.9%",
				new Source("法務部_v1.xlsx", "aa11bb22cc33", "KPI!F2")));
		Map<String, InitiativeStatus> initiatives = new LinkedHashMap<>();
		initiatives.put("I1", new InitiativeStatus("◎", "完了", null, security));
		initiatives.put("I2", new InitiativeStatus("○", "継続中", null, security));
		initiatives.put("I3", new InitiativeStatus("△", "未着手", null, security));
		initiatives.put("I4", new InitiativeStatus("◎", "100%", "◎", null));
		// 進捗 left blank: judged, but no mark
		initiatives.put("I5", new InitiativeStatus(null, null, null, null));
		Map<String, List<Highlight>> highlights = new LinkedHashMap<>();
		highlights.put(SECURITY, List.of(new Highlight("D01", "セキュリティサービスを追加導入した。",
				new Source("情報セキュリティ部.xlsx", "3f2a9c1b77aa", "ハイライト!B2"))));
		highlights.put(COMPLIANCE, List.of(
				new Highlight("D02", "法務部: e-learning研修を実施した。\n続けて階層別研修も実施した。",
						new Source("法務部_v1.xlsx", "aa11bb22cc33", "ハイライト!B2")),
				new Highlight("D03", "総務部: 対面研修を13拠点で完了した。", new Source("総務部.xlsx", "0011223344", "ハイライト!B2"))));
		highlights.put(BCP, List.of(new Highlight("D03", "=1+1", null)));
		ZoneOffset tokyo = ZoneOffset.ofHours(9);
		List<DepartmentStatus> departments = List.of(
				new DepartmentStatus("D01", "情報セキュリティ部", "受理", "情報セキュリティ部.xlsx",
						OffsetDateTime.of(2025, 10, 14, 9, 30, 0, 0, tokyo), "山田", LocalDate.of(2025, 10, 13), false, 0, 1,
						null),
				new DepartmentStatus("D02", "法務部", "差戻し", "法務部_v1.xlsx", OffsetDateTime.of(2025, 10, 10, 17, 5, 0, 0, tokyo),
						"佐藤", LocalDate.of(2025, 10, 10), true, 1, 0, "@法務部.xlsx"),
				new DepartmentStatus("D03", "総務部", "未提出", null, null, null, null, false, 0, 0, null));
		return new ReviewData(plan(), kpis, initiatives, highlights, departments, issues::forEach);
	}

	/**
	 * Kanji that do not repeat within a cell: a long run of one character compresses so well that POI takes the
	 * review for a zip bomb when the test reads it back.
	 */
	private static String varied(int length, int seed) {
		StringBuilder text = new StringBuilder(length);
		long x = seed;
		for (int i = 0; i < length; i++) {
			x = (x * 6364136223846793005L + 1442695040888963407L);
			text.append((char) (0x4E00 + (int) ((x >>> 33) % 20_000)));
		}
		return text.toString();
	}

	// --- reading back

	private static XSSFWorkbook open(Path file) throws IOException {
		try (var in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(s -> names.add(s.getSheetName()));
		return names;
	}

	private static String text(Sheet sheet, String address) {
		org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(address);
		return sheet.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue();
	}

	/** Each cell as shown to a reader: text, a number's value, or a date as yyyy/MM/dd [HH:mm]. */
	private static List<String> row(Sheet sheet, int index) {
		Row row = sheet.getRow(index);
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			cells.add(show(row.getCell(c)));
		}
		return cells;
	}

	private static String show(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> {
				String format = cell.getCellStyle().getDataFormatString();
				if (format.startsWith("yyyy")) {
					var at = cell.getLocalDateTimeCellValue();
					yield format.contains("hh") ? String.format("%tY/%<tm/%<td %<tH:%<tM", at)
							: String.format("%tY/%<tm/%<td", at);
				}
				yield String.valueOf(cell.getNumericCellValue());
			}
			case BLANK -> "";
			default -> cell.getCellType().toString();
		};
	}

	private static List<String> filesIn(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).toList();
		}
	}

}
