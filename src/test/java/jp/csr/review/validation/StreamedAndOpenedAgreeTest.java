package jp.csr.review.validation;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.load.Checked;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.RawXlsx;
import jp.csr.review.workbook.StreamedWorkbook;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A submission checked from the streaming reader gets exactly the answer it got when POI's usermodel opened it:
 * the same issues, in the same order, at the same cells, and the same submission. Files the streaming reader
 * leaves to the usermodel (an {@code .xls}, an encrypted or broken file, a cell type it does not know) get the
 * usermodel's answer because the usermodel reads them.
 */
class StreamedAndOpenedAgreeTest {

	private static final Instant RECEIVED = Instant.parse("2025-10-20T01:00:00Z");

	@TempDir
	Path dir;

	private final MarkRule marks = new MarkRule(ReviewProperties.DEFAULT_MARKS);

	private final SubmissionValidator streamed = new SubmissionValidator(SampleWorkbooks.plan(), marks,
			SubmissionValidatorTest.TOKYO);

	private final SubmissionValidator opened = new SubmissionValidator(SampleWorkbooks.plan(), marks,
			SubmissionValidatorTest.TOKYO, WorkbookOpener.usermodelOnly(WorkbookOpener.READ_ONLY));

	@Test
	void theBundledSampleGetsTheSameAnswers() throws Exception {
		List<Path> files;
		try (Stream<Path> input = Files.list(Path.of("input"))) {
			files = input.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
		}
		assertThat(files).hasSize(7);
		files.forEach(this::assertStreamed);
		assertThat(files.stream().map(this::assertSameAnswer).filter(Validation::accepted)).hasSize(7);
	}

