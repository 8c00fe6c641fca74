package jp.csr.review;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.testing.SharedStoreToo;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.SubmissionValidator;
import jp.csr.review.validation.Validation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department's whole round: the template the {@code template} command writes, filled in by code the
 * way a person types (text, full-width digits, a percentage typed into a cell), checked as
 * {@code validate} checks it, then consolidated by the real job: the values are in 振り返り and KPI達成状況.
 */
@SpringBootTest
@SharedStoreToo
class RoundTripTest {

	static final Path ROOT = SampleFolders.planOnly("round-trip");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Test
	void templateFilledInValidatedAndConsolidated() throws Exception {
		Plan plan = PlanReader.read(ROOT.resolve("plan.xlsx"));
		Department comp = plan.department("COMP").orElseThrow();
		Path templates = Files.createDirectories(ROOT.resolve("templates"));
		Path template = templates.resolve(TemplateWriter.fileName(plan, comp));
		new TemplateWriter("").write(plan, comp, template);

		Path submitted = ROOT.resolve("input").resolve(template.getFileName());
		Files.createDirectories(submitted.getParent());
		try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			// 表紙: the name with a full-width space, the date typed as text
			at(wb, "表紙!B5").setCellValue("高橋　直樹");
			at(wb, "表紙!B6").setCellValue("2025/10/24");
			// KPI: 97.5% typed into a cell (Excel keeps 0.975, percent-formatted), full-width digits, a wording
			Cell k05 = at(wb, "KPI!F2");
			assertThat(at(wb, "KPI!A2").getStringCellValue()).isEqualTo("K05");
			k05.setCellValue(0.975);
			CellStyle percent = wb.createCellStyle();
			percent.cloneStyleFrom(k05.getCellStyle());
			percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
			k05.setCellStyle(percent);
			at(wb, "KPI!F3").setCellValue("９９．１％");
			at(wb, "KPI!G3").setCellValue("ホットライン認知率 99.1%");
			at(wb, "KPI!F4").setCellValue("０件");
			at(wb, "KPI!H4").setCellValue("=不祥事なし");
			// 取り組み: words from the drop-down, a full-width percentage
			at(wb, "取り組み!C2").setCellValue("完了");
			at(wb, "取り組み!C3").setCellValue("継続中");
			at(wb, "取り組み!C4").setCellValue("５０％");
			at(wb, "取り組み!C5").setCellValue("未着手");
			at(wb, "取り組み!D2").setCellValue("◎");
			// ハイライト: two paragraphs typed with Alt+Enter
			at(wb, "ハイライト!B2").setCellValue("全役員・従業員向けの研修を実施した。\n職場環境調査を行い、結果を管理職に共有した。");
			try (OutputStream out = Files.newOutputStream(submitted)) {
				wb.write(out);
			}
		}
		Files.setLastModifiedTime(submitted, FileTime.from(Instant.parse("2025-10-24T08:00:00Z")));

		// validate: what the department would be told, before anything is stored
		Validation checked = new SubmissionValidator(plan, new MarkRule(ReviewProperties.DEFAULT_MARKS),
				ZoneId.of("Asia/Tokyo")).validate(submitted, submitted.getFileName().toString(), Instant.now());
		assertThat(checked.issues()).extracting(Issue::describe).isEmpty();
		assertThat(checked.accepted()).isTrue();
		assertThat(checked.submission().cover().submitter()).isEqualTo("高橋 直樹");
		assertThat(checked.submission().cover().submittedOn()).isEqualTo(LocalDate.of(2025, 10, 24));

		// run: the real job
		JobExecution run = runs.start();
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		ReviewWorkbook review = ReviewWorkbook.open(ROOT.resolve("output/53期_行動計画振り返り.xlsx"));
		var k05row = review.row("KPI達成状況", "KPI ID", "K05");
		assertThat(k05row.get("実績")).isEqualTo("97.5");
		assertThat(k05row.get("結果")).isEqualTo("未達");
		assertThat(k05row.get("出典")).contains(submitted.getFileName().toString()).endsWith("KPI!F2");
		assertThat(review.row("KPI達成状況", "KPI ID", "K06").get("実績")).isEqualTo("99.1");
		var k07row = review.row("KPI達成状況", "KPI ID", "K07");
		assertThat(k07row.get("実績")).isEqualTo("0");
		assertThat(k07row.get("結果")).isEqualTo("達成");

		String commitment = "コンプライアンス・リスクマネジメント経営の推進";
		assertThat(review.review(commitment, 5).orElseThrow()).startsWith(
				"コンプライアンス研修受講率 97.5%\nホットライン認知率 99.1%\n重大な法令違反・重大アクシデント発生件数 0件");
		assertThat(review.review(commitment, 6).orElseThrow())
			.isEqualTo("全役員・従業員向けの研修を実施した。\n職場環境調査を行い、結果を管理職に共有した。");
		assertThat(review.initiativeRow("コンプライアンス研修受講率100%に向けた継続的な取組の継続", 4)).contains("◎");
		assertThat(review.initiativeRow("職場環境に関する定期的な調査の実施", 4)).contains("○");
		assertThat(review.initiativeRow("相談・通報ホットラインの認知率向上に向けた取組の継続", 4)).contains("○");
		assertThat(review.initiativeRow("腐敗防止方針策定の着手", 4)).contains("△");
		assertThat(review.row("提出状況", "部署コード", "COMP").get("状態")).isEqualTo("受理");
		assertThat(review.row("提出状況", "部署コード", "COMP").get("提出者")).isEqualTo("高橋 直樹");
	}

	private static Cell at(XSSFWorkbook wb, String reference) {
		CellReference ref = new CellReference(reference);
		Sheet sheet = wb.getSheet(ref.getSheetName());
		Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
		return row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
	}

}
