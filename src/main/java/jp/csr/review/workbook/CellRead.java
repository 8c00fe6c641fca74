package jp.csr.review.workbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell as read from a workbook: where it is, its text, and its number when the cell (or a
 * formula's cached value) is numeric. Whatever reads a workbook (the streamed reader or POI's usermodel) says
 * here what the cell held, so that checks never depend on how it was read.
 *
 * @param sheet sheet name as in the workbook
 * @param address A1-style address, e.g. {@code F7}
 * @param text the string as typed, or the number/boolean rendered as text, or the error value
 *        ({@code #DIV/0!}) or the bad number ({@code NaN}) as held; never null
 * @param number the numeric value of a number cell or of a formula's cached number, else null; always finite
 * @param percentFormat the cell's number format shows a percentage (0.989 displayed as 98.9%)
 * @param date the date of a date-formatted number cell, else null
 * @param kind whether the cell held a value at all
 */
public record CellRead(String sheet, String address, String text, BigDecimal number, boolean percentFormat,
		LocalDateTime date, Kind kind) {

	/** What a cell held, beyond its text. */
	public enum Kind {

		/** A value, or nothing: {@code text} and {@code number} say which. */
		VALUE,

		/**
		 * A formula whose result was never saved ({@code <f>} without {@code <v>}, as POI, openpyxl and
		 * scripts write them): its value is unknown, and must never be taken as 0 or blank.
		 */
		FORMULA_WITHOUT_RESULT,

		/** An error value such as {@code #DIV/0!} or {@code #N/A}, typed or a formula's cached result. */
		ERROR_VALUE,

		/** A number cell holding no finite number ({@code NaN}, infinity, letters): {@code text} holds what it held. */
		BAD_NUMBER

	}

	/** A cell that held a value. */
	public CellRead(String sheet, String address, String text, BigDecimal number, boolean percentFormat,
			LocalDateTime date) {
		this(sheet, address, text, number, percentFormat, date, Kind.VALUE);
	}

	public static CellRead empty(String sheet, String address) {
		return new CellRead(sheet, address, "", null, false, null);
	}

	/** A formula cell without a saved result. */
	public static CellRead withoutResult(String sheet, String address) {
		return new CellRead(sheet, address, "", null, false, null, Kind.FORMULA_WITHOUT_RESULT);
	}

	/** An error value or a bad number, as text: read as a number or a word, it is neither. */
	public static CellRead unusable(String sheet, String address, String text, Kind kind) {
		return new CellRead(sheet, address, text, null, false, null, kind);
	}

	/** Empty: nothing typed. A formula without a result or an error value is not blank: it hides a value. */
	public boolean isBlank() {
		return kind == Kind.VALUE && number == null && Text.isBlank(text);
	}

	/** The text after PRODUCT.md §4 normalisation. */
	public String normalized() {
		return Text.normalize(text);
	}

	/** {@code 取り組み!C5}: how every message and every source names a cell. */
	public String reference() {
		return sheet + "!" + address;
	}

}
