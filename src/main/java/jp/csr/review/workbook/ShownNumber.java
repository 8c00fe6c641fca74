package jp.csr.review.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * PRODUCT.md §4: a number is what Excel shows for it. A cell's double carries binary noise that Excel never
 * shows ({@code 0.9840000000000001} for a typed 98.4 %, saved so by LibreOffice): Excel keeps and shows at most
 * 15 significant digits, so that is what is read, whatever the reader. A formula's result is what its number
 * format shows: its long tail of digits ({@code 0.98431372549019602}) was computed, never typed, and the
 * department sees and means the {@code 98.4%} its cell displays. A typed number keeps all its digits, those a
 * format hides included: the department gave them.
 */
final class ShownNumber {

	/** Excel's precision: the digits it keeps of a number, and shows in the formula bar. */
	private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_UP);

	private ShownNumber() {
	}

	/** The number of a finite double as Excel shows it, no trailing zeros. */
	static BigDecimal of(double value, String format, boolean formula) {
		BigDecimal n = new BigDecimal(value).round(EXCEL);
		if (formula) {
			OptionalInt decimals = decimals(format);
			if (decimals.isPresent()) {
				// half away from zero, as Excel rounds what it displays
				n = n.setScale(decimals.getAsInt(), RoundingMode.HALF_UP);
			}
		}
		n = n.stripTrailingZeros();
		return n.scale() < 0 ? n.setScale(0) : n;
	}

	/**
	 * The decimals of the value a number format shows ({@code 0.0%} shows 3 of the value, {@code #,##0.00} 2); empty
	 * for a format that shows no fixed decimals (General, text, scientific, fractions, scaled by thousands).
	 */
	static OptionalInt decimals(String format) {
		if (format == null) {
			return OptionalInt.empty();
		}
		String section = firstSection(format);
		if (section.isBlank() || section.equalsIgnoreCase("General") || section.contains("@")) {
			return OptionalInt.empty();
		}
		int decimals = 0;
		int percents = 0;
		boolean digits = false;
		boolean afterDot = false;
		for (int i = 0; i < section.length(); i++) {
			char c = section.charAt(i);
			switch (c) {
				case '"' -> i = Math.max(section.indexOf('"', i + 1), i);
				case '\\', '_', '*' -> i++;
				case '[' -> i = Math.max(section.indexOf(']', i + 1), i);
				case '0', '#', '?' -> {
					digits = true;
					if (afterDot) {
						decimals++;
					}
				}
				case '.' -> afterDot = true;
				case '%' -> percents++;
				case 'E', 'e', '/' -> {
					return OptionalInt.empty();
				}
				case ',' -> {
					// a comma after the last digit scales by a thousand: the shown value is not the cell's
					if (!digitFollows(section, i)) {
						return OptionalInt.empty();
					}
				}
				default -> {
				}
			}
		}
		return digits ? OptionalInt.of(decimals + 2 * percents) : OptionalInt.empty();
	}

	private static boolean digitFollows(String section, int at) {
		for (int i = at + 1; i < section.length(); i++) {
			char c = section.charAt(i);
			if (c == '0' || c == '#' || c == '?') {
				return true;
			}
			if (c == '.') {
				return false;
			}
		}
		return false;
	}

	/** The section for positive numbers ({@code 0.0;[Red]-0.0} gives {@code 0.0}); a quoted ; is text. */
	private static String firstSection(String format) {
		boolean quoted = false;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\') {
				i++;
			}
			else if (c == ';' && !quoted) {
				return format.substring(0, i);
			}
		}
		return format;
	}

}
