package jp.csr.review.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.WorkbookLimits;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 備考 holding {@code -} in every row down to Excel's last took POI's usermodel minutes and
 * gigabytes, then gave a million issues. Such a file is refused before it is opened, in bounded memory, with a
 * message naming the sheet. The time it takes is printed, not asserted: a busy machine is no failure of the code.
 */
class FilledToTheLastRowTest {

	/** 備考 in the template's KPI sheet. */
	static final int NOTE = 7;

	@TempDir
	Path dir;

	@Test
	void aNoteColumnFilledToTheLastRowIsRejectedInBoundedMemory() throws IOException {
		Path file = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		int lastRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
		XSSFWorkbook template = SampleWorkbooks.filled("ISEC");
		Sheet kpi = template.getSheet("KPI");
		int sampleRows = kpi.getLastRowNum();
		for (int r = 1; r <= sampleRows; r++) {
			kpi.getRow(r).createCell(NOTE).setCellValue("-");
		}
		// dragged down to the bottom, as a department does with a fill handle
		try (SXSSFWorkbook wb = new SXSSFWorkbook(template, 1000); OutputStream out = Files.newOutputStream(file)) {
			wb.setCompressTempFiles(true);
			Sheet streamed = wb.getSheet("KPI");
			for (int r = sampleRows + 1; r <= lastRow; r++) {
				streamed.createRow(r).createCell(NOTE).setCellValue("-");
			}
			wb.write(out);
			wb.dispose();
		}
		SubmissionValidator validator = new SubmissionValidator(SampleWorkbooks.plan(),
				new MarkRule(ReviewProperties.DEFAULT_MARKS), SubmissionValidatorTest.TOKYO);

		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long started = System.nanoTime();
		Validation v = validator.validate(file, file.getFileName().toString(), Instant.now());
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.out.printf("MEASURE %,d rows, %,d bytes: validated in %d ms, %,d bytes allocated%n", lastRow,
				Files.size(file), took.toMillis(), allocated);

		assertThat(v.accepted()).isFalse();
		assertThat(v.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.isError()).isTrue();
			assertThat(issue.where()).isEqualTo("KPI");
			assertThat(issue.message()).isEqualTo(new WorkbookLimits.Excess("KPI", "行", WorkbookLimits.MAX_ROWS).message());
		});
		// the usermodel allocated gigabytes, in minutes: bounded allocation is what shows the file was not opened
		assertThat(allocated).isLessThan(256L << 20);
	}

}
