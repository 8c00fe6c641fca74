package jp.csr.review.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PRODUCT.md §4: a number may be a number cell, a formula's cached number, or text with thousands
 * separators, full-width digits or the unit appended ({@code 1件}, {@code ９８．９％}). A
 * percent-formatted cell holding 0.989 is 98.9 when the unit is {@code %}.
 */
public final class Numbers {

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	/** A number's plain text as {@link #format} and {@link #asTyped} give it. */
	private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

	/** The significant digits Excel keeps of a number. */
	private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_UP);

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

	private Numbers() {
	}

	/**
	 * The cell's number in {@code unit}, or empty when it cannot be read as one: an error value, a bad
	 * number or a formula without a saved result is none, whatever its text.
	 */
	public static Optional<BigDecimal> read(CellRead cell, String unit) {
		if (cell.kind() != CellRead.Kind.VALUE) {
			return Optional.empty();
		}
		if (cell.number() != null) {
			BigDecimal n = cell.number();
			return Optional.of(cell.percentFormat() && "%".equals(unit) ? percent(n) : n);
		}
		return parse(cell.text(), unit);
	}

	/** Text after NFKC, with the unit (or a percent sign) after the digits and thousands separators allowed. */
	public static Optional<BigDecimal> parse(String raw, String unit) {
		return parseAsTyped(raw, unit).map(Numbers::clean);
	}

	/**
	 * PRODUCT.md §6: the number as the department gave it, for printing: {@link #read}'s number, with the decimals
	 * typed in a text cell kept ({@code 98.50%} is {@code 98.50}); no thousands separators (see {@link #grouped}). A
	 * number cell gives its value's own decimals: its number format is not read.
	 */
	public static Optional<String> asTyped(CellRead cell, String unit) {
		if (cell.kind() != CellRead.Kind.VALUE) {
			return Optional.empty();
		}
		if (cell.number() != null) {
			return read(cell, unit).map(Numbers::format);
		}
		return parseAsTyped(cell.text(), unit).map(BigDecimal::toPlainString);
	}

	/**
	 * A plain number's text with thousands separators in its whole part ({@code -11800.50} is {@code -11,800.50}),
	 * its decimals untouched, at most Excel's 15 significant digits (a value stored with a double's noise before
	 * numbers were read as Excel shows them prints as Excel shows it); any other text as it is.
	 */
	public static String grouped(String plain) {
		if (plain == null || !PLAIN.matcher(plain).matches()) {
			return plain;
		}
		BigDecimal n = new BigDecimal(plain);
		if (n.precision() > EXCEL.getPrecision()) {
			plain = format(n.round(EXCEL));
		}
		int start = plain.startsWith("-") ? 1 : 0;
		int dot = plain.indexOf('.');
		StringBuilder s = new StringBuilder(plain);
		for (int at = (dot < 0 ? plain.length() : dot) - 3; at > start; at -= 3) {
			s.insert(at, ',');
		}
		return s.toString();
	}

	/** The number of a text, its decimals as typed (98.50 keeps its scale of 2). */
	private static Optional<BigDecimal> parseAsTyped(String raw, String unit) {
		String s = Text.normalize(raw).replace(" ", "");
		if (unit != null && !unit.isEmpty()) {
			String u = Text.normalize(unit);
			if (!u.isEmpty() && s.endsWith(u)) {
				s = s.substring(0, s.length() - u.length());
			}
		}
		if (s.endsWith("%") && !"%".equals(unit)) {
			return Optional.empty();
		}
		if (s.endsWith("%")) {
			s = s.substring(0, s.length() - 1);
		}
		if (GROUPED.matcher(s).matches()) {
			s = s.replace(",", "");
		}
		if (!NUMBER.matcher(s).matches()) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(s));
	}

	/** Plain text of a number as people write it: no exponent, no trailing zeros. */
	public static String format(BigDecimal n) {
		return clean(n).toPlainString();
	}

	public static boolean isWholeNonNegative(BigDecimal n) {
		return n.signum() >= 0 && clean(n).scale() <= 0;
	}

	private static BigDecimal percent(BigDecimal fraction) {
		// a double like 0.989 must come back as 98.9, not 98.89999999999999
		return clean(fraction.movePointRight(2).round(MathContext.DECIMAL64));
	}

	private static BigDecimal clean(BigDecimal n) {
		BigDecimal s = n.stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}

}
