package jp.csr.review.workbook;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.CellRead.Kind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.csr.review.workbook.ReadBothWays.assertReadAlike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming reader reads every cell as POI's usermodel did before it ({@link Cells#read}): the same
 * {@link CellRead} for every cell of the bundled sample, the test fixtures, and workbooks holding what a
 * department's file can hold. What it cannot read so, it refuses, and the usermodel reads the file instead.
 */
class StreamedWorkbookTest {

	@TempDir
	Path dir;

	@Test
	void theBundledSampleAndPlanReadAlike() throws Exception {
		List<Path> files;
		try (Stream<Path> input = Files.list(Path.of("input"))) {
			files = new ArrayList<>(input.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList());
		}
		files.add(Path.of("config/plan.xlsx"));
		assertThat(files).hasSizeGreaterThanOrEqualTo(8);
		for (Path file : files) {
			assertThat(assertReadAlike(file)).as(file.toString()).hasSizeGreaterThan(50);
		}
	}

	@Test
	void everyDepartmentsFilledTemplateReadsAlike() throws Exception {
		for (String department : List.of("ISEC", "PRIV", "COMP", "RISK", "DEV", "AD", "BCP")) {
			Path file = dir.resolve(department + ".xlsx");
			SampleWorkbooks.saveAs(SampleWorkbooks.filled(department), file);
			assertReadAlike(file);
		}
	}

