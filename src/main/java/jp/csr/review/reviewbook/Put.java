package jp.csr.review.reviewbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * The one way the review writes a cell. Text comes from submissions and is untrusted: a text like
 * {@code =HYPERLINK(...)} must stay text, and a text past Excel's cell limit must not make POI throw halfway
 * through the workbook.
 */
final class Put {

	static final int MAX_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	static final String CUT_MARK = "…(以下省略)";

	private Put() {
	}

	/**
	 * Always a STRING cell: setCellValue(String) never parses a leading {@code =}, so nothing becomes a
	 * formula. Null writes an empty cell that still carries the style (borders must print).
	 *
	 * <p>Cuts silently: only for the review's own short texts (headers, legend). A text from the plan or a
	 * submission goes through {@link Cuts#text}, which warns of a cut and names the text's source.
	 */
	static Cell text(Row row, int column, String text, CellStyle style) {
		Cell cell = row.createCell(column);
		if (style != null) {
			cell.setCellStyle(style);
		}
		if (text != null && !text.isEmpty()) {
			cell.setCellValue(fit(text));
		}
		return cell;
	}

	/** Cut to the limit, marked, without splitting a surrogate pair (an emoji must not become garbage). */
	static String fit(String text) {
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		int keep = MAX_LENGTH - CUT_MARK.length();
		if (Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + CUT_MARK;
	}

	/** A real number cell, so sums, filters and percent formats work; null leaves a styled blank. */
	static Cell number(Row row, int column, BigDecimal value, CellStyle style) {
		return number(row, column, value == null ? null : value.doubleValue(), style);
	}

	static Cell number(Row row, int column, Double value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
		return cell;
	}

	static Cell date(Row row, int column, LocalDateTime value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
		return cell;
	}

	static Cell date(Row row, int column, LocalDate value, CellStyle style) {
		return date(row, column, value == null ? null : value.atStartOfDay(), style);
	}

}
