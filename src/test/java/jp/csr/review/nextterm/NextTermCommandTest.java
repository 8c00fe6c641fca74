package jp.csr.review.nextterm;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.testing.SharedStoreToo;
import jp.csr.review.validation.SubmissionValidator;
import jp.csr.review.validation.Validation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §8: {@code next-term} on the bundled sample, after its run, writes the 54期 plan: 期 + 1, dates a
 * year later, the same IDs, 前期実績 the accepted numeric 実績 and 前期評価 the marks of 53期, cell by cell; the
 * product reads it back, and the templates it makes from it, filled, are valid for it.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class NextTermCommandTest {

	static final Path ROOT = SampleFolders.copy("next-term");

	static final Path PLAN_54 = ROOT.resolve("output/54期_行動計画.xlsx");

	/** 53期's 実績 that are numbers (the sample's answers), and none for the words (維持, 継続中). */
	static final Map<String, String> BASELINES = Map.of("K01", "1", "K03", "1", "K05", "98.9", "K06", "98.4", "K07",
			"0", "K09", "2");

	/** The sample's marks, I01 to I25. */
	static final String MARKS = "◎○◎◎◎◎○◎◎◎◎◎◎◎○◎○◎◎◎◎◎◎◎○";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	ReviewProperties properties;

	@Test
	void theNextTermsPlanCarriesThisTermsResultsAndIsReadBackByTheProduct(CapturedOutput output) throws Exception {
		assertThat(typed.exit("run")).isZero();
		assertThat(typed.exit("next-term")).isZero();
		assertThat(output).contains("作成 " + PLAN_54.toAbsolutePath())
			.contains("54期 (2025年10月~2026年9月)  部署 7  KPI 13 (前期実績あり 6)  取り組み 25 (前期評価あり 25)");

		Plan sample = SampleWorkbooks.plan();
		DataFormatter shown = new DataFormatter();
		try (XSSFWorkbook wb = open(PLAN_54)) {
			assertThat(sheetNames(wb)).containsExactly("概要", "部署", "KPI", "取り組み");
			XSSFSheet overview = wb.getSheet("概要");
			assertThat(text(overview, 0)).containsExactly("グループ名", "マイナビグループ");
			assertThat(overview.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(54);
			assertThat(text(overview, 2)).containsExactly("開始年月", "2025年10月");
			assertThat(text(overview, 3)).containsExactly("終了年月", "2026年9月");
			assertThat(overview.getLastRowNum()).as("the sample sets no 提出期限, so neither does its next term").isEqualTo(3);

			XSSFSheet departments = wb.getSheet("部署");
			assertThat(text(departments, 0)).containsExactly("部署コード", "部署名", "連絡先");
			for (int i = 0; i < sample.departments().size(); i++) {
				Department d = sample.departments().get(i);
				assertThat(text(departments, i + 1)).containsExactly(d.code(), d.name(), d.contact());
			}

			XSSFSheet kpis = wb.getSheet("KPI");
			assertThat(text(kpis, 0)).containsExactly("KPI ID", "部署コード", "マテリアリティ", "コミットメント", "KPI", "指標名",
					"判定", "目標値", "単位", "前期実績");
			assertThat(kpis.getLastRowNum()).isEqualTo(sample.kpis().size());
			for (int i = 0; i < sample.kpis().size(); i++) {
				Kpi k = sample.kpis().get(i);
				Row row = kpis.getRow(i + 1);
				assertThat(text(kpis, i + 1).subList(0, 7)).containsExactly(k.id(), k.departmentCode(), k.materiality(),
						k.commitment(), k.text(), k.indicator(), k.judgement().label());
				Cell previous = row.getCell(9);
				if (BASELINES.containsKey(k.id())) {
					assertThat(previous.getCellType()).as(k.id()).isEqualTo(CellType.NUMERIC);
					assertThat(new BigDecimal(shown.formatCellValue(previous))).as(k.id())
						.isEqualByComparingTo(BASELINES.get(k.id()));
				}
				else {
					assertThat(shown.formatCellValue(previous)).as(k.id()).isEmpty();
				}
			}

			XSSFSheet initiatives = wb.getSheet("取り組み");
			assertThat(text(initiatives, 0)).containsExactly("取り組みID", "部署コード", "マテリアリティ", "コミットメント",
					"具体的な取り組み", "前期評価");
			for (int i = 0; i < sample.initiatives().size(); i++) {
				Initiative s = sample.initiatives().get(i);
				assertThat(text(initiatives, i + 1)).containsExactly(s.id(), s.departmentCode(), s.materiality(),
						s.commitment(), s.text(), String.valueOf(MARKS.charAt(i)));
			}

			// made as a person would: a bold header row, frozen, columns wide enough to read
			for (String name : List.of("部署", "KPI", "取り組み")) {
				XSSFSheet sheet = wb.getSheet(name);
				assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
				assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
				assertThat(sheet.getColumnWidth(1)).as(name).isGreaterThan(8 * 256);
			}
			assertThat(initiatives.getColumnWidth(4)).as("具体的な取り組み").isGreaterThanOrEqualTo(40 * 256);
		}

		// read back by the product: the same plan, a term later, with what 53期 gave
		Plan read = PlanReader.read(PLAN_54);
		List<Kpi> kpis = new ArrayList<>();
		for (Kpi k : sample.kpis()) {
			String baseline = BASELINES.get(k.id());
			kpis.add(new Kpi(k.id(), k.departmentCode(), k.materiality(), k.commitment(), k.text(), k.indicator(),
					k.judgement(), k.target(), k.unit(), baseline == null ? null : new BigDecimal(baseline)));
		}
		List<Initiative> initiatives = new ArrayList<>();
		for (int i = 0; i < sample.initiatives().size(); i++) {
			Initiative s = sample.initiatives().get(i);
			initiatives.add(new Initiative(s.id(), s.departmentCode(), s.materiality(), s.commitment(), s.text(),
					String.valueOf(MARKS.charAt(i))));
		}
		assertThat(read.term()).isEqualTo(54);
		assertThat(read.start()).isEqualTo(YearMonth.of(2025, 10));
		assertThat(read.end()).isEqualTo(YearMonth.of(2026, 9));
		assertThat(read.kpis()).containsExactlyElementsOf(kpis);
		assertThat(read).isEqualTo(new Plan(sample.group(), 54, YearMonth.of(2025, 10), YearMonth.of(2026, 9), null,
				sample.departments(), kpis, initiatives));

		// the templates of the new plan, filled as the departments fill them, are valid for it
		SubmissionValidator validator = new SubmissionValidator(read, new MarkRule(properties.marks()),
				ZoneId.of("Asia/Tokyo"));
		TemplateWriter templates = new TemplateWriter("");
		for (Department d : read.departments()) {
			Path template = ROOT.resolve("templates-54").resolve(TemplateWriter.fileName(read, d));
			templates.write(read, d, template);
			assertThat(template.getFileName().toString()).startsWith("54期_");
			Path filled = ROOT.resolve("filled-54").resolve(template.getFileName());
			Files.createDirectories(filled.getParent());
			try (XSSFWorkbook wb = SampleWorkbooks.filled(read, d.code())) {
				SampleWorkbooks.saveAs(wb, filled);
			}
			Validation validation = validator.validate(filled, filled.getFileName().toString(), Instant.now());
			assertThat(validation.issues()).as(d.code()).isEmpty();
			assertThat(validation.accepted()).as(d.code()).isTrue();
			assertThat(validation.submission().cover().term()).isEqualTo(54);
		}
	}

	@Test
	void anExistingPlanIsNeverOverwrittenAndOutNamesAnotherFile(CapturedOutput output) throws Exception {
		Path edited = ROOT.resolve("edited/54期_行動計画.xlsx");
		assertThat(typed.exit("next-term", "--out", edited.toString())).isZero();
		byte[] before = Files.readAllBytes(edited);
		assertThat(typed.exit("next-term", "--out", edited.toString())).isEqualTo(2);
		assertThat(output).contains(edited.toAbsolutePath() + " は既にあります。上書きしません");
		assertThat(Files.readAllBytes(edited)).isEqualTo(before);
		assertThat(typed.exit("next-term", "--out")).as("--out needs its FILE").isEqualTo(2);
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<String> sheetNames(XSSFWorkbook wb) {
		List<String> names = new ArrayList<>();
		wb.forEach(s -> names.add(s.getSheetName()));
		return names;
	}

	/** The texts of a row as shown, up to its last cell. */
	private static List<String> text(XSSFSheet sheet, int row) {
		DataFormatter shown = new DataFormatter();
		List<String> texts = new ArrayList<>();
		Row r = sheet.getRow(row);
		for (int c = 0; c < r.getLastCellNum(); c++) {
			texts.add(r.getCell(c) == null ? "" : shown.formatCellValue(r.getCell(c)));
		}
		return texts;
	}

}