	@Test
	void cellsAsPoiWritesThemReadAlike() throws Exception {
		Path file = dir.resolve("poi.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			XSSFCellStyle percent = style(wb, "0.0%");
			XSSFCellStyle builtinPercent = style(wb, "0%");
			XSSFCellStyle date = style(wb, "yyyy/mm/dd");
			XSSFCellStyle era = style(wb, "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"");
			XSSFCellStyle count = style(wb, "#,##0\"件\"");
			Sheet sheet = wb.createSheet("KPI");
			// header in another order than the template's, one of them full-width
			String[] headers = { "実績", "備考", "ＫＰＩ　ＩＤ", "KPI", "単位" };
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			Row row = sheet.createRow(1);
			cell(row, 0, 0.989, percent);
			cell(row, 1, 0.32, builtinPercent);
			cell(row, 2, 45945, date);
			cell(row, 3, 45945.75, era);
			cell(row, 4, 12, count);
			row.createCell(5).setCellValue(LocalDate.of(2025, 10, 15));
			row.createCell(6).setCellValue("９８．９％");
			row.createCell(7).setCellValue("1件");
			row.createCell(8).setCellValue(true);
			row.createCell(9).setCellValue(Double.NaN);
			row.createCell(10).setCellValue(Double.POSITIVE_INFINITY);
			row.createCell(11).setCellErrorValue(FormulaError.NA.getCode());
			row.createCell(12).setCellValue("  ");
			row.createCell(13).setCellValue("改行\nあり\r\nCRLF");
			row.createCell(14).setCellValue("_x001B_[2J達成");
			row.createCell(15).setBlank();
			cell(row, 16, -1, date);
			XSSFRichTextString rich = new XSSFRichTextString("太字と普通");
			XSSFFont bold = wb.createFont();
			bold.setBold(true);
			rich.applyFont(0, 2, bold);
			row.createCell(17).setCellValue(rich);
			cell(row, 18, 1e-7, null);
			cell(row, 19, 123456789012345.0, null);
			Row formulas = sheet.createRow(2);
			calculated(formulas.createCell(0), "1/3", wb);
			calculated(formulas.createCell(1), "\"文字\"&\"列\"", wb);
			calculated(formulas.createCell(2), "1=1", wb);
			calculated(formulas.createCell(3), "1/0", wb);
			formulas.createCell(4).setCellFormula("2*3");
			Cell percentFormula = formulas.createCell(5);
			percentFormula.setCellStyle(percent);
			calculated(percentFormula, "0.5", wb);
			calculated(formulas.createCell(6), "DATE(2025,10,15)", wb);
			formulas.getCell(6).setCellStyle(date);
			sheet.createRow(7).createCell(3).setCellValue("離れた行");
			wb.createSheet("隠し").createRow(0).createCell(0).setCellValue("非表示");
			wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
			wb.createSheet("とても隠し").createRow(4).createCell(2).setCellValue(5);
			wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
			wb.createSheet("ＫＰＩ").createRow(0).createCell(0).setCellValue("KPI ID");
			wb.createSheet("空");
			try (OutputStream out = Files.newOutputStream(file)) {
				wb.write(out);
			}
		}

		Map<String, Object> read = assertReadAlike(file);

		assertThat(read).containsEntry("1 KPI!A2", new CellRead("KPI", "A2", "0.989", new BigDecimal("0.989"), true, null))
			.containsEntry("1 KPI!C2", new CellRead("KPI", "C2", "45945", new BigDecimal("45945"), false,
					LocalDateTime.of(2025, 10, 15, 0, 0)))
			// POI writes NaN as #NUM!; a NaN as other programs write it is in the raw cases
			.containsEntry("1 KPI!J2", CellRead.unusable("KPI", "J2", "#NUM!", Kind.ERROR_VALUE))
			.containsEntry("1 KPI!O2", new CellRead("KPI", "O2", "\u001B[2J達成", null, false, null))
			.containsEntry("1 KPI!R2", new CellRead("KPI", "R2", "太字と普通", null, false, null))
			.containsEntry("1 KPI!E3", CellRead.withoutResult("KPI", "E3"))
			.containsEntry("1 KPI!D3", CellRead.unusable("KPI", "D3", "#DIV/0!", Kind.ERROR_VALUE))
			.containsEntry("2 隠し", "hidden")
			.containsEntry("3 とても隠し", "hidden")
			.containsEntry("4 ＫＰＩ", "visible");
		assertThat(read.get("1 KPI!F3")).extracting("percentFormat").isEqualTo(true);
	}

	@Test
	void cellsAsExcelLibreOfficeAndScriptsWriteThemReadAlike() throws Exception {
		Path file = cases().write(dir.resolve("raw.xlsx"));

		Map<String, Object> read = assertReadAlike(file);

		assertThat(read).containsEntry("1 種類!B2", new CellRead("種類", "B2", "0.989", new BigDecimal("0.989"), true, null))
			.containsEntry("1 種類!B12", CellRead.unusable("種類", "B12", "NaN", Kind.BAD_NUMBER))
			.containsEntry("1 種類!C30", new CellRead("種類", "C30", "4", new BigDecimal("4"), false, null))
			.containsEntry("1 種類!C32", CellRead.withoutResult("種類", "C32"))
			.containsEntry("1 種類!D37", CellRead.withoutResult("種類", "D37"))
			.containsEntry("1 種類!D41", new CellRead("種類", "D41", "漢字", null, false, null))
			.containsEntry("1 種類!G60", new CellRead("種類", "G60", "0.5", new BigDecimal("0.5"), true, null))
			.containsEntry("2 ＫＰＩ", "hidden");
		assertThat(read).doesNotContainKey("1 種類!E40");
		assertThat(read.values()).filteredOn(CellRead.class::isInstance).hasSizeGreaterThan(80);
	}

	@Test
	void datesFrom1904AndAFormatIndexTheWorkbookRedefinesReadAlike() throws Exception {
		Path file = new RawXlsx().date1904()
			.styles("<numFmts count=\"1\"><numFmt numFmtId=\"14\" formatCode=\"0.0%\"/></numFmts>" + FONTS_FILLS_BORDERS
					+ "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"15\"/></cellXfs>")
			.sheet("表紙", "<sheetData><row r=\"1\"><c r=\"B1\" s=\"1\"><v>0.5</v></c><c r=\"C1\" s=\"2\"><v>44000</v></c>"
					+ "<c r=\"D1\" s=\"2\"><v>-3</v></c></row></sheetData>")
			.write(dir.resolve("1904.xlsx"));

		Map<String, Object> read = assertReadAlike(file);

		assertThat(read).containsEntry("1 表紙!B1", new CellRead("表紙", "B1", "0.5", new BigDecimal("0.5"), true, null));
		assertThat(read.get("1 表紙!C1")).extracting("date").isEqualTo(LocalDateTime.of(2024, 6, 19, 0, 0));
	}

	@Test
	void stylesAsOddProgramsWriteThemReadAlike() throws Exception {
		String cells = "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>0.5</v></c><c r=\"B1\" s=\"2\"><v>0.5</v></c>"
				+ "<c r=\"C1\" s=\"3\"><v>45000</v></c><c r=\"D1\" s=\"4\"><v>0.5</v></c><c r=\"E1\" s=\"0\"><v>1</v></c>"
				+ "<c r=\"F1\" s=\"7\"><v>0.5</v></c></row></sheetData>";
		// an id defined twice (the later wins), a format without code, an id past a short, an xf without numFmtId
		Path odd = new RawXlsx().styles("<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/mm/dd\"/>"
				+ "<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\"/>"
				+ "<numFmt numFmtId=\"70000\" formatCode=\"0%\"/></numFmts>" + FONTS_FILLS_BORDERS
				+ "<cellXfs count=\"5\"><xf/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"70000\"/>"
				+ "<xf numFmtId=\"10\"/></cellXfs><cellXfs count=\"1\"><xf numFmtId=\"14\"/></cellXfs>")
			.sheet("KPI", cells)
			.write(dir.resolve("odd-styles.xlsx"));
		Path noCellStyles = new RawXlsx().styles(FONTS_FILLS_BORDERS).sheet("KPI", cells).write(dir.resolve("no-xfs.xlsx"));

		assertThat(assertReadAlike(odd)).containsEntry("1 KPI!A1",
				new CellRead("KPI", "A1", "0.5", new BigDecimal("0.5"), true, null));
		assertThat(assertReadAlike(noCellStyles)).hasSize(7);
	}

	@Test
	void aWorkbookWithoutStylesOrSharedStringsReadsAlike() throws Exception {
		Path file = new RawXlsx()
			.sheet("KPI", "<sheetData><row><c t=\"inlineStr\"><is><t>KPI ID</t></is></c><c><v>1.5</v></c>"
					+ "<c t=\"s\"><v>0</v></c><c s=\"3\"><v>2</v></c></row></sheetData>")
			.write(dir.resolve("bare.xlsx"));

		Map<String, Object> read = assertReadAlike(file);

		// a shared string without the shared strings is empty to the usermodel, and so not kept
		assertThat(read).containsEntry("1 KPI!B1", new CellRead("KPI", "B1", "1.5", new BigDecimal("1.5"), false, null))
			.doesNotContainKey("1 KPI!C1")
			.hasSize(4);
	}

	@Test
	void fortyThousandCharactersAndAThousandRowsReadAlike() throws Exception {
		StringBuilder text = new StringBuilder();
		Random random = new Random(40_000);
		while (text.length() < 40_000) {
			text.append((char) (0x4E00 + random.nextInt(2_000)));
		}
		StringBuilder rows = new StringBuilder("<sheetData>");
		for (int r = 1; r <= 1_000; r++) {
			rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>").append(r % 2)
				.append("</v></c><c r=\"B").append(r).append("\"><v>").append(r * 0.1).append("</v></c></row>");
		}
		Path file = new RawXlsx().sharedString("<si><t>" + text + "</t></si>").sharedString("<si><t>短い</t></si>")
			.sheet("ハイライト", rows + "</sheetData>")
			.write(dir.resolve("long.xlsx"));

		Map<String, Object> read = assertReadAlike(file);

		assertThat(read.get("1 ハイライト!A2")).extracting("text").asString().hasSize(40_000);
		assertThat(read).hasSize(2_001);
	}

	@Test
	void inlineStringsAsSxssfWritesThemReadAlike() throws Exception {
		Path file = dir.resolve("sxssf.xlsx");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(10); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.createSheet("KPI");
			for (int r = 0; r < 50; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("行" + r);
				row.createCell(3).setCellValue(r / 7.0);
			}
			wb.write(out);
			wb.dispose();
		}

		assertThat(assertReadAlike(file)).hasSize(101);
	}

