package jp.csr.review.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Kpi;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.validation.Submission.KpiEntry;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Numbers;
import jp.csr.review.workbook.ReadBothWays;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §4 v3: a number is what Excel shows for it, at most 15 significant digits, whatever the format and the
 * reader; the decimals the department typed are kept. The corpus files are real: a percent typed as 98.4 % saved by
 * LibreOffice as {@code .xls} (its cell holds 0.9840000000000001), the same as an {@code .xlsx} whose cell holds
 * Excel's 17 digits, and a formula in a {@code 0.0%} cell whose cached result is 0.98431372549019602.
 */
class NumbersAsExcelShowsThemTest {

	private static final Path CORPUS = Path.of("src/test/resources/corpus-numbers");

	private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_UP);

	@TempDir
	Path dir;

	private final MarkRule marks = new MarkRule(ReviewProperties.DEFAULT_MARKS);

	private final SubmissionValidator streamed = new SubmissionValidator(SampleWorkbooks.plan(), marks,
			SubmissionValidatorTest.TOKYO);

	private final SubmissionValidator usermodel = new SubmissionValidator(SampleWorkbooks.plan(), marks,
			SubmissionValidatorTest.TOKYO, WorkbookOpener.usermodelOnly(WorkbookOpener.READ_ONLY));

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "53期_COMP_typed-98.4-percent-saved-by-libreoffice.xls",
			"53期_COMP_typed-98.4-percent-17-digits.xlsx", "53期_COMP_formula-in-a-0.0-percent-cell.xlsx",
			"53期_COMP_formula-in-a-0.0-percent-cell-saved-by-libreoffice.xls" })
	void aPercentShownAs98Point4IsReviewedAs98Point4NeverWithNoise(String name) {
		for (SubmissionValidator validator : List.of(streamed, usermodel)) {
			Validation v = validator.validate(CORPUS.resolve(name), name, SubmissionValidatorTest.RECEIVED);
			assertThat(v.issues()).extracting(Issue::describe).isEmpty();
			KpiEntry k06 = v.submission().kpis().stream().filter(k -> k.kpiId().equals("K06")).findFirst().orElseThrow();
			// KPI達成状況 holds the value, 振り返り and the PDF print the line
			assertThat(k06.value()).isEqualTo("98.4");
			assertThat(k06.number()).isEqualByComparingTo("98.4");
			assertThat(resultLine(k06.value())).isEqualTo("相談・通報ホットラインの認知率 98.4%");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "53期_COMP_typed-98.4-percent-17-digits.xlsx",
			"53期_COMP_formula-in-a-0.0-percent-cell.xlsx" })
	void theStreamedAndTheUsermodelReaderReadTheCorpusAlike(String name) throws Exception {
		Map<String, Object> read = ReadBothWays.assertReadAlike(CORPUS.resolve(name));
		assertThat(((CellRead) read.get("2 KPI!F3")).number()).isEqualByComparingTo("0.984");
	}

	@Test
	void aLineStoredWithNoiseBeforeIsPrintedWithFifteenDigitsAtMost() {
		assertThat(Numbers.grouped("98.40000000000001")).isEqualTo("98.4");
		assertThat(Numbers.grouped("98.50")).isEqualTo("98.50");
		assertThat(Numbers.grouped("11800.000")).isEqualTo("11,800.000");
	}

	/**
	 * Random numbers typed with 1 to 15 significant digits, and random doubles of any bits, in plain and percent
	 * cells of an {@code .xlsx} (streamed and usermodel) and an {@code .xls}: every number read has at most 15
	 * significant digits, a typed one is read as typed, and the 実績 line prints it as typed.
	 */
	@Test
	void anyNumberReadHasAtMostFifteenDigitsAndKeepsTheDigitsTyped() throws Exception {
		Random random = new Random(18_4);
		List<BigDecimal> typed = new ArrayList<>();
		List<Double> noise = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			typed.add(typedNumber(random));
			double any;
			do {
				any = Double.longBitsToDouble(random.nextLong());
			}
			while (!Double.isFinite(any));
			noise.add(any);
		}
		Path xlsx = dir.resolve("numbers.xlsx");
		Path xls = dir.resolve("numbers.xls");
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			fill(wb, typed, noise);
			SampleWorkbooks.saveAs(wb, xlsx);
			try (HSSFWorkbook old = SampleWorkbooks.toXls(wb)) {
				try (var out = Files.newOutputStream(xls)) {
					old.write(out);
				}
			}
		}
		Map<String, Object> xlsxRead = ReadBothWays.assertReadAlike(xlsx);
		Map<String, Object> xlsRead = ReadBothWays.opened(xls);
		for (Map<String, Object> read : List.of(xlsxRead, xlsRead)) {
			for (int i = 0; i < typed.size(); i++) {
				BigDecimal n = typed.get(i);
				CellRead plain = (CellRead) read.get("1 numbers!A" + (i + 1));
				CellRead percent = (CellRead) read.get("1 numbers!B" + (i + 1));
				CellRead any = (CellRead) read.get("1 numbers!C" + (i + 1));
				assertThat(plain.number()).as("typed %s", n.toPlainString()).isEqualByComparingTo(n);
				assertThat(Numbers.asTyped(plain, "t-CO2")).hasValue(Numbers.format(n));
				// a percentage typed as n %: the cell holds n / 100
				assertThat(Numbers.asTyped(percent, "%")).as("typed %s%%", n.toPlainString())
					.hasValue(Numbers.format(n.round(EXCEL)));
				assertThat(resultLine(Numbers.asTyped(percent, "%").orElseThrow())).isEqualTo("相談・通報ホットラインの認知率 " + Numbers.grouped(Numbers.format(n)) + "%");
				assertThat(significantDigits(any.number())).as("%s read as %s", noise.get(i), any.text()).isLessThanOrEqualTo(15);
				assertThat(significantDigits(Numbers.read(percentOf(any), "%").orElseThrow())).isLessThanOrEqualTo(15);
				assertThat(any.text()).isEqualTo(any.number().toPlainString());
			}
		}
	}

	/** The 実績 line of K06 as the judge step builds it ({@code 指標名 実績単位}, the number grouped). */
	private static String resultLine(String value) {
		Kpi kpi = SampleWorkbooks.plan().kpi("K06").orElseThrow();
		return kpi.indicator() + " " + Numbers.grouped(value) + kpi.unit();
	}

	/** 1 to 15 significant digits, at a decimal point anywhere from 10^-6 to 10^9, either sign. */
	private static BigDecimal typedNumber(Random random) {
		int digits = 1 + random.nextInt(15);
		long unscaled = (long) (random.nextDouble() * Math.pow(10, digits));
		BigDecimal n = BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled, random.nextInt(digits + 6));
		return clean(n);
	}

	private static void fill(Workbook wb, List<BigDecimal> typed, List<Double> noise) {
		Sheet sheet = wb.createSheet("numbers");
		var percent = wb.createCellStyle();
		percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
		for (int i = 0; i < typed.size(); i++) {
			Row row = sheet.createRow(i);
			row.createCell(0).setCellValue(typed.get(i).doubleValue());
			// as Excel and LibreOffice parse a typed percentage: the number divided by 100, noise and all
			row.createCell(1).setCellValue(typed.get(i).doubleValue() / 100);
			row.getCell(1).setCellStyle(percent);
			row.createCell(2).setCellValue(noise.get(i));
		}
	}

	private static CellRead percentOf(CellRead cell) {
		return new CellRead(cell.sheet(), cell.address(), cell.text(), cell.number(), true, null);
	}

	private static int significantDigits(BigDecimal n) {
		return n.signum() == 0 ? 1 : n.stripTrailingZeros().precision();
	}

	private static BigDecimal clean(BigDecimal n) {
		BigDecimal s = n.stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}

}
