package jp.csr.review.template;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.LabelValueSheet;
import jp.csr.review.workbook.SheetTable;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateWriterTest {

	private static final String M = "責任ある企業活動の実施";

	private static final String C1 = "情報セキュリティ体制の構築";

	private static final String C2 = "コンプライアンス・リスクマネジメント経営の推進";

	private static final Department ISEC = new Department("ISEC", "情報セキュリティ部", "isec@example.co.jp");

	private static final Department COMP = new Department("COMP", "コンプライアンス推進部", "");

	private static final Department RISK = new Department("RISK", "リスク管理部", "");

	private static final Plan PLAN = new Plan("マイナビグループ", 53, YearMonth.of(2024, 10), YearMonth.of(2025, 9),
			LocalDate.of(2025, 10, 31), List.of(ISEC, COMP, RISK),
			List.of(new Kpi("K01", "ISEC", M, C1, "重大インシデント件数0件", "重大インシデント件数", Criterion.AT_MOST, BigDecimal.ZERO, "件",
					null),
					new Kpi("K02", "ISEC", M, C1, "ISMS維持(取得部門についてのみ)", "ISMS", Criterion.MAINTAIN, null, "", null),
					new Kpi("K05", "COMP", M, C2, "コンプライアンス研修の目標受講率100%", "コンプライアンス研修受講率", Criterion.AT_LEAST,
							new BigDecimal("100"), "%", null),
					new Kpi("K06", "COMP", M, C2, "相談・通報ホットラインの認知率向上", "相談・通報ホットラインの認知率", Criterion.INCREASE, null,
							"%", new BigDecimal("97.5")),
					new Kpi("K08", "RISK", M, C2, "リスク管理体制の改善", "リスク管理体制の改善", Criterion.QUALITATIVE, null, "", null)),
			List.of(new Initiative("I01", "ISEC", M, C1, "社内向けのセキュリティサービス提供"),
					new Initiative("I02", "ISEC", M, C1, "海外を含む子会社との情報セキュリティに関する連絡網の策定"),
					new Initiative("I08", "COMP", M, C2, "コンプライアンス研修受講率100%に向けた継続的な取組の継続"),
					new Initiative("I11", "RISK", M, C2, "リスク事象の積極的な収束と対策・改善の実施"),
					new Initiative("I14", "COMP", M, C2, "腐敗防止方針策定の着手")));

	@TempDir
	Path dir;

	@Test
	void fileNameNamesTermCodeAndDepartment() {
		assertThat(TemplateWriter.fileName(PLAN, ISEC)).isEqualTo("53期_ISEC_情報セキュリティ部.xlsx");
		assertThat(TemplateWriter.fileName(PLAN, new Department("X", "営業/企画:部", ""))).isEqualTo("53期_X_営業_企画_部.xlsx");
	}

	@Test
	void sheetsInOrderAndCoverFilled() throws IOException {
		try (XSSFWorkbook wb = write(COMP, "")) {
			assertThat(Stream.iterate(0, i -> i < wb.getNumberOfSheets(), i -> i + 1).map(wb::getSheetName))
				.containsExactly("表紙", "KPI", "取り組み", "ハイライト", "記入方法");
			XSSFSheet cover = wb.getSheet("表紙");
			LabelValueSheet values = LabelValueSheet.of(cover);
			assertThat(values.get("様式バージョン").map(CellRead::number)).contains(BigDecimal.ONE);
			assertThat(values.get("期").map(CellRead::number)).contains(new BigDecimal("53"));
			assertThat(values.get("部署コード").map(CellRead::text)).contains("COMP");
			assertThat(values.get("部署名").map(CellRead::text)).contains("コンプライアンス推進部");
			assertThat(values.get("提出者").map(CellRead::isBlank)).contains(true);
			assertThat(values.get("提出日").map(CellRead::isBlank)).contains(true);
			for (int r = 0; r < 6; r++) {
				assertThat(cover.getRow(r).getCell(0).getStringCellValue()).isEqualTo(SubmissionFormat.COVER_LABELS.get(r));
			}
			assertThat(locked(cover, "B3")).isTrue();
			assertThat(locked(cover, "B5")).isFalse();
			assertThat(locked(cover, "B6")).isFalse();
			assertThat(cell(cover, "B6").getCellStyle().getDataFormatString()).isEqualTo("yyyy/mm/dd");
			XSSFDataValidation date = validationAt(cover, "B6");
			assertThat(date.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
			assertThat(date.getPromptBoxText()).contains("2025/10/20");
			assertThat(validationAt(cover, "B5").getPromptBoxText()).contains("お名前");
		}
	}

	@Test
	void kpiRowsOfTheDepartmentOnlyWithInputCellsUnlocked() throws IOException {
		try (XSSFWorkbook wb = write(COMP, "")) {
			XSSFSheet kpi = wb.getSheet("KPI");
			assertThat(headers(kpi)).containsExactly("KPI ID", "KPI", "判定", "目標値", "単位", "実績", "実績表記", "備考");
			assertThat(column(kpi, 0)).containsExactly("K05", "K06");
			assertThat(column(kpi, 1)).containsExactly("コンプライアンス研修の目標受講率100%", "相談・通報ホットラインの認知率向上");
			assertThat(column(kpi, 2)).containsExactly("以上", "増加");
			assertThat(cell(kpi, "D2").getNumericCellValue()).isEqualTo(100.0);
			assertThat(cell(kpi, "D3").getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
			assertThat(column(kpi, 4)).containsExactly("%", "%");
			for (String a : List.of("A1", "F1", "A2", "B2", "C2", "D2", "E2", "A3", "E3")) {
				assertThat(locked(kpi, a)).as(a).isTrue();
			}
			for (String a : List.of("F2", "G2", "H2", "F3", "G3", "H3")) {
				assertThat(locked(kpi, a)).as(a).isFalse();
			}
			SheetTable table = SheetTable.of(kpi);
			assertThat(table.columns().keySet()).containsExactlyElementsOf(SubmissionFormat.KPI_COLUMNS);
		}
	}

	@Test
	void resultValidationFollowsTheJudgement() throws IOException {
		try (XSSFWorkbook wb = write(ISEC, "")) {
			XSSFSheet kpi = wb.getSheet("KPI");
			XSSFDataValidation count = validationAt(kpi, "F2");
			assertThat(count.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
			assertThat(count.getValidationConstraint().getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
			assertThat(count.getValidationConstraint().getFormula1()).isEqualTo("0");
			assertThat(count.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.WARNING);
			assertThat(count.getPromptBoxText()).contains("0以上の整数", "件", "以下で達成");
			XSSFDataValidation maintain = validationAt(kpi, "F3");
			assertThat(maintain.getValidationConstraint().getExplicitListValues()).containsExactly("維持", "達成", "取得",
					"あり", "○", "〇", "はい", "未維持", "喪失", "取消", "なし", "×", "いいえ");
			assertThat(maintain.getPromptBoxText()).contains("維持できた", "維持できなかった");
			// showDropDown="1" would hide the in-cell arrow in Excel
			assertThat(kpi.getCTWorksheet().getDataValidations().getDataValidationArray())
				.noneMatch(v -> v.isSetShowDropDown() && v.getShowDropDown());
			assertThat(maintain.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
			assertThat(validationAt(kpi, "G2").getPromptBoxText()).contains("指標名 実績単位");
			assertThat(validationAt(kpi, "H3").getPromptBoxText()).contains("補足");
		}
		try (XSSFWorkbook wb = write(COMP, "")) {
			XSSFDataValidation percent = validationAt(wb.getSheet("KPI"), "F2");
			assertThat(percent.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
			assertThat(percent.getValidationConstraint().getFormula1()).isEqualTo("0");
			assertThat(percent.getPromptBoxText()).contains("98.9%", "100% 以上で達成");
			assertThat(validationAt(wb.getSheet("KPI"), "F3").getPromptBoxText()).contains("前期実績 (97.5%)", "増えれば達成");
		}
		try (XSSFWorkbook wb = write(RISK, "")) {
			XSSFDataValidation qualitative = validationAt(wb.getSheet("KPI"), "F2");
			assertThat(qualitative.getValidationConstraint().getExplicitListValues()).containsExactly("達成", "継続中", "未達");
			assertThat(qualitative.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
		}
	}

	@Test
	void initiativeRowsWithProgressAndMarkLists() throws IOException {
		try (XSSFWorkbook wb = write(COMP, "")) {
			XSSFSheet sheet = wb.getSheet("取り組み");
			assertThat(headers(sheet)).containsExactly("取り組みID", "具体的な取り組み", "進捗", "自己評価", "備考");
			assertThat(column(sheet, 0)).containsExactly("I08", "I14");
			assertThat(column(sheet, 1)).containsExactly("コンプライアンス研修受講率100%に向けた継続的な取組の継続", "腐敗防止方針策定の着手");
			assertThat(locked(sheet, "B2")).isTrue();
			for (String a : List.of("C2", "D2", "E2", "C3", "D3", "E3")) {
				assertThat(locked(sheet, a)).as(a).isFalse();
			}
			XSSFDataValidation progress = validationAt(sheet, "C3");
			assertThat(progress.getValidationConstraint().getExplicitListValues()).containsExactly("完了", "継続中", "一部完了",
					"未完了", "未着手");
			// a percentage must stay enterable: the list only warns
			assertThat(progress.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.WARNING);
			assertThat(progress.getPromptBoxText()).contains("80%", "はい");
			assertThat(progress.getRegions().getCellRangeAddresses()).containsExactly(CellRangeAddress.valueOf("C2:C3"));
			XSSFDataValidation mark = validationAt(sheet, "D2");
			assertThat(mark.getValidationConstraint().getExplicitListValues()).containsExactly("◎", "○", "△");
			assertThat(mark.getShowPromptBox()).isTrue();
		}
	}

	@Test
	void highlightRowPerCommitmentTheDepartmentServes() throws IOException {
		try (XSSFWorkbook wb = write(RISK, "")) {
			XSSFSheet sheet = wb.getSheet("ハイライト");
			assertThat(headers(sheet)).containsExactly("コミットメント", "主な取り組みとハイライト");
			assertThat(column(sheet, 0)).containsExactly(C2);
			assertThat(locked(sheet, "A2")).isTrue();
			assertThat(locked(sheet, "B2")).isFalse();
			assertThat(cell(sheet, "B2").getCellStyle().getWrapText()).isTrue();
			assertThat(sheet.getRow(1).getHeightInPoints()).isGreaterThanOrEqualTo(100f);
			assertThat(validationAt(sheet, "B2").getPromptBoxText()).contains("Alt+Enter");
		}
	}

	@Test
	void guideExplainsEveryColumnInJapanese() throws IOException {
		try (XSSFWorkbook wb = write(ISEC, "")) {
			XSSFSheet guide = wb.getSheet("記入方法");
			StringBuilder all = new StringBuilder();
			guide.forEach(row -> row.forEach(c -> all.append(c.getStringCellValue()).append('\n')));
			assertThat(all.toString()).contains("1件", "98.9%", "９８．４％", "維持、達成、取得、あり、○、〇、はい",
					"未維持、喪失、取消、なし、×、いいえ", "達成、継続中、未達", "0〜100", "指標名 実績単位", "提出期限は 2025/10/31");
			for (String column : Stream.of(SubmissionFormat.KPI_COLUMNS, SubmissionFormat.INITIATIVE_COLUMNS,
					SubmissionFormat.HIGHLIGHT_COLUMNS, List.of("提出者", "提出日")).flatMap(List::stream).toList()) {
				assertThat(all.toString()).as(column).contains(column);
			}
		}
	}

	@Test
	void everyInputHasAPromptAndEveryValidationAPrompt() throws IOException {
		try (XSSFWorkbook wb = write(ISEC, "")) {
			for (XSSFSheet sheet : List.of(wb.getSheet("表紙"), wb.getSheet("KPI"), wb.getSheet("取り組み"), wb.getSheet("ハイライト"))) {
				for (XSSFDataValidation v : sheet.getDataValidations()) {
					assertThat(v.getShowPromptBox()).isTrue();
					assertThat(v.getPromptBoxTitle()).isNotBlank().hasSizeLessThanOrEqualTo(32);
					assertThat(v.getPromptBoxText()).isNotBlank().hasSizeLessThanOrEqualTo(255);
				}
				sheet.forEach(row -> row.forEach(c -> {
					if (!c.getCellStyle().getLocked()) {
						assertThat(validationAt(sheet, c.getAddress().formatAsString())).as(c.getAddress().toString())
							.isNotNull();
					}
				}));
			}
		}
	}

	@Test
	void everySheetProtectedWithoutPasswordByDefault() throws IOException {
		try (XSSFWorkbook wb = write(ISEC, "")) {
			for (XSSFSheet sheet : sheets(wb)) {
				assertThat(sheet.getProtect()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.isSheetLocked()).isTrue();
				assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).isFalse();
				assertThat(sheet.getCTWorksheet().getSheetProtection().isSetAlgorithmName()).isFalse();
			}
		}
	}

	@Test
	void passwordIsConfigurable() throws IOException {
		try (XSSFWorkbook wb = write(ISEC, "secret")) {
			for (XSSFSheet sheet : sheets(wb)) {
				assertThat(sheet.isSheetLocked()).isTrue();
				assertThat(sheet.validateSheetPassword("secret")).isTrue();
				assertThat(sheet.validateSheetPassword("other")).isFalse();
			}
		}
	}

	@Test
	void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
		Path file = dir.resolve("out/" + TemplateWriter.fileName(PLAN, ISEC));
		new TemplateWriter("").write(PLAN, ISEC, file);
		new TemplateWriter("").write(PLAN, RISK, file);
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			assertThat(LabelValueSheet.of(wb.getSheet("表紙")).get("部署コード").map(CellRead::text)).contains("RISK");
		}
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("53期_ISEC_情報セキュリティ部.xlsx");
		}
	}

	@Test
	void departmentMustBeInThePlan() {
		assertThatThrownBy(() -> new TemplateWriter("").write(PLAN, new Department("XX", "不明部", ""), dir.resolve("x.xlsx")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("XX");
		assertThat(dir.resolve("x.xlsx")).doesNotExist();
	}

	@Test
	void theExampleDateIsOfThePlansTerm() throws IOException {
		Plan later = new Plan(PLAN.group(), 55, YearMonth.of(2026, 10), YearMonth.of(2027, 9), null, PLAN.departments(),
				PLAN.kpis(), PLAN.initiatives());
		try (XSSFWorkbook wb = write(later, ISEC, "")) {
			XSSFSheet cover = wb.getSheet("表紙");
			XSSFDataValidation date = validationAt(cover, "B6");
			StringBuilder all = new StringBuilder(date.getPromptBoxText()).append(date.getErrorBoxText());
			Stream.of(cover, wb.getSheet("記入方法"))
				.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> all.append(c.toString()).append('\n'))));
			assertThat(all.toString()).contains("例: 2027/10/20", "2027/10/20 のように").doesNotContain("2025");
		}
		// a 提出期限 before the 20th is the date departments write
		Plan early = new Plan(PLAN.group(), 53, PLAN.start(), PLAN.end(), LocalDate.of(2025, 10, 10), PLAN.departments(),
				PLAN.kpis(), PLAN.initiatives());
		assertThat(TemplateWriter.exampleDate(early)).isEqualTo("2025/10/10");
	}

	private XSSFWorkbook write(Department department, String password) throws IOException {
		return write(PLAN, department, password);
	}

	private XSSFWorkbook write(Plan plan, Department department, String password) throws IOException {
		Path file = dir.resolve(TemplateWriter.fileName(plan, department));
		new TemplateWriter(password).write(plan, department, file);
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<XSSFSheet> sheets(XSSFWorkbook wb) {
		return Stream.iterate(0, i -> i < wb.getNumberOfSheets(), i -> i + 1).map(wb::getSheetAt).toList();
	}

	private static XSSFCell cell(XSSFSheet sheet, String address) {
		CellAddress a = new CellAddress(address);
		return sheet.getRow(a.getRow()).getCell(a.getColumn());
	}

	private static boolean locked(XSSFSheet sheet, String address) {
		return cell(sheet, address).getCellStyle().getLocked();
	}

	private static List<String> headers(XSSFSheet sheet) {
		return Stream.iterate(0, c -> c < sheet.getRow(0).getLastCellNum(), c -> c + 1)
			.map(c -> sheet.getRow(0).getCell(c).getStringCellValue())
			.toList();
	}

	private static List<String> column(XSSFSheet sheet, int c) {
		return Stream.iterate(1, r -> r <= sheet.getLastRowNum(), r -> r + 1)
			.map(r -> sheet.getRow(r).getCell(c).getStringCellValue())
			.toList();
	}

	private static XSSFDataValidation validationAt(XSSFSheet sheet, String address) {
		CellAddress a = new CellAddress(address);
		List<XSSFDataValidation> found = sheet.getDataValidations()
			.stream()
			.filter(v -> Stream.of(v.getRegions().getCellRangeAddresses()).anyMatch(r -> r.isInRange(a)))
			.toList();
		assertThat(found).as("validations at " + address).hasSizeLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.get(0);
	}

}