	@Test
	void elementsNestedThousandsDeepAreSkippedAsTheUsermodelIgnoresThem() throws Exception {
		// names varied, or the sheet would compress like a zip bomb
		Random random = new Random(20_000);
		StringBuilder open = new StringBuilder();
		StringBuilder close = new StringBuilder();
		for (int depth = 0; depth < 20_000; depth++) {
			String name = "x:e" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
			open.append('<').append(name).append(depth == 0 ? " xmlns:x=\"urn:deep\">" : ">");
			close.insert(0, "</" + name + ">");
		}
		String deep = open.toString() + close;
		Path file = sheet("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>" + deep + "</c></row></sheetData><extLst>" + deep
				+ "</extLst>").write(dir.resolve("deep.xlsx"));

		assertThat(assertReadAlike(file)).hasSize(2);
		// as a batch thread's stack holds it (the test runs on main's larger one)
		Object[] read = new Object[1];
		Thread small = new Thread(null, () -> {
			try {
				read[0] = StreamedWorkbook.read(file).sheets().size();
			}
			catch (Throwable ex) {
				read[0] = ex;
			}
		}, "small-stack", 256 * 1024);
		small.start();
		small.join();
		assertThat(read[0]).isEqualTo(1);
	}

	/** The plan of a large group holds more rows than a submission may: it is read whole, and alike. */
	@Test
	void aWorkbookOverTheLimitsIsReadWholeWhenAskedTo() throws Exception {
		Path file = dir.resolve("plan.xlsx");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.createSheet("KPI");
			for (int r = 0; r <= WorkbookLimits.MAX_ROWS; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("K" + r);
				row.createCell(2).setCellValue(r);
			}
			wb.write(out);
			wb.dispose();
		}
		Path xls = dir.resolve("plan.xls");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			wb.createSheet("概要").createRow(3).createCell(1).setCellValue(0.5);
			try (OutputStream out = Files.newOutputStream(xls)) {
				SampleWorkbooks.toXls(wb).write(out);
			}
		}

		assertThat(StreamedWorkbook.read(file).excess()).contains(new WorkbookLimits.Excess("KPI", "行", WorkbookLimits.MAX_ROWS));
		assertThat(StreamedWorkbook.readWhole(file).get(0).rows()).hasSize(WorkbookLimits.MAX_ROWS + 1);
		assertThat(ReadBothWays.describe(WorkbookOpener.streaming().whole(file))).containsExactlyEntriesOf(ReadBothWays.opened(file));
		// what is no OOXML workbook is opened with the usermodel
		assertThat(ReadBothWays.describe(WorkbookOpener.streaming().whole(xls))).containsExactlyEntriesOf(ReadBothWays.opened(xls)).hasSize(2);
	}

	/** What only the usermodel knows how to answer is left to it: the validator then opens the file with it. */
	@Test
	void whatTheStreamCannotReadAsTheUsermodelWouldIsRefused() {
		String rows = "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>%s</sheetData>";
		Path doctype = RawXlsx.change(sheet(rows.formatted("")).write(dir.resolve("plain.xlsx")), "xl/worksheets/sheet1.xml",
				xml -> xml.replace("<worksheet ", "<!DOCTYPE worksheet [<!ENTITY a \"b\">]><worksheet "), dir.resolve("doctype.xlsx"));
		assertThatThrownBy(() -> StreamedWorkbook.read(doctype)).as("a DOCTYPE").isNotNull();
		Map<String, RawXlsx> refused = Map.of(
				"an ISO date cell (t=\"d\"), which the usermodel fails to read",
				sheet(rows.formatted("<row r=\"2\"><c r=\"A2\" t=\"d\"><v>2025-10-15</v></c></row>")),
				"rows out of order", sheet(rows.formatted("<row r=\"3\"/><row r=\"2\"/>")),
				"an array formula's range before its cell",
				sheet(rows.formatted("<row r=\"2\"><c r=\"B2\"><f t=\"array\" ref=\"A1:B2\">1</f><v>1</v></c></row>")),
				"overlapping column styles",
				sheet("<cols><col min=\"1\" max=\"3\" style=\"1\"/><col min=\"2\" max=\"2\" style=\"0\"/></cols>"
						+ rows.formatted("")),
				"a run's font named by index, which the usermodel looks up when the text is read",
				new RawXlsx().sharedString("<si><r><rPr><rFont val=\"#1\"/></rPr><t>a</t></r></si>")
					.sheet("KPI", rows.formatted("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>")),
				"a sheet without sheetData", sheet("<dimension ref=\"A1\"/>"),
				"a style index past Java's int", sheet(rows.formatted("<row r=\"2\"><c r=\"A2\" s=\"4294967295\"><v>1</v></c></row>")));
		refused.forEach((what, workbook) -> {
			Path file = workbook.write(dir.resolve("refused.xlsx"));
			assertThatThrownBy(() -> StreamedWorkbook.read(file)).as(what).isNotNull();
		});
		assertThat(refused).hasSize(7);
	}

	/**
	 * The package is opened without POI's OPCPackage, but what POI refuses on opening a package is left to it
	 * (which then refuses it as before), never read by the stream.
	 */
	@Test
	void whatPoiRefusesOnOpeningThePackageIsLeftToIt() throws Exception {
		Path plain = sheet("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>")
			.write(dir.resolve("plain.xlsx"));
		assertReadAlike(plain);
		String core = "<Relationship Id=\"rIdCore%d\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
				+ "metadata/core-properties\" Target=\"docProps/core%d.xml\"/>";
		Map<String, Path> refused = Map.of(
				"a part without a content type (OPC M1.14)",
				RawXlsx.change(plain, "[Content_Types].xml",
						xml -> xml.replace("<Default Extension=\"xml\" ContentType=\"application/xml\"/>", "")
							.replaceFirst("<Override PartName=\"/xl/worksheets/sheet1.xml\"[^>]*/>", ""),
						dir.resolve("untyped.xlsx")),
				"two core properties relationships (OPC M4.1)",
				RawXlsx.change(plain, "_rels/.rels",
						xml -> xml.replace("</Relationships>", core.formatted(1, 1) + core.formatted(2, 2) + "</Relationships>"),
						dir.resolve("two-cores.xlsx")),
				"relationships that are not well-formed",
				RawXlsx.change(plain, "xl/_rels/workbook.xml.rels", xml -> xml.replace("</Relationships>", ""),
						dir.resolve("broken-relationships.xlsx")));
		refused.forEach((what, file) -> {
			assertThatThrownBy(() -> StreamedWorkbook.read(file)).as(what).isNotNull();
			assertThatThrownBy(() -> WorkbookFactory.create(file.toFile(), null, true).close()).as(what).isNotNull();
		});
	}

	@Test
	void aCellTheUsermodelCannotReadFailsOnlyWhenItIsRead() throws Exception {
		Path file = sheet("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\" t=\"d\"><v>2025-10-15</v></c></row>"
				+ "</sheetData>").write(dir.resolve("d.xlsx"));

		Map<String, Object> opened = ReadBothWays.opened(file);

		assertThat(opened.get("1 KPI!A1")).isInstanceOf(CellRead.class);
		assertThat(opened.get("1 KPI!B1")).asString().startsWith("throws ");
	}

	/** A workbook whose one sheet, KPI, holds this XML, with the case styles. */
	private static RawXlsx sheet(String body) {
		return new RawXlsx().styles(STYLES).sheet("KPI", body);
	}

	private static final String FONTS_FILLS_BORDERS = "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"游ゴシック\"/></font></fonts>"
			+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
			+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>";

	/**
	 * Cell styles by index: 0 General, 1 0.00% (built in), 2 a date (built in), 3 yyyy/mm/dd, 4 0% (built in),
	 * 5 {@code 0.0"%"}, 6 a Japanese era date, 7 a time, 8 date and time (built in), 9 {@code #,##0"件"}, 10 text.
	 */
	private static final String STYLES = "<numFmts count=\"5\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/mm/dd\"/>"
			+ "<numFmt numFmtId=\"165\" formatCode=\"0.0&quot;%&quot;\"/>"
			+ "<numFmt numFmtId=\"166\" formatCode=\"[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
			+ "<numFmt numFmtId=\"167\" formatCode=\"h:mm:ss\"/><numFmt numFmtId=\"168\" formatCode=\"#,##0&quot;件&quot;\"/></numFmts>"
			+ FONTS_FILLS_BORDERS + "<cellXfs count=\"11\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"14\"/>"
			+ "<xf numFmtId=\"164\"/><xf numFmtId=\"9\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
			+ "<xf numFmtId=\"22\"/><xf numFmtId=\"168\"/><xf numFmtId=\"49\"/></cellXfs>";

	/** One row per case, the value in column B unless the case needs more. */
	private static RawXlsx cases() {
		List<String> rows = new ArrayList<>();
		rows.add("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>実績</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>ＫＰＩ　ＩＤ</t></is></c>"
				+ "<c r=\"C1\" t=\"s\"><v>8</v></c></row>");
		// numbers and their formats
		String[] numbers = { "s=\"1\"><v>0.989", "s=\"4\"><v>1", "s=\"5\"><v>98.9", "s=\"2\"><v>45945", "s=\"3\"><v>45945.5",
				"s=\"6\"><v>45945", "s=\"7\"><v>0.25", "s=\"8\"><v>-1", "s=\"9\"><v>12", "s=\"10\"><v>3", "><v>NaN",
				"><v>Infinity", "><v>-Infinity", "><v>abc", "><v>", "><v> 5 ", "><v>1e3", "><v>0x1p3", "><v>1d", "><v>-0",
				"><v>1.0000000000000002", "><v>123456789012345678901234567890", "><v>4.9E-324", "s=\"99\"><v>0.5",
				"s=\"2\"><v>2958466" };
		for (int i = 0; i < numbers.length; i++) {
			int r = i + 2;
			rows.add("<row r=\"" + r + "\"><c r=\"B" + r + "\" " + numbers[i] + "</v></c></row>");
		}
		// formulas with and without a cached value, shared formulas, the cached value of each type
		rows.add("<row r=\"30\"><c r=\"C30\"><f t=\"shared\" ref=\"C30:C32\" si=\"0\">A30*2</f><v>4</v></c>"
				+ "<c r=\"D30\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c><c r=\"E30\" t=\"b\"><f>1=1</f><v>1</v></c>"
				+ "<c r=\"F30\" t=\"e\"><f>NA()</f><v>#N/A</v></c><c r=\"G30\" t=\"s\"><f>A1</f><v>1</v></c>"
				+ "<c r=\"H30\" t=\"inlineStr\"><f>A1</f><is><t>インライン</t></is><v>キャッシュ</v></c>"
				+ "<c r=\"I30\" t=\"inlineStr\"><f>A1</f><is><t>結果なし</t></is></c><c r=\"J30\"><f>1</f><v></v></c>"
				+ "<c r=\"K30\" s=\"1\"><f>0.5</f><v>0.5</v></c><c r=\"L30\" t=\"str\"><f>A1</f></c></row>");
		rows.add("<row r=\"31\"><c r=\"C31\"><f t=\"shared\" si=\"0\"/><v>6</v></c></row>");
		rows.add("<row r=\"32\"><c r=\"C32\"><f t=\"shared\" si=\"0\"/></c></row>");
		// an array formula: every cell of its range is a formula cell to the usermodel
		rows.add("<row r=\"35\"><c r=\"D35\"><f t=\"array\" ref=\"D35:E37\">A1:A3*2</f><v>1</v></c><c r=\"E35\" t=\"s\"><v>0</v></c></row>");
		rows.add("<row r=\"36\"><c r=\"D36\"><v>2</v></c><c r=\"E36\" t=\"inlineStr\"><is><t>配列</t></is></c></row>");
		rows.add("<row r=\"37\"><c r=\"D37\"/><c r=\"E37\" t=\"str\"><v>x</v></c><c r=\"F37\"/></row>");
		// a data table is no formula to the usermodel
		rows.add("<row r=\"40\"><c r=\"E40\"><f t=\"dataTable\" ref=\"E40:E41\" dt2D=\"0\" dtr=\"0\" r1=\"A1\"/></c>"
				+ "<c r=\"F40\"><f t=\"dataTable\" ref=\"F40\" dt2D=\"0\" dtr=\"0\" r1=\"A1\"/><v>7</v></c></row>");
		// shared strings: plain, rich, with furigana, empty, spaces, escapes, text and runs, a run without text
		StringBuilder strings = new StringBuilder("<row r=\"41\">");
		for (int s = 0; s < 11; s++) {
			strings.append("<c r=\"").append(Cells.address(40, s + 1).replaceAll("\\d", "")).append("41\" t=\"s\"><v>").append(s)
				.append("</v></c>");
		}
		rows.add(strings + "<c r=\"M41\" t=\"s\"><v>abc</v></c><c r=\"N41\" t=\"s\"><v>999</v></c><c r=\"O41\" t=\"s\"/></row>");
		// inline strings, booleans and errors with and without values
		rows.add("<row r=\"42\"><c r=\"A42\" t=\"inlineStr\"><is><r><t>リッチ</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 文字 </t></r>"
				+ "</is></c><c r=\"B42\" t=\"inlineStr\"><is><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh></is></c>"
				+ "<c r=\"C42\" t=\"inlineStr\"><v>値だけ</v></c><c r=\"D42\" t=\"inlineStr\"/><c r=\"E42\" t=\"str\"><v>_x0041_b_x005F_x0041_</v></c>"
				+ "<c r=\"F42\" t=\"str\"/><c r=\"G42\" t=\"b\"><v>0</v></c><c r=\"H42\" t=\"b\"><v>true</v></c><c r=\"I42\" t=\"b\"/>"
				+ "<c r=\"J42\" t=\"e\"><v>#SPILL!</v></c><c r=\"K42\" t=\"e\"><v></v></c><c r=\"L42\" t=\"e\"/>"
				+ "<c r=\"M42\" t=\"inlineStr\"><is><t>ＫＰＩ　１２３</t></is></c><c r=\"N42\" t=\"inlineStr\"><is><t>a&#13;b\nc</t></is></c></row>");
		// cells and rows without numbers, a cell given twice
		rows.add("<row r=\"50\"><c r=\"C50\"><v>1</v></c><c><v>2</v></c><c t=\"inlineStr\"><is><t>次</t></is></c>"
				+ "<c r=\"F50\" t=\"inlineStr\"><is><t>最初</t></is></c><c r=\"F50\" t=\"inlineStr\"><is><t>二つ目</t></is></c>"
				+ "<c r=\"G50\"><v>1</v></c><c r=\"G50\"/></row>");
		rows.add("<row><c><v>51</v></c><c r=\"AB51\"><v>3</v></c></row>");
		rows.add("<row><c r=\"XFD52\" t=\"inlineStr\"><is><t>最後の列</t></is></c></row>");
		// column styles for cells without their own; a row's style
		rows.add("<row r=\"60\"><c r=\"G60\"><v>0.5</v></c><c r=\"H60\"><v>45000</v></c><c r=\"I60\" s=\"0\"><v>45000</v></c></row>");
		rows.add("<row r=\"61\"><c r=\"G61\" s=\"0\"><v>0.5</v></c><c r=\"G62\" s=\"99\"><v>0.5</v></c></row>");
		rows.add("<row r=\"70\" s=\"1\" customFormat=\"1\"><c r=\"B70\"><v>0.5</v></c></row>");
		String body = "<dimension ref=\"A1:XFD70\"/><cols><col min=\"7\" max=\"7\" style=\"1\"/><col min=\"8\" max=\"9\" style=\"2\"/>"
				+ "</cols><sheetData>" + String.join("", rows) + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:A2\"/></mergeCells>";
		return new RawXlsx().styles(STYLES)
			.sharedString("<si><t>共有</t></si>")
			.sharedString("<si><r><t>リッチ</t></r><r><rPr><b/><sz val=\"11\"/><rFont val=\"Meiryo\"/></rPr><t>テキスト</t></r></si>")
			.sharedString("<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh><phoneticPr fontId=\"1\"/></si>")
			.sharedString("<si/>")
			.sharedString("<si><t xml:space=\"preserve\">  前後の空白  </t></si>")
			.sharedString("<si><t>_x001B_[2J達成</t></si>")
			.sharedString("<si><t>a</t><r><t>b</t></r></si>")
			.sharedString("<si><r><t>x</t></r><r><rPr/></r></si>")
			.sharedString("<si><t>KPI ID</t></si>")
			.sharedString("<si><t>ｶﾀｶﾅ①</t></si>")
			.sharedString("<si><t/></si>")
			.sheet("種類", body)
			.sheet("ＫＰＩ", "hidden", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>8</v></c></row></sheetData>")
			.sheet("KPI", "<sheetData/>");
	}

	private static XSSFCellStyle style(XSSFWorkbook wb, String format) {
		XSSFCellStyle style = wb.createCellStyle();
		style.setDataFormat(wb.createDataFormat().getFormat(format));
		return style;
	}

	private static void cell(Row row, int column, double value, XSSFCellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void calculated(Cell cell, String formula, XSSFWorkbook wb) {
		cell.setCellFormula(formula);
		wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
	}

}
