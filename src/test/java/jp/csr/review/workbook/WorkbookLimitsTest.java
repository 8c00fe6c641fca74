package jp.csr.review.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import jp.csr.review.workbook.WorkbookLimits.Excess;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming count that refuses a workbook before POI's usermodel opens it: at the limits a workbook
 * passes, one row or cell more and the sheet is named; anything that is not an OOXML workbook is left to
 * the full open, which says why.
 */
class WorkbookLimitsTest {

	@TempDir
	Path dir;

	@Test
	void aSheetAtTheRowLimitPasses() throws IOException {
		Path file = write(wb -> fill(wb.createSheet("KPI"), WorkbookLimits.MAX_ROWS, 1));

		assertThat(WorkbookLimits.check(file)).isEmpty();
	}

	@Test
	void oneValueRowMoreIsRefusedNamingTheSheet() throws IOException {
		Path file = write(wb -> {
			fill(wb.createSheet("表紙"), 10, 2);
			fill(wb.createSheet("KPI"), WorkbookLimits.MAX_ROWS + 1, 1);
		});

		assertThat(WorkbookLimits.check(file)).contains(new Excess("KPI", "行", WorkbookLimits.MAX_ROWS));
		assertThat(WorkbookLimits.check(file).orElseThrow().message())
			.isEqualTo("シート「KPI」の値の入った行が上限の10,000行を超えています。下までコピーした値など不要な行・列を削除して保存し直してから提出してください");
	}

	@Test
	void aSheetAtTheCellLimitPassesAndOneCellMoreIsRefused() throws IOException {
		int columns = 25;
		int rows = WorkbookLimits.MAX_CELLS / columns;
		Path atLimit = write(wb -> fill(wb.createSheet("KPI"), rows, columns));
		Path over = write(wb -> {
			Sheet sheet = wb.createSheet("KPI");
			fill(sheet, rows, columns);
			sheet.getRow(rows - 1).createCell(columns).setCellValue(1);
		});

		assertThat(WorkbookLimits.check(atLimit)).isEmpty();
		assertThat(WorkbookLimits.check(over)).contains(new Excess("KPI", "セル", WorkbookLimits.MAX_CELLS));
	}

	@Test
	void rowsWithoutValuesAreNotCounted() throws IOException {
		Path file = write(wb -> {
			Sheet sheet = wb.createSheet("KPI");
			fill(sheet, WorkbookLimits.MAX_ROWS, 1);
			// a row height or a blank cell is formatting, not a value
			for (int r = WorkbookLimits.MAX_ROWS; r < WorkbookLimits.MAX_ROWS + 100; r++) {
				sheet.createRow(r).createCell(0).setBlank();
			}
		});

		assertThat(WorkbookLimits.check(file)).isEmpty();
	}

	@Test
	void formulasWithoutASavedResultAreCountedAsValues() throws IOException {
		Path file = dir.resolve("formulas.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.createSheet("KPI");
			for (int r = 0; r <= WorkbookLimits.MAX_ROWS; r++) {
				sheet.createRow(r).createCell(0).setCellFormula("1+1");
			}
			wb.write(out);
		}

		assertThat(WorkbookLimits.check(file)).contains(new Excess("KPI", "行", WorkbookLimits.MAX_ROWS));
	}

	@Test
	void emptyFormattedRowsCountOnlyForAWorkbookToRework() throws IOException {
		Path file = write(wb -> blanks(wb.createSheet("書式"), WorkbookLimits.MAX_ROWS + 1));

		assertThat(WorkbookLimits.check(file)).isEmpty();
		assertThat(WorkbookLimits.checkEditable(file)).contains(new Excess("書式", "行", WorkbookLimits.MAX_ROWS, true));
	}

	@Test
	void aWorkbookToReworkIsToldItsValuesOverTheLimitsWhereverTheyAre() throws IOException {
		Path file = write(wb -> {
			blanks(wb.createSheet("書式"), WorkbookLimits.MAX_ROWS + 1);
			fill(wb.createSheet("KPI"), WorkbookLimits.MAX_ROWS + 1, 1);
		});
		Path within = write(wb -> {
			blanks(wb.createSheet("書式"), WorkbookLimits.MAX_ROWS);
			fill(wb.createSheet("KPI"), WorkbookLimits.MAX_ROWS, 1);
		});

		assertThat(WorkbookLimits.checkEditable(file)).contains(new Excess("KPI", "行", WorkbookLimits.MAX_ROWS));
		assertThat(WorkbookLimits.checkEditable(within)).isEmpty();
	}

	@Test
	void whatIsNotAnOoxmlWorkbookIsLeftToTheFullOpen() throws IOException {
		Path xls = dir.resolve("old.xls");
		try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
			fill(wb.createSheet("KPI"), WorkbookLimits.MAX_ROWS + 1, 1);
			wb.write(out);
		}
		byte[] noise = new byte[4096];
		new Random(3).nextBytes(noise);
		Path random = Files.write(dir.resolve("noise.xlsx"), noise);
		Path valid = write(wb -> fill(wb.createSheet("KPI"), 100, 3));
		byte[] bytes = Files.readAllBytes(valid);
		Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);

		assertThat(WorkbookLimits.check(xls)).isEmpty();
		assertThat(WorkbookLimits.check(random)).isEmpty();
		assertThat(WorkbookLimits.check(truncated)).isEmpty();
		assertThat(WorkbookLimits.check(empty)).isEmpty();
		assertThat(WorkbookLimits.check(dir.resolve("missing.xlsx"))).isEmpty();
	}

	private interface Content {

		void fill(Workbook wb);

	}

	private int files;

	/** A workbook streamed to disk: tens of thousands of rows in well under a second. */
	private Path write(Content content) throws IOException {
		Path file = dir.resolve("book" + (++files) + ".xlsx");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			content.fill(wb);
			wb.write(out);
		}
		return file;
	}

	/** Rows holding one blank cell each: a format, no value. */
	private static void blanks(Sheet sheet, int rows) {
		for (int r = 0; r < rows; r++) {
			sheet.createRow(r).createCell(0).setBlank();
		}
	}

	private static void fill(Sheet sheet, int rows, int columns) {
		for (int r = 0; r < rows; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < columns; c++) {
				if ((r + c) % 2 == 0) {
					row.createCell(c).setCellValue("値" + r);
				}
				else {
					row.createCell(c).setCellValue(r * 0.5 + c);
				}
			}
		}
	}

}
