package jp.csr.review.sample;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Cells;
import jp.csr.review.workbook.LabelValueSheet;
import jp.csr.review.workbook.Numbers;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed sample ({@code config/plan.xlsx}, {@code input/*.xlsx}) is what {@link SampleWorkbooks} writes. */
class SampleWorkbooksTest {

	private static final Path PLAN = Path.of("config/plan.xlsx");

	private static final Path INPUT = Path.of("input");

	@TempDir
	Path dir;

	@Test
	void committedPlanReadsBackAsTheSamplePlan() {
		Plan plan = PlanReader.read(PLAN);
		assertThat(plan).isEqualTo(SampleWorkbooks.plan());
		assertThat(plan.group()).isEqualTo("マイナビグループ");
		assertThat(plan.term()).isEqualTo(53);
		assertThat(plan.start()).isEqualTo(YearMonth.of(2024, 10));
		assertThat(plan.end()).isEqualTo(YearMonth.of(2025, 9));
		// a fresh clone gives every file a new modification time: a deadline would make them all late
		assertThat(plan.deadline()).isNull();
		assertThat(plan.period()).isEqualTo("2024年10月~2025年9月");
		assertThat(plan.departments()).extracting(Department::code)
			.containsExactly("ISEC", "PRIV", "COMP", "RISK", "DEV", "AD", "BCP");
		assertThat(plan.kpis()).hasSize(13);
		assertThat(plan.initiatives()).hasSize(25);
		assertThat(plan.materialities()).containsExactly("責任ある企業活動の実施");
		assertThat(plan.commitments()).extracting(c -> c.text())
			.containsExactly("情報セキュリティ体制の構築", "適切な個人情報の管理", "コンプライアンス・リスクマネジメント経営の推進", "製品の安全性・信頼性の確保",
					"広告倫理や審査体制を含めた適切なマーケティングの実施", "リスク管理体制の拡充");
		assertThat(plan.kpis()).extracting(Kpi::id)
			.containsExactly("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "K11", "K12", "K13");
		assertThat(plan.kpi("K05").orElseThrow()).satisfies(k -> {
			assertThat(k.judgement()).isEqualTo(Criterion.AT_LEAST);
			assertThat(k.target()).isEqualByComparingTo("100");
			assertThat(k.unit()).isEqualTo("%");
		});
		assertThat(plan.kpi("K09").orElseThrow().previousResult()).isNull();
		assertThat(plan.initiative("I13").orElseThrow().text()).isEqualTo("リスクマネジメント研修等、啓蒙う施策の推進");
		assertThat(plan.commitmentsOf("COMP")).isEqualTo(plan.commitmentsOf("RISK"));
	}

	@Test
	void committedFilesAreWhatTheGeneratorWrites() throws IOException {
		Path plan = dir.resolve("config/plan.xlsx");
		SampleWorkbooks.writePlan(plan);
		assertThat(dump(plan)).isEqualTo(dump(PLAN));
		Path input = dir.resolve("input");
		SampleWorkbooks.writeSubmissions(input);
		assertThat(xlsx(input)).isEqualTo(xlsx(INPUT)).hasSize(7);
		for (String name : xlsx(input)) {
			assertThat(dump(input.resolve(name))).as(name).isEqualTo(dump(INPUT.resolve(name)));
		}
	}

	@Test
	void submissionsAreNamedAfterTheirDepartments() throws IOException {
		Plan plan = SampleWorkbooks.plan();
		assertThat(xlsx(INPUT))
			.containsExactlyInAnyOrderElementsOf(plan.departments().stream().map(d -> TemplateWriter.fileName(plan, d)).toList())
			.contains("53期_ISEC_情報セキュリティ部.xlsx", "53期_BCP_BCP推進部.xlsx");
	}

	@Test
	void submissionsHoldWhatTheDepartmentsTyped() throws IOException {
		Plan plan = SampleWorkbooks.plan();
		Map<String, CellRead> results = new java.util.HashMap<>();
		Map<String, String> wordings = new java.util.HashMap<>();
		Map<String, CellRead> progress = new java.util.HashMap<>();
		Map<String, String> marks = new java.util.HashMap<>();
		for (Department d : plan.departments()) {
			try (XSSFWorkbook wb = open(INPUT.resolve(TemplateWriter.fileName(plan, d)))) {
				LabelValueSheet cover = LabelValueSheet.of(wb.getSheet("表紙"));
				assertThat(cover.get("部署コード").map(CellRead::text)).contains(d.code());
				assertThat(cover.get("期").map(CellRead::number)).contains(new BigDecimal("53"));
				assertThat(cover.get("提出者").map(CellRead::normalized).orElse("")).matches("\\S+ \\S+");
				LocalDate submitted = cover.get("提出日").map(c -> c.date().toLocalDate()).orElseThrow();
				assertThat(submitted).isBetween(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));
				for (TableRow row : SheetTable.of(wb.getSheet("KPI")).rows(List.of("KPI ID", "実績", "実績表記"))) {
					results.put(row.text("KPI ID"), row.get("実績"));
					wordings.put(row.text("KPI ID"), row.get("実績表記").text());
				}
				for (TableRow row : SheetTable.of(wb.getSheet("取り組み")).rows(List.of("取り組みID", "進捗", "自己評価"))) {
					progress.put(row.text("取り組みID"), row.get("進捗"));
					marks.put(row.text("取り組みID"), row.text("自己評価"));
				}
				List<TableRow> highlights = SheetTable.of(wb.getSheet("ハイライト"))
					.rows(List.of("コミットメント", "主な取り組みとハイライト"));
				assertThat(highlights).hasSize(1);
				assertThat(highlights.get(0).get("主な取り組みとハイライト").text())
					.isEqualTo(SampleWorkbooks.HIGHLIGHTS.get(d.code()));
				for (int i = 0; i < wb.getNumberOfSheets(); i++) {
					assertThat(wb.getSheetAt(i).isSheetLocked()).as(d.code() + " " + wb.getSheetName(i)).isTrue();
				}
			}
		}
		assertThat(results).hasSize(13);
		assertThat(progress).hasSize(25);
		assertThat(results.get("K01").number()).isEqualByComparingTo("1");
		assertThat(wordings.get("K01")).isEqualTo("重大インシデント件数1件");
		assertThat(results.get("K02").text()).isEqualTo("維持");
		assertThat(results.get("K03").text()).isEqualTo("1件");
		assertThat(Numbers.read(results.get("K03"), "件")).contains(BigDecimal.ONE);
		assertThat(wordings.get("K03")).isEmpty();
		assertThat(results.get("K05").percentFormat()).isTrue();
		assertThat(Numbers.read(results.get("K05"), "%")).contains(new BigDecimal("98.9"));
		assertThat(results.get("K06").text()).isEqualTo("９８．４％");
		assertThat(Numbers.read(results.get("K06"), "%")).contains(new BigDecimal("98.4"));
		assertThat(results.get("K07").number()).isEqualByComparingTo("0");
		assertThat(results.get("K09").number()).isEqualByComparingTo("2");
		assertThat(wordings.get("K09")).isEqualTo("システム起因インシデント2件");
		assertThat(Stream.of("K08", "K10", "K11", "K12", "K13").map(id -> results.get(id).text())).containsOnly("継続中");
		assertThat(wordings.get("K10")).isEqualTo("取り組みを継続中");
		assertThat(wordings.get("K12")).isEqualTo("BCP対策の整備");
		assertThat(wordings.get("K13")).isEmpty();
		assertThat(progress.get("I02").text()).isEqualTo("継続中");
		assertThat(progress.get("I07").text()).isEqualTo("一部完了");
		assertThat(progress.get("I15").text()).isEqualTo("80%");
		assertThat(progress.get("I17").text()).isEqualTo("継続中");
		assertThat(progress.get("I25").percentFormat()).isTrue();
		assertThat(progress.get("I25").number()).isEqualByComparingTo("0.6");
		Map<String, String> done = progress.entrySet()
			.stream()
			.filter(e -> e.getValue().text().equals("完了"))
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().text()));
		assertThat(done).hasSize(20).doesNotContainKeys("I02", "I07", "I15", "I17", "I25");
		// RISK and BCP leave the optional 自己評価 blank; the others claim the reference's mark
		assertThat(marks.get("I01")).isEqualTo("◎");
		assertThat(marks.get("I02")).isEqualTo("○");
		assertThat(marks.get("I15")).isEqualTo("○");
		assertThat(marks.get("I11")).isEmpty();
		assertThat(marks.get("I25")).isEmpty();
		assertThat(SampleWorkbooks.HIGHLIGHTS.get("ISEC")).startsWith("53期の主な取り組みは下記の通り\n社内向けセキュリティサービスの提供については、")
			.hasLineCount(4);
		assertThat(SampleWorkbooks.HIGHLIGHTS.get("COMP")).startsWith("53期において、重大な法令違反やアクシデントは発生しなかった。\n")
			.endsWith("相談・通報ホットラインについて適宜、指示・案内、周知を行った。");
		assertThat(SampleWorkbooks.HIGHLIGHTS.get("RISK")).startsWith("リスク事象の収束と改善については、");
	}

	private static List<String> xlsx(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).sorted().toList();
		}
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	/** Everything a reader sees: sheets, protection, cells with their type, value, format and lock, validations. */
	private static List<String> dump(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		try (XSSFWorkbook wb = open(file)) {
			for (int s = 0; s < wb.getNumberOfSheets(); s++) {
				XSSFSheet sheet = wb.getSheetAt(s);
				lines.add("sheet " + sheet.getSheetName() + " locked=" + sheet.isSheetLocked());
				for (Row row : sheet) {
					for (Cell cell : row) {
						CellRead read = Cells.read(sheet.getSheetName(), row.getRowNum(), cell.getColumnIndex(), cell);
						lines.add(read.reference() + " " + cell.getCellType() + " [" + read.text() + "] "
								+ cell.getCellStyle().getDataFormatString() + " locked=" + cell.getCellStyle().getLocked());
					}
				}
				for (XSSFDataValidation v : sheet.getDataValidations()) {
					lines.add("validation " + v.getRegions().getCellRangeAddresses()[0].formatAsString() + " "
							+ v.getValidationConstraint().getValidationType() + " "
							+ v.getValidationConstraint().getFormula1() + " " + v.getPromptBoxText());
				}
			}
		}
		return lines;
	}

}
