package jp.csr.review.workbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell as read from a workbook: where it is, its text, and its number when the cell (or a
 * formula's cached value) is numeric.
 *
 * @param sheet sheet name as in the workbook
 * @param address A1-style address, e.g. {@code F7}
 * @param text the string as typed, or the number/boolean rendered as text; never null
 * @param number the numeric value of a number cell or of a formula's cached number, else null
 * @param percentFormat the cell's number format shows a percentage (0.989 displayed as 98.9%)
 * @param date the date of a date-formatted number cell, else null
 */
public record CellRead(String sheet, String address, String text, BigDecimal number, boolean percentFormat,
		LocalDateTime date) {

	public static CellRead empty(String sheet, String address) {
		return new CellRead(sheet, address, "", null, false, null);
	}

	public boolean isBlank() {
		return number == null && Text.isBlank(text);
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
