package jp.csr.review.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A 備考 column holding 「-」 down to Excel's last row took the copy writer over five
 * minutes and 6.6 GB. Such a file is answered within seconds, in bounded memory, with a copy that holds only
 * the list of issues.
 */
class OversizedCopyTest {

	@TempDir
	static Path dir;

	static Path original;

	static final String NAME = "53期_ISEC_情報セキュリティ部.xlsx";

	/** A department's real workbook, then 備考 (KPI!H) filled down to the last row, written as Excel would. */
	@BeforeAll
	static void fillToTheLastRow() throws IOException {
		original = dir.resolve("stored.xlsx");
		try (XSSFWorkbook filled = SampleWorkbooks.filled("ISEC"); SXSSFWorkbook wb = new SXSSFWorkbook(filled, 100)) {
			SXSSFSheet kpi = wb.getSheet("KPI");
			int last = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
			for (int r = filled.getSheet("KPI").getLastRowNum() + 1; r <= last; r++) {
				kpi.createRow(r).createCell(7).setCellValue("-");
			}
			try (OutputStream out = Files.newOutputStream(original)) {
				wb.write(out);
			}
		}
	}

	@Test
	void aWorkbookFilledToTheLastRowGetsACopyHoldingOnlyTheList() throws IOException {
		byte[] before = Files.readAllBytes(original);
		// more than a validator would keep: the writer caps whatever it is given
		List<Issue> issues = new ArrayList<>();
		issues.add(new Issue(Severity.ERROR, NAME, "KPI", "", "シート「KPI」の値の入った行が上限の10,000行を超えています"));
		for (int r = 5; r < 100_005; r++) {
			issues.add(new Issue(Severity.WARNING, NAME, "KPI", "H" + r, "備考「-」は確認してください"));
		}
		Path copy = dir.resolve("out/差戻し/ISEC").resolve(NAME);

		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocated = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			long start = threads.getCurrentThreadAllocatedBytes();
			assertThat(new AnnotatedCopyWriter().write(original, issues, copy)).isTrue();
			return threads.getCurrentThreadAllocatedBytes() - start;
		}, "the copy of a workbook filled to the last row is written within seconds");

		// opening it with the usermodel allocates gigabytes; the streaming check and the list, a few hundred MB
		assertThat(allocated).isLessThan(1L << 30);
		assertThat(Files.readAllBytes(original)).isEqualTo(before);
		assertThat(copy).isRegularFile();
		try (Workbook wb = AnnotatedCopyWriterTest.open(copy)) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(1);
			Sheet summary = wb.getSheetAt(0);
			assertThat(summary.getSheetName()).isEqualTo(AnnotatedCopyWriter.SUMMARY_SHEET);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("「" + NAME + "」は差戻しになりました (エラー 1件、警告 100,000件)");
			assertThat(summary.getRow(1).getCell(0).getStringCellValue()).contains("大きすぎるため");
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).contains("シート「KPI」");
			assertThat(AnnotatedCopyWriterTest.row(summary, 4)).containsExactly("重要度", "シート", "セル", "内容");
			assertThat(AnnotatedCopyWriterTest.row(summary, 5)).startsWith("エラー", "KPI");
			assertThat(AnnotatedCopyWriterTest.row(summary, 204)).containsExactly("警告", "KPI", "H203", "備考「-」は確認してください");
			assertThat(summary.getRow(205).getCell(0).getStringCellValue()).isEqualTo("…ほか 99,801件");
			assertThat(summary.getLastRowNum()).isEqualTo(205);
			AnnotatedCopyWriterTest.assertAllText(summary);
		}
	}

}
