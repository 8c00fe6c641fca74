package jp.csr.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import jp.csr.review.feedback.AnnotatedCopyWriter;
import jp.csr.review.feedback.Drops;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §3 end to end, with the real job in temporary folders: a folder of good and bad files
 * together. Every good file is in the review; every bad one is rejected whole, nothing of it loaded, and
 * gets its annotated copy beside the review. The department fixes that copy and drops it in again: the
 * correction replaces the rejection. A department whose newest file is rejected keeps its last accepted
 * version in the review, shown as 差戻し.
 */
@SpringBootTest
@SharedStoreToo
class GoodAndBadFilesTest {

	static final Path ROOT = SampleFolders.planOnly("good-and-bad");

	static final Path INPUT = ROOT.resolve("input");

	static final Path OUTPUT = ROOT.resolve("output");

	static final Instant FIRST = Instant.parse("2025-10-20T08:00:00Z");

	static final Instant SECOND = Instant.parse("2025-10-25T08:00:00Z");

	static final String ISEC = "53期_ISEC_情報セキュリティ部.xlsx";

	static final String COMP = "53期_COMP_コンプライアンス推進部.xlsx";

	static final String AD = "53期_AD_広告審査部.xlsx";

	static final String RISK = "53期_RISK_リスク管理部.xlsx";

	static final String DEV = "53期_DEV_システム開発部.xls";

	static final String BROKEN = "壊れたファイル.xlsx";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void badFilesAreRejectedWholeWithAnnotatedCopiesAndCorrectionsReplaceThem() throws Exception {
		// ---- first night: three good files, three bad ones ----
		drop(ISEC, "ISEC", wb -> {
			cell(wb, "KPI!F2").setCellValue("２件");
			cell(wb, "KPI!G2").setCellValue("重大インシデント件数2件");
		}, FIRST);
		drop(COMP, "COMP", wb -> {
		}, FIRST);
		drop(AD, "AD", wb -> {
		}, FIRST);
		// RISK: 完了 is not a result of a 定性 KPI, and an unknown 進捗 too
		drop(RISK, "RISK", wb -> {
			cell(wb, "KPI!F2").setCellValue("完了");
			cell(wb, "取り組み!C3").setCellValue("ほぼ完了");
		}, FIRST);
		// DEV saves as Excel 97–2003, with a word where a count is expected
		try (XSSFWorkbook wb = SampleWorkbooks.filled("DEV")) {
			cell(wb, "KPI!F2").setCellValue("少し");
			try (HSSFWorkbook xls = SampleWorkbooks.toXls(wb); OutputStream out = Files.newOutputStream(INPUT.resolve(DEV))) {
				xls.write(out);
			}
			Files.setLastModifiedTime(INPUT.resolve(DEV), FileTime.from(FIRST));
		}
		// not a workbook at all, in a department's own subfolder
		byte[] noise = new byte[2048];
		new Random(3).nextBytes(noise);
		Path broken = Files.write(Files.createDirectories(INPUT.resolve("広告審査部")).resolve(BROKEN), noise);
		Files.setLastModifiedTime(broken, FileTime.from(FIRST));

		JobExecution first = run();
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(status(ISEC)).isEqualTo("ACCEPTED");
		assertThat(status(COMP)).isEqualTo("ACCEPTED");
		assertThat(status(AD)).isEqualTo("ACCEPTED");
		assertThat(status(RISK)).isEqualTo("REJECTED");
		assertThat(status(DEV)).isEqualTo("REJECTED");
		assertThat(status(BROKEN)).isEqualTo("REJECTED");
		for (String rejected : List.of(RISK, DEV, BROKEN)) {
			assertThat(values(rejected)).as("nothing of %s is loaded", rejected).isZero();
		}
		assertThat(values(ISEC)).isEqualTo(2 + 3 + 1);

		// annotated copies beside the review, from the stored bytes; the input folder is untouched
		Path riskCopy = OUTPUT.resolve("差戻し/RISK").resolve(RISK);
		Path devCopy = OUTPUT.resolve("差戻し/DEV").resolve(DEV);
		assertThat(riskCopy).isRegularFile();
		assertThat(devCopy).isRegularFile();
		assertThat(OUTPUT.resolve("差戻し/部署不明")).doesNotExist();
		try (var copies = Files.walk(OUTPUT.resolve("差戻し"))) {
			assertThat(copies.filter(Files::isRegularFile).toList()).containsExactlyInAnyOrder(riskCopy, devCopy);
		}
		try (Workbook copy = open(riskCopy)) {
			assertThat(copy.getSheetName(0)).isEqualTo(AnnotatedCopyWriter.SUMMARY_SHEET);
			// made from the store's copy (named by its SHA-256), it speaks of the department's file
			assertThat(copy.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("「" + RISK + "」は差戻しになりました");
			assertThat(comment(copy, "KPI!F2")).startsWith("【エラー】実績「完了」は定性のKPIの結果として読めません");
			assertThat(comment(copy, "取り組み!C3")).startsWith("【エラー】進捗「ほぼ完了」は読めません");
			assertThat(comment(copy, "KPI!F3")).isNull();
			assertThat(AnnotatedCopyWriter.isErrorFill(at(copy, "KPI!F2").getCellStyle())).isTrue();
		}
		try (Workbook copy = open(devCopy)) {
			assertThat(copy).isInstanceOf(HSSFWorkbook.class);
			assertThat(comment(copy, "KPI!F2")).startsWith("【エラー】実績「少し」は件数として読めません");
		}
		try (Workbook original = open(INPUT.resolve(RISK))) {
			assertThat(original.getSheet(AnnotatedCopyWriter.SUMMARY_SHEET)).isNull();
		}

		ReviewWorkbook review = ReviewWorkbook.open(OUTPUT.resolve("53期_行動計画振り返り.xlsx"));
		assertThat(review.row("提出状況", "部署コード", "ISEC").get("状態")).isEqualTo("受理");
		assertThat(review.row("提出状況", "部署コード", "RISK").get("状態")).isEqualTo("差戻し");
		assertThat(review.row("提出状況", "部署コード", "DEV").get("状態")).isEqualTo("差戻し");
		assertThat(review.row("提出状況", "部署コード", "PRIV").get("状態")).isEqualTo("未提出");
		assertThat(review.row("KPI達成状況", "KPI ID", "K01").get("実績")).isEqualTo("2");
		assertThat(review.row("KPI達成状況", "KPI ID", "K08").get("結果")).isEqualTo("未提出");
		assertThat(review.review("情報セキュリティ体制の構築", 5)).contains("重大インシデント件数2件\nISMS維持");
		assertThat(review.table("検証結果")).extracting(r -> r.get("ファイル") + " " + r.get("シート") + "!" + r.get("セル"))
			.contains(RISK + " KPI!F2", RISK + " 取り組み!C3", DEV + " KPI!F2");

		// ---- second night: RISK fixes the annotated copy and drops it in again; AD breaks its file ----
		try (Workbook copy = open(riskCopy)) {
			at(copy, "KPI!F2").setCellValue("達成");
			at(copy, "KPI!G2").setCellValue("リスク管理体制の改善を達成");
			at(copy, "取り組み!C3").setCellValue("完了");
			try (OutputStream out = Files.newOutputStream(INPUT.resolve(RISK))) {
				copy.write(out);
			}
		}
		Files.setLastModifiedTime(INPUT.resolve(RISK), FileTime.from(SECOND));
		drop(AD, "AD", wb -> cell(wb, "KPI!F2").setCellValue("おおむね良好"), SECOND);

		JobExecution second = run();
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT status FROM submission_file WHERE file_name = ? ORDER BY id").param(RISK)
			.query(String.class).list()).containsExactly("REJECTED", "ACCEPTED");
		assertThat(jdbc.sql("SELECT status FROM submission_file WHERE file_name = ? ORDER BY id").param(AD)
			.query(String.class).list()).containsExactly("ACCEPTED", "REJECTED");
		assertThat(values(newest(AD))).isZero();

		review = ReviewWorkbook.open(OUTPUT.resolve("53期_行動計画振り返り.xlsx"));
		assertThat(review.row("提出状況", "部署コード", "RISK").get("状態")).isEqualTo("受理");
		assertThat(review.row("KPI達成状況", "KPI ID", "K08").get("実績")).isEqualTo("達成");
		assertThat(review.row("KPI達成状況", "KPI ID", "K08").get("結果")).isEqualTo("達成");
		assertThat(review.review("コンプライアンス・リスクマネジメント経営の推進", 5).orElseThrow())
			.contains("リスク管理体制の改善を達成");
		assertThat(review.initiativeRow("クレーム・トラブル集約(インシデントレポート)方法の改善", 4)).contains("◎");
		// AD's newest file is rejected: its last accepted version stays in the review
		var ad = review.row("提出状況", "部署コード", "AD");
		assertThat(ad.get("状態")).isEqualTo("差戻し");
		assertThat(ad.get("使用中のファイル")).isEqualTo(AD);
		assertThat(review.row("KPI達成状況", "KPI ID", "K10").get("実績")).isEqualTo("継続中");
		assertThat(review.review("広告倫理や審査体制を含めた適切なマーケティングの実施", 5)).contains("取り組みを継続中");

		// feedback follows the newest word: AD's copy is written, RISK's settled one is gone
		Path adCopy = OUTPUT.resolve("差戻し/AD").resolve(AD);
		try (Workbook copy = open(adCopy)) {
			assertThat(comment(copy, "KPI!F2")).startsWith("【エラー】実績「おおむね良好」は定性のKPIの結果として読めません");
		}
		assertThat(riskCopy).doesNotExist();
		assertThat(devCopy).isRegularFile();
	}

