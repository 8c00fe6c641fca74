package jp.csr.review.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import jp.csr.review.validation.SubmissionValidator;
import jp.csr.review.validation.Validation;
import jp.csr.review.workbook.RowHeights;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotatedCopyWriterTest {

	@TempDir
	Path dir;

	final SubmissionValidator validator = new SubmissionValidator(SampleWorkbooks.plan(),
			new MarkRule(ReviewProperties.DEFAULT_MARKS), ZoneId.of("Asia/Tokyo"));

	final AnnotatedCopyWriter writer = new AnnotatedCopyWriter();

	/** ISEC with two errors and two warnings on cells, one warning on a sheet. */
	private Path broken() {
		XSSFWorkbook wb = SampleWorkbooks.filled("ISEC");
		cell(wb, "KPI!F2").setCellValue("1.5件");
		cell(wb, "KPI!D2").setCellValue(3);
		cell(wb, "取り組み!C3").setCellValue("ほぼ完了");
		cell(wb, "取り組み!D2").setCellValue("△");
		Path file = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		SampleWorkbooks.saveAs(wb, file);
		return file;
	}

	private List<Issue> issues(Path file) {
		Validation v = validator.validate(file, file.getFileName().toString(), Instant.now());
		assertThat(v.accepted()).isFalse();
		return v.issues();
	}

	@Test
	void highlightsCommentsAndListsEveryIssueOnAFirstSheet() throws IOException {
		Path original = broken();
		List<Issue> issues = issues(original);
		assertThat(issues).extracting(Issue::where)
			.containsExactlyInAnyOrder("KPI!D2", "KPI!F2", "取り組み!C3", "取り組み!D2");
		byte[] before = Files.readAllBytes(original);
		Path copy = dir.resolve("out/差戻し/ISEC/53期_ISEC_情報セキュリティ部.xlsx");

		assertThat(writer.write(original, issues, copy)).isTrue();

		assertThat(Files.readAllBytes(original)).isEqualTo(before);
		assertThat(copy.getParent()).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
		try (Workbook wb = open(copy)) {
			assertThat(wb.getSheetName(0)).isEqualTo("差戻し内容");
			assertThat(wb.getActiveSheetIndex()).isZero();
			assertThat(wb.getSheetVisibility(wb.getSheetIndex("差戻し_元の書式"))).isEqualTo(SheetVisibility.VERY_HIDDEN);

			Cell result = at(wb, "KPI!F2");
			assertThat(result.getStringCellValue()).isEqualTo("1.5件");
			assertThat(AnnotatedCopyWriter.isErrorFill(result.getCellStyle())).isTrue();
			assertThat(result.getCellStyle().getLocked()).as("input cell stays editable").isFalse();
			assertThat(result.getCellComment().getString().getString())
				.isEqualTo("【エラー】実績「1.5件」は件数として読めません (期待値: 0以上の整数、例: 1 または 1件)");
			assertThat(result.getCellComment().getAuthor()).isEqualTo(AnnotatedCopyWriter.AUTHOR);

			Cell target = at(wb, "KPI!D2");
			assertThat(AnnotatedCopyWriter.isErrorFill(target.getCellStyle())).isFalse();
			assertThat(target.getCellStyle().getFillForegroundColorColor()).isNotNull();
			assertThat(target.getCellComment().getString().getString()).startsWith("【警告】目標値「3」");

			assertThat(at(wb, "取り組み!C3").getCellComment().getString().getString()).contains("進捗「ほぼ完了」は読めません");
			assertThat(at(wb, "取り組み!C2").getCellComment()).isNull();
			assertThat(at(wb, "KPI!F3").getCellComment()).isNull();

			// the template's protection is kept: the department fixes the copy as it filled the original
			for (String name : List.of("表紙", "KPI", "取り組み", "ハイライト")) {
				assertThat(wb.getSheet(name).getProtect()).as(name).isTrue();
			}

			Sheet summary = wb.getSheetAt(0);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("「53期_ISEC_情報セキュリティ部.xlsx」は差戻しになりました (エラー 2件、警告 2件)");
			assertThat(row(summary, 3)).containsExactly("重要度", "シート", "セル", "内容");
			// errors first, then warnings
			assertThat(row(summary, 4)).startsWith("エラー", "KPI", "F2");
			assertThat(row(summary, 5)).startsWith("エラー", "取り組み", "C3");
			assertThat(row(summary, 6)).startsWith("警告", "KPI", "D2");
			assertThat(row(summary, 7)).startsWith("警告", "取り組み", "D2");
			assertThat(summary.getRow(4).getCell(2).getHyperlink().getType()).isEqualTo(HyperlinkType.DOCUMENT);
			assertThat(summary.getRow(4).getCell(2).getHyperlink().getAddress()).isEqualTo("'KPI'!F2");
			assertThat(summary.getRow(5).getCell(2).getHyperlink().getAddress()).isEqualTo("'取り組み'!C3");
		}

		// dropped in again as it is: still rejected, for the same reasons; nothing is in the way
		Validation again = validator.validate(copy, copy.getFileName().toString(), Instant.now());
		assertThat(again.issues()).isEqualTo(issues.stream()
			.map(i -> new Issue(i.severity(), copy.getFileName().toString(), i.sheet(), i.cell(), i.message()))
			.toList());
	}

	@Test
	void aCopyRejectedAgainIsAnnotatedAfresh() throws IOException {
		Path original = broken();
		Path first = dir.resolve("first/53期_ISEC_情報セキュリティ部.xlsx");
		writer.write(original, issues(original), first);
		// the department fixes the 実績 and the 目標値, but not the 進捗
		try (XSSFWorkbook wb = (XSSFWorkbook) open(first)) {
			cell(wb, "KPI!F2").setCellValue(1);
			cell(wb, "KPI!D2").setCellValue(0);
			SampleWorkbooks.saveAs(wb, first);
		}
		List<Issue> issues = issues(first);
		assertThat(issues).extracting(Issue::where).containsExactlyInAnyOrder("取り組み!C3", "取り組み!D2");
		Path second = dir.resolve("second/53期_ISEC_情報セキュリティ部.xlsx");
		assertThat(writer.write(first, issues, second)).isTrue();
		try (Workbook wb = open(second); Workbook template = SampleWorkbooks.filled("ISEC")) {
			assertThat(wb.getSheetName(0)).isEqualTo("差戻し内容");
			assertThat(wb.getNumberOfSheets()).isEqualTo(template.getNumberOfSheets() + 2);
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(5);
			Cell fixed = at(wb, "KPI!F2");
			assertThat(fixed.getCellComment()).isNull();
			assertThat(fixed.getCellStyle().getFillForegroundColorColor())
				.isEqualTo(at(template, "KPI!F2").getCellStyle().getFillForegroundColorColor());
			assertThat(at(wb, "KPI!D2").getCellComment()).isNull();
			assertThat(AnnotatedCopyWriter.isErrorFill(at(wb, "取り組み!C3").getCellStyle())).isTrue();
			assertThat(at(wb, "取り組み!C3").getCellComment().getString().getString()).startsWith("【エラー】進捗「ほぼ完了」");
		}
	}

	@Test
	void theListOfIssuesPrintsWholeOnA4LandscapeWithEveryLineOfEveryMessage() throws IOException {
		Path original = broken();
		String name = original.getFileName().toString();
		String long1 = "取り組みの行が追加されています。行を追加せず、計画にある取り組みの行だけに入力してください。".repeat(4);
		List<Issue> issues = List.of(new Issue(Severity.ERROR, name, "KPI", "F2", long1),
				new Issue(Severity.ERROR, name, "取り組み", "C2", "一行目\n二行目\n三行目"),
				new Issue(Severity.WARNING, name, "KPI", "D2", "短い"));
		Path copy = dir.resolve("out/53期_ISEC_情報セキュリティ部.xlsx");

		assertThat(writer.write(original, issues, copy)).isTrue();

		try (Workbook wb = open(copy)) {
			Sheet list = wb.getSheetAt(0);
			PrintSetup print = list.getPrintSetup();
			assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(print.getLandscape()).isTrue();
			assertThat(list.getFitToPage()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(print.getFitHeight()).as("as many pages down as it takes").isZero();
			assertThat(list.getRepeatingRows()).as("the header row on every page").isEqualTo(CellRangeAddress.valueOf("4:4"));
			// the note, longer than the page is wide, wraps across the four columns
			assertThat(list.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:D1"), CellRangeAddress.valueOf("A2:D2"));
			assertThat(list.getRow(1).getCell(0).getCellStyle().getWrapText()).isTrue();
			int columns = 0;
			for (int c = 0; c < 4; c++) {
				columns += list.getColumnWidth(c) / 256;
			}
			assertThat(columns).as("A4 landscape holds about 130 characters at full size").isBetween(100, 130);
			float fontPoints = wb.getFontAt(0).getFontHeightInPoints();
			assertThat(list.getRow(4).getCell(3).getStringCellValue()).isEqualTo(long1);
			assertThat(list.getRow(4).getCell(3).getCellStyle().getWrapText()).isTrue();
			assertThat(list.getRow(4).getHeightInPoints())
				.isGreaterThanOrEqualTo(RowHeights.height(4, fontPoints));
			assertThat(list.getRow(5).getHeightInPoints()).isGreaterThanOrEqualTo(RowHeights.height(3, fontPoints));
			assertThat(list.getRow(1).getHeightInPoints()).isGreaterThanOrEqualTo(RowHeights.height(2, fontPoints));
		}
	}

	@Test
	void anXlsIsAnnotatedAsAnXls() throws IOException {
		Path original = dir.resolve("53期_ISEC_情報セキュリティ部.xls");
		try (XSSFWorkbook filled = SampleWorkbooks.filled("ISEC")) {
			cell(filled, "KPI!F3").setCellValue("不明");
			try (HSSFWorkbook xls = SampleWorkbooks.toXls(filled);
					OutputStream out = Files.newOutputStream(original)) {
				xls.write(out);
			}
		}
		List<Issue> issues = issues(original);
		assertThat(issues).extracting(Issue::where).containsExactly("KPI!F3");
		Path copy = dir.resolve("out/53期_ISEC_情報セキュリティ部.xls");
		assertThat(writer.write(original, issues, copy)).isTrue();
		try (Workbook wb = open(copy)) {
			assertThat(wb).isInstanceOf(HSSFWorkbook.class);
			assertThat(wb.getSheetName(0)).isEqualTo("差戻し内容");
			Comment comment = at(wb, "KPI!F3").getCellComment();
			assertThat(comment.getString().getString()).startsWith("【エラー】実績「不明」は維持のKPIの結果として読めません");
			assertThat(AnnotatedCopyWriter.isErrorFill(at(wb, "KPI!F3").getCellStyle())).isTrue();
			assertThat(wb.getSheetAt(0).getRow(4).getCell(2).getHyperlink().getAddress()).isEqualTo("'KPI'!F3");
		}
	}

	@Test
	void unreadableOrPasswordProtectedFilesGetNoCopy() throws IOException {
		Path garbage = Files.write(dir.resolve("x.xlsx"), new byte[] { 1, 2, 3, 4, 5 });
		Path copy = dir.resolve("out/x.xlsx");
		assertThat(writer.write(garbage, issues(garbage), copy)).isFalse();
		assertThat(copy).doesNotExist();
		assertThat(dir.resolve("out")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
	}

	@Test
	void aWorkbookPoiCannotReworkStillGetsTheListOfIssues() throws IOException {
		Path whole = dir.resolve("whole.xlsx");
		SampleWorkbooks.saveAs(SampleWorkbooks.filled("ISEC"), whole);
		// workbook.xml still lists a sheet whose part is gone: POI opens the rest, but cannot reorder sheets
		Path original = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(whole));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(original))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.getName().equals("xl/worksheets/sheet5.xml")) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					in.transferTo(out);
				}
			}
		}
		List<Issue> issues = List.of(new Issue(Severity.ERROR, original.getFileName().toString(), "KPI", "F2", "実績の誤り"));
		Path copy = dir.resolve("out/broken-sheets.xlsx");

		assertThat(writer.write(original, issues, copy)).isTrue();
		try (Workbook out = open(copy)) {
			assertThat(out.getNumberOfSheets()).isEqualTo(1);
			assertThat(row(out.getSheetAt(0), 1)).anyMatch(text -> text.contains(AnnotatedCopyWriter.CANNOT_ANNOTATE));
		}
	}

	@Test
	void neighbouringCellsEachGetTheirComment() throws IOException {
		Path original = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		SampleWorkbooks.saveAs(SampleWorkbooks.filled("ISEC"), original);
		List<Issue> issues = List.of("A1", "B1", "C1").stream()
			.map(cell -> new Issue(Severity.ERROR, original.getFileName().toString(), "取り組み", cell, "見出し " + cell))
			.toList();
		Path copy = dir.resolve("out/neighbours.xlsx");
		assertThat(writer.write(original, issues, copy)).isTrue();
		try (Workbook out = open(copy)) {
			Sheet sheet = out.getSheet("取り組み");
			for (int c = 0; c < 3; c++) {
				assertThat(sheet.getRow(0).getCell(c).getCellComment().getString().getString()).endsWith("見出し "
						+ (char) ('A' + c) + "1");
			}
		}
	}

	@Test
	void issuesWithoutACellAreListedButHighlightNothing() throws IOException {
		XSSFWorkbook wb = SampleWorkbooks.filled("ISEC");
		wb.removeSheetAt(wb.getSheetIndex("ハイライト"));
		Sheet kpi = wb.getSheet("KPI");
		kpi.removeRow(kpi.getRow(2));
		Path original = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		SampleWorkbooks.saveAs(wb, original);
		List<Issue> issues = issues(original);
		assertThat(issues).extracting(Issue::where).containsExactly("ハイライト", "KPI");
		Path copy = dir.resolve("out/c.xlsx");
		assertThat(writer.write(original, issues, copy)).isTrue();
		try (Workbook out = open(copy)) {
			Sheet summary = out.getSheetAt(0);
			assertThat(row(summary, 4)).startsWith("エラー", "ハイライト", "");
			assertThat(summary.getRow(4).getCell(2).getHyperlink()).isNull();
			assertThat(row(summary, 5)).startsWith("警告", "KPI", "シートへ");
			assertThat(summary.getRow(5).getCell(2).getHyperlink().getAddress()).isEqualTo("'KPI'!A1");
			assertThat(out.getSheet("差戻し_元の書式")).isNull();
		}
	}

	@Test
	void showsTheFirst200IssuesAndCountsTheRest() throws IOException {
		Path original = broken();
		List<Issue> issues = new ArrayList<>(issues(original));
		// a column of 備考 copied down: one warning per row, far more than anyone reads
		for (int r = 10; r < 310; r++) {
			issues.add(new Issue(Severity.WARNING, original.getFileName().toString(), "KPI", "H" + r, "備考「-」の警告 " + r));
		}
		Path copy = dir.resolve("out/53期_ISEC_情報セキュリティ部.xlsx");

		assertThat(writer.write(original, issues, copy)).isTrue();

		try (Workbook wb = open(copy)) {
			Sheet summary = wb.getSheetAt(0);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).endsWith("(エラー 2件、警告 302件)");
			// errors first, then the warnings in the order found, 200 rows in all
			assertThat(row(summary, 4)).startsWith("エラー", "KPI", "F2");
			assertThat(row(summary, 203)).startsWith("警告", "KPI", "H205");
			assertThat(summary.getRow(204).getCell(0).getStringCellValue()).isEqualTo("…ほか 104件");
			assertThat(summary.getLastRowNum()).isEqualTo(204);
			long commented = 0;
			for (Sheet sheet : wb) {
				commented += ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCellComments().values().stream()
					.filter(c -> AnnotatedCopyWriter.AUTHOR.equals(c.getAuthor()))
					.count();
			}
			assertThat(commented).isEqualTo(200);
			assertThat(at(wb, "KPI!H205").getCellComment()).isNotNull();
			assertThat(at(wb, "KPI!H206").getCellComment()).isNull();
		}
	}

	@Test
	void aLongFileNameStillGetsItsCopy() throws IOException {
		Path original = broken();
		String name = "差".repeat(82) + ".xlsx";
		assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isEqualTo(251);
		Path copy = dir.resolve("out").resolve(name);

		assertThat(writer.write(original, issues(original), copy)).isTrue();

		assertThat(copy).isRegularFile();
		try (var files = Files.list(copy.getParent())) {
			assertThat(files.toList()).containsExactly(copy);
		}
	}

	@Test
	void textsFromASubmissionStayTextsInTheCopy() throws IOException {
		Path original = broken();
		List<String> hostile = List.of("=HYPERLINK(\"http://evil.example/\",\"クリック\")", "=cmd|' /C calc'!A0", "+1+1",
				"-2+3", "@SUM(A1:A2)");
		List<Issue> issues = new ArrayList<>();
		for (int i = 0; i < hostile.size(); i++) {
			issues.add(new Issue(Severity.ERROR, "x", "KPI", "F" + (i + 2), hostile.get(i)));
			// a sheet the workbook does not have, named like a formula, with a cell named like one
			issues.add(new Issue(Severity.WARNING, "x", hostile.get(i), hostile.get(i), hostile.get(i)));
		}
		Path copy = dir.resolve("out/=HYPERLINK(1).xlsx");

		assertThat(writer.write(original, issues, copy)).isTrue();

		try (Workbook wb = open(copy)) {
			Sheet summary = wb.getSheetAt(0);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).startsWith("「=HYPERLINK(1).xlsx」");
			assertAllText(summary);
			assertThat(row(summary, 4)).containsExactly("エラー", "KPI", "F2", hostile.get(0));
			assertThat(row(summary, 9)).containsExactly("警告", hostile.get(0), hostile.get(0), hostile.get(0));
			for (int i = 0; i < hostile.size(); i++) {
				assertThat(at(wb, "KPI!F" + (i + 2)).getCellComment().getString().getString())
					.isEqualTo("【エラー】" + hostile.get(i));
			}
		}
	}

	/** No cell of the sheet is a formula: every value is a text (or blank). */
	static void assertAllText(Sheet sheet) {
		for (Row row : sheet) {
			for (Cell cell : row) {
				assertThat(cell.getCellType()).as(cell.getAddress().formatAsString())
					.isIn(org.apache.poi.ss.usermodel.CellType.STRING, org.apache.poi.ss.usermodel.CellType.BLANK);
			}
		}
	}

	static Workbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return WorkbookFactory.create(in);
		}
	}

	static XSSFCell cell(XSSFWorkbook wb, String reference) {
		return (XSSFCell) at(wb, reference);
	}

	static Cell at(Workbook wb, String reference) {
		CellReference ref = new CellReference(reference);
		Sheet sheet = wb.getSheet(ref.getSheetName());
		Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
		return row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
	}

	static List<String> row(Sheet sheet, int r) {
		Row row = sheet.getRow(r);
		return java.util.stream.IntStream.range(0, 4)
			.mapToObj(c -> row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue())
			.toList();
	}

}
