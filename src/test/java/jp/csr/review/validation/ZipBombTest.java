package jp.csr.review.validation;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.PlanReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A workbook that expands far beyond its size is refused by POI; the department is told why. */
class ZipBombTest {

	@TempDir
	Path dir;

	@Test
	void anExtremelyCompressibleWorkbookIsRejectedWithItsOwnMessage() throws Exception {
		Path file = dir.resolve("bomb.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			var row = wb.createSheet("表紙").createRow(0);
			// past POI's grace size, a run of one character compresses far below its minimum ratio
			for (int c = 0; c < 5; c++) {
				row.createCell(c).setCellValue(String.valueOf((char) ('あ' + c)).repeat(32_000));
			}
			wb.write(out);
		}
		SubmissionValidator validator = new SubmissionValidator(PlanReader.read(Path.of("config/plan.xlsx")),
				new MarkRule(ReviewProperties.DEFAULT_MARKS), java.time.ZoneId.of("Asia/Tokyo"));

		Validation v = validator.validate(file, "bomb.xlsx", Instant.now());

		assertThat(v.accepted()).isFalse();
		assertThat(v.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.isError()).isTrue();
			assertThat(issue.message()).startsWith("ブックの圧縮率が極端に高いため");
		});
	}

}
