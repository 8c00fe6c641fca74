package jp.csr.review.workbook;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §4: numbers as cells, as text with separators, full-width digits or the unit appended. */
class NumbersTest {

	@ParameterizedTest(name = "{0} in {1} is {2}")
	@CsvSource(delimiter = '|', value = {
			"1件|件|1",
			"１件|件|1",
			"98.9%|%|98.9",
			"９８．９％|%|98.9",
			"1,234|件|1234",
			"１，２３４人|人|1234",
			" 12 |回|12",
			"0|件|0",
			"-3|件|-3",
			"0.5|%|0.5",
			"1 件|件|1" })
	void readsTextAsPeopleTypeIt(String text, String unit, String expected) {
		assertThat(Numbers.parse(text, unit)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(expected));
	}

	/** PRODUCT.md §6: the review prints the decimals the department gave, and thousands separated. */
	@ParameterizedTest(name = "{0} in {1} is printed {2}")
	@CsvSource(delimiter = '|', value = {
			"11,800t-CO2|t-CO2|11,800",
			"１１，８００|t-CO2|11,800",
			"11800|t-CO2|11,800",
			"98.50%|%|98.50",
			"９８．５０％|%|98.50",
			"1234567.250|t|1,234,567.250",
			"-1200|件|-1,200",
			"+012|件|12",
			"999|件|999",
			".5|%|0.5" })
	void typedNumbersKeepTheirDecimalsAndAreGroupedForPrinting(String text, String unit, String printed) {
		CellRead cell = new CellRead("KPI", "F2", text, null, false, null);
		assertThat(Numbers.asTyped(cell, unit).map(Numbers::grouped)).hasValue(printed);
	}

	@Test
	void numberCellsPrintTheirOwnValueGrouped() {
		CellRead plain = new CellRead("KPI", "F2", "11800", new BigDecimal("11800"), false, null);
		assertThat(Numbers.asTyped(plain, "t-CO2").map(Numbers::grouped)).hasValue("11,800");
		CellRead percent = new CellRead("KPI", "F2", "0.985", new BigDecimal("0.985"), true, null);
		assertThat(Numbers.asTyped(percent, "%")).hasValue("98.5");
		assertThat(Numbers.asTyped(CellRead.unusable("KPI", "F2", "#N/A", CellRead.Kind.ERROR_VALUE), "%")).isEmpty();
		assertThat(Numbers.grouped("維持")).isEqualTo("維持");
	}

	@ParameterizedTest(name = "{0} in {1} is not a number")
	@CsvSource(delimiter = '|', value = { "abc|件", "1件|%", "98.9%|件", "1,23|件", "12a|回", "|件", "1.2.3|件" })
	void rejectsWhatIsNotANumber(String text, String unit) {
		assertThat(Numbers.parse(text, unit)).isEmpty();
	}

	@Test
	void percentFormattedCellIsHundredTimesItsValueWhenTheUnitIsPercent() {
		CellRead cell = new CellRead("KPI", "F2", "0.989", new BigDecimal("0.989"), true, null);
		assertThat(Numbers.read(cell, "%")).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("98.9"));
		assertThat(Numbers.read(cell, "件")).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("0.989"));
	}

	@Test
	void numberCellsAreTakenAsTheyAre() {
		CellRead cell = new CellRead("KPI", "F2", "98.4", new BigDecimal("98.4"), false, null);
		assertThat(Numbers.read(cell, "%")).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("98.4"));
	}

	@Test
	void wholeNonNegativeIsWhatCountsAccept() {
		assertThat(Numbers.isWholeNonNegative(new BigDecimal("2"))).isTrue();
		assertThat(Numbers.isWholeNonNegative(new BigDecimal("2.0"))).isTrue();
		assertThat(Numbers.isWholeNonNegative(new BigDecimal("0"))).isTrue();
		assertThat(Numbers.isWholeNonNegative(new BigDecimal("1.5"))).isFalse();
		assertThat(Numbers.isWholeNonNegative(new BigDecimal("-1"))).isFalse();
	}

	@Test
	void labelsAreComparedAfterNfkcTrimmingAndFoldedSpaces() {
		assertThat(Text.normalize("ＫＰＩ　ＩＤ")).isEqualTo("KPI ID");
		assertThat(Text.normalize("  実績\n 表記 ")).isEqualTo("実績 表記");
		assertThat(Text.normalize("９８．９％")).isEqualTo("98.9%");
		assertThat(Text.freeText("一行目  \r\n二行目\r\n")).isEqualTo("一行目\n二行目");
	}

}
