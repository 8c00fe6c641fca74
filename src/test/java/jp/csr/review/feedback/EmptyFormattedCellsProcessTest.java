package jp.csr.review.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rejected workbook carrying millions of empty formatted cells on a sheet the product does not read passes the
 * size limits (they count cells holding values), and its annotated copy used to open it whole: out of memory on the
 * copy thread, the write step failed, and every later night and restart failed the same way. Run as the service
 * runs it, in a small heap: the night completes, the department gets the list of issues, and no later run or
 * reminder trips over the file again.
 */
class EmptyFormattedCellsProcessTest {

	private static final String NAME = "53期_ISEC_情報セキュリティ部.xlsx";

	@TempDir
	Path temp;

	@Test
	void aRejectedFileOfMillionsOfEmptyFormattedCellsIsAnsweredWithTheListAndTheNightCompletes() throws Exception {
		Folders f = Folders.in(temp);
		Path rejected = f.input().resolve(NAME);
		emptyFormattedCells(rejected);
		assertThat(Files.size(rejected)).as("a file as large as the one that failed the night")
			.isGreaterThan(6_000_000L);

		Result night = run(f, "run");

		assertThat(night.exit()).as(night.output()).isEqualTo(3);
		Path copy = f.output().resolve(AnnotatedCopies.FOLDER).resolve("ISEC").resolve(NAME);
		assertThat(night.output()).contains("ステップ write 完了", "注記付きの写し: " + copy)
			.doesNotContain("OutOfMemoryError", "失敗");
		assertThat(copy).isRegularFile();
		try (InputStream in = Files.newInputStream(copy); Workbook wb = new XSSFWorkbook(in)) {
			assertThat(wb.getNumberOfSheets()).as("the list alone").isEqualTo(1);
			Sheet list = wb.getSheetAt(0);
			assertThat(list.getSheetName()).isEqualTo(AnnotatedCopyWriter.SUMMARY_SHEET);
			assertThat(list.getRow(1).getCell(0).getStringCellValue()).contains("大きすぎるため");
			assertThat(list.getRow(2).getCell(0).getStringCellValue()).contains("シート「生データ」");
		}
		assertThat(f.query("SELECT answered_at FROM submission_file WHERE file_name = '" + NAME + "' AND status = 'REJECTED'"))
			.singleElement().isNotNull();

		Result next = run(f, "run");
		assertThat(next.exit()).as(next.output()).isZero();
		assertThat(next.output()).doesNotContain("前回書けなかった", "FAILED");

		Files.delete(copy);
		Result remind = run(f, "remind", "--dry-run");
		assertThat(remind.exit()).as(remind.output()).isZero();
		assertThat(remind.output()).contains("[dry-run] ISEC 情報セキュリティ部 (差戻し)");
		assertThat(copy).as("the reminder writes the list again").isRegularFile();
	}

	private static Result run(Folders f, String command, String... options) throws Exception {
		List<String> line = new ArrayList<>(f.line(command, options));
		line.add(1, "-Xmx96m");
		return f.start(line).result();
	}

	/**
	 * ISEC's sample with an error (a count of 1.5), and a sheet of the department's own whose XML holds millions of
	 * {@code <c r=".." s="1"/>}: written straight into the zip, as POI could not write it in a test's heap either.
	 */
	private static void emptyFormattedCells(Path file) throws IOException {
		Path plain = file.resolveSibling("plain.tmp");
		String part;
		try (XSSFWorkbook wb = SampleWorkbooks.filled("ISEC")) {
			wb.getSheet("KPI").getRow(1).getCell(5).setCellValue("1.5件");
			part = wb.createSheet("生データ").getPackagePart().getPartName().getName().substring(1);
			SampleWorkbooks.saveAs(wb, plain);
		}
		try (ZipFile zip = new ZipFile(plain.toFile()); OutputStream out = Files.newOutputStream(file);
				ZipOutputStream copy = new ZipOutputStream(out)) {
			for (ZipEntry entry : zip.stream().toList()) {
				copy.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(part)) {
					sheetOfEmptyCells(copy);
				}
				else {
					try (InputStream in = zip.getInputStream(entry)) {
						in.transferTo(copy);
					}
				}
				copy.closeEntry();
			}
		}
		Files.delete(plain);
	}

	private static void sheetOfEmptyCells(OutputStream out) throws IOException {
		Writer xml = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		String[] columns = new String[60];
		for (int c = 0; c < columns.length; c++) {
			columns[c] = CellReference.convertNumToColString(c);
		}
		StringBuilder row = new StringBuilder();
		for (int r = 1; r <= 60_000; r++) {
			row.setLength(0);
			row.append("<row r=\"").append(r).append("\">");
			for (String column : columns) {
				row.append("<c r=\"").append(column).append(r).append("\" s=\"1\"/>");
			}
			xml.append(row.append("</row>"));
		}
		xml.write("</sheetData></worksheet>");
		xml.flush();
	}

}
