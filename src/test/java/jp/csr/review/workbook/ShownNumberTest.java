package jp.csr.review.workbook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §4: a number as Excel shows it; a formula's result as its number format shows it. */
class ShownNumberTest {

	@ParameterizedTest(name = "{0} typed is {1}")
	@CsvSource(delimiter = '|', value = { "0.9840000000000001|0.984", "0.98400000000000010|0.984", "98.4|98.4",
			"12.345|12.345", "0.98431372549019602|0.984313725490196", "123456789012345678|123456789012346000",
			"1E-300|1E-300", "-0.30000000000000004|-0.3" })
	void aTypedNumberHasExcelsFifteenDigits(double value, String shown) {
		assertThat(ShownNumber.of(value, "0.0%", false)).isEqualByComparingTo(shown);
	}

	@ParameterizedTest(name = "{0} in {1} is {2}")
	@CsvSource(delimiter = '|', value = { "0.98431372549019602|0.0%|0.984", "0.98431372549019602|0%|0.98",
			"98.4313725490196|0.0|98.4", "1234.5678|#,##0.00|1234.57", "1234.5678|#,##0|1235",
			"0.98431372549019602|General|0.984313725490196", "1234.5678|0.00E+00|1234.5678",
			"1234.5678|#,##0,|1234.5678", "1234.5678|\"約\"0.0\"件\"|1234.6", "-2.345|0.00;[Red]-0.00|-2.35",
			"0.5|# ?/?|0.5", "1234.5678|@|1234.5678" })
	void aFormulasResultIsWhatItsFormatShows(double value, String format, String shown) {
		assertThat(ShownNumber.of(value, format, true).toPlainString()).isEqualTo(shown);
	}

}