	private JobExecution run() throws Exception {
		return runs.start();
	}

	/** A department's sample submission, changed, saved into the input folder as received at {@code at}. */
	private static void drop(String name, String department, Consumer<XSSFWorkbook> change, Instant at) throws IOException {
		Files.createDirectories(INPUT);
		Drops.drop(INPUT, department, name, change, at);
	}

	private String status(String fileName) {
		return jdbc.sql("SELECT status FROM submission_file WHERE file_name = ? ORDER BY id DESC LIMIT 1").param(fileName)
			.query(String.class).single();
	}

	private long newest(String fileName) {
		return jdbc.sql("SELECT id FROM submission_file WHERE file_name = ? ORDER BY id DESC LIMIT 1").param(fileName)
			.query(Long.class).single();
	}

	private int values(String fileName) {
		return values(newest(fileName));
	}

	private int values(long fileId) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM kpi_result WHERE file_id = ?) + (SELECT COUNT(*) FROM initiative_result WHERE file_id = ?)
				  + (SELECT COUNT(*) FROM highlight WHERE file_id = ?)""")
			.params(fileId, fileId, fileId).query(Integer.class).single();
	}

	private static Workbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return WorkbookFactory.create(in);
		}
	}

	private static Cell cell(XSSFWorkbook wb, String reference) {
		return at(wb, reference);
	}

	private static Cell at(Workbook wb, String reference) {
		CellReference ref = new CellReference(reference);
		Sheet sheet = wb.getSheet(ref.getSheetName());
		Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
		return row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
	}

	private static String comment(Workbook wb, String reference) {
		Cell cell = at(wb, reference);
		return cell.getCellComment() == null ? null : cell.getCellComment().getString().getString();
	}

}