	@Test
	void departmentsMistakesGetTheSameAnswers() throws Exception {
		Map<String, Consumer<XSSFWorkbook>> changes = new LinkedHashMap<>();
		changes.put("as filled in", wb -> {
		});
		changes.put("a percent-formatted result", wb -> {
			XSSFCellStyle percent = wb.createCellStyle();
			percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
			cell(wb, "KPI!F2").setCellValue(0.989);
			cell(wb, "KPI!F2").setCellStyle(percent);
		});
		changes.put("full-width and unit-suffixed results", wb -> {
			cell(wb, "KPI!F2").setCellValue("１件");
			cell(wb, "KPI!F3").setCellValue("９８．９％");
		});
		changes.put("a formula without its result", wb -> {
			XSSFCell result = cell(wb, "KPI!F2");
			result.setBlank();
			result.setCellFormula("1+1");
		});
		changes.put("a calculated formula", wb -> {
			cell(wb, "KPI!F2").setCellFormula("0+1");
			wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell(wb, "KPI!F2"));
		});
		changes.put("error values", wb -> {
			cell(wb, "KPI!F2").setCellErrorValue(FormulaError.DIV0.getCode());
			cell(wb, "KPI!H3").setCellErrorValue(FormulaError.NA.getCode());
			cell(wb, "表紙!B5").setCellErrorValue(FormulaError.REF.getCode());
		});
		changes.put("a hidden sheet of the same name after NFKC", wb -> {
			Sheet copy = wb.cloneSheet(wb.getSheetIndex("KPI"));
			wb.setSheetName(wb.getSheetIndex(copy), "ＫＰＩ");
			wb.setSheetHidden(wb.getSheetIndex(copy), true);
		});
		changes.put("a column given twice", wb -> cell(wb, "KPI!I1").setCellValue("実績"));
		changes.put("columns in another order", wb -> SubmissionValidatorTest.swapColumns(wb.getSheet("KPI"), 0, 5));
		changes.put("a cover row given twice", wb -> {
			cell(wb, "表紙!A20").setCellValue("部署コード");
			cell(wb, "表紙!B20").setCellValue("ISEC");
		});
		changes.put("an unknown department", wb -> cell(wb, "表紙!B3").setCellValue("NOPE"));
		changes.put("a missing sheet", wb -> wb.removeSheetAt(wb.getSheetIndex("取り組み")));
		changes.put("a 40,000-character highlight", wb -> cell(wb, "ハイライト!B2").setCellValue("LONG"));
		changes.put("rows far below, blank rows between", wb -> cell(wb, "取り組み!A200").setCellValue("I99"));
		changes.put("words and notes", wb -> {
			cell(wb, "取り組み!C2").setCellValue("80%");
			cell(wb, "取り組み!D2").setCellValue("×");
			cell(wb, "KPI!H2").setCellValue("=HYPERLINK(\"http://evil.example/\")");
		});
		List<Validation> answers = new ArrayList<>();
		for (String department : List.of("ISEC", "RISK")) {
			int n = 0;
			for (Map.Entry<String, Consumer<XSSFWorkbook>> change : changes.entrySet()) {
				Path file = dir.resolve(department + "-" + (++n) + ".xlsx");
				try (XSSFWorkbook wb = SampleWorkbooks.filled(department)) {
					change.getValue().accept(wb);
					SampleWorkbooks.saveAs(wb, file);
				}
				if (change.getKey().startsWith("a 40,000")) {
					RawXlsx.change(file, "xl/sharedStrings.xml", xml -> xml.replace("LONG", kanji(40_000)), file);
				}
				assertStreamed(file);
				answers.add(assertSameAnswer(file));
			}
		}
		assertThat(answers).filteredOn(Validation::accepted).hasSizeGreaterThan(5);
		assertThat(answers).filteredOn(v -> !v.accepted()).hasSizeGreaterThan(10);
		assertThat(answers).flatExtracting(Validation::issues).hasSizeGreaterThan(25);
	}

	@Test
	void filesTheStreamLeavesToTheUsermodelGetItsAnswers() throws Exception {
		List<Path> files = new ArrayList<>();
		Path xls = dir.resolve("excel97.xls");
		try (XSSFWorkbook wb = SampleWorkbooks.filled("ISEC"); OutputStream out = Files.newOutputStream(xls)) {
			SampleWorkbooks.toXls(wb).write(out);
		}
		files.add(xls);
		Path good = dir.resolve("good.xlsx");
		SampleWorkbooks.saveAs(SampleWorkbooks.filled("ISEC"), good);
		byte[] bytes = Files.readAllBytes(good);
		files.add(Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2)));
		files.add(Files.write(dir.resolve("empty.xlsx"), new byte[0]));
		byte[] noise = new byte[4096];
		new Random(5).nextBytes(noise);
		files.add(Files.write(dir.resolve("noise.xlsx"), noise));
		files.add(dir.resolve("vanished.xlsx"));
		// a cell type the usermodel fails on when the check reads it, and a DOCTYPE it refuses
		files.add(RawXlsx.change(good, "xl/worksheets/sheet2.xml",
				xml -> xml.replaceFirst("<c r=\"F2\"[^>]*?(/>|>.*?</c>)", "<c r=\"F2\" t=\"d\"><v>2025-10-15</v></c>"),
				dir.resolve("date-type.xlsx")));
		files.add(RawXlsx.change(good, "xl/sharedStrings.xml", xml -> xml.replace("<sst ", "<!DOCTYPE sst [<!ENTITY a \"b\">]><sst "),
				dir.resolve("doctype.xlsx")));
		List<Validation> answers = files.stream().map(this::assertSameAnswer).toList();
		assertThat(answers.get(0).accepted()).as(".xls").isTrue();
		assertThat(answers.subList(1, answers.size())).noneMatch(Validation::accepted);
		assertThat(answers.get(5).issues()).anyMatch(i -> i.message().contains("予期しないエラー"));
	}

	/** Checked both ways, with the same answer: which is returned. */
	private Validation assertSameAnswer(Path file) {
		String name = file.getFileName().toString();
		Validation answer = streamed.validate(file, name, RECEIVED);
		assertThat(answer).as(name).isEqualTo(opened.validate(file, name, RECEIVED));
		return answer;
	}

	/** The streaming reader reads it itself rather than leaving it to the usermodel. */
	private void assertStreamed(Path file) {
		assertThatCode(() -> StreamedWorkbook.read(file)).as(file.getFileName().toString()).doesNotThrowAnyException();
	}

	private static XSSFCell cell(XSSFWorkbook wb, String reference) {
		return SubmissionValidatorTest.cell(wb, reference);
	}

	private static String kanji(int length) {
		StringBuilder text = new StringBuilder();
		Random random = new Random(length);
		while (text.length() < length) {
			text.append((char) (0x4E00 + random.nextInt(2_000)));
		}
		return text.toString();
	}

}
