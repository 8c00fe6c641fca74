package jp.csr.review.workbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

import jp.csr.review.workbook.CellRead.Kind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * Turns a POI cell into a {@link CellRead}; formula cells give their cached value, never a recalculation.
 * What POI would silently turn into 0 or blank (a formula without a saved result, an error value, a number
 * cell holding {@code NaN}) is said in {@link CellRead#kind()} instead.
 */
public final class Cells {

	private Cells() {
	}

	public static CellRead read(String sheet, int row, int column, Cell cell) {
		String address = address(row, column);
		if (cell == null) {
			return CellRead.empty(sheet, address);
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			// POI answers 0 for an XSSF formula without <v>: only the XML tells it was never calculated
			if (cell instanceof XSSFCell xssf && !xssf.getCTCell().isSetV()) {
				return CellRead.withoutResult(sheet, address);
			}
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			// an empty shared string (<si/>) is null to POI: text is never null
			case STRING -> new CellRead(sheet, address, Objects.toString(cell.getRichStringCellValue().getString(), ""),
					null, false, null);
			case NUMERIC -> numeric(sheet, address, cell);
			case BOOLEAN -> new CellRead(sheet, address, cell.getBooleanCellValue() ? "TRUE" : "FALSE", null, false, null);
			case ERROR -> CellRead.unusable(sheet, address, errorText(cell), Kind.ERROR_VALUE);
			default -> CellRead.empty(sheet, address);
		};
	}

	/** {@code F7}: the A1-style address of a 0-based row and column. */
	public static String address(int row, int column) {
		return new CellReference(row, column).formatAsString(false);
	}

	private static CellRead numeric(String sheet, String address, Cell cell) {
		double value;
		try {
			value = cell.getNumericCellValue();
		}
		catch (IllegalStateException ex) {
			// an XSSF number cell whose <v> is not a number at all
			return CellRead.unusable(sheet, address, raw(cell, ""), Kind.BAD_NUMBER);
		}
		if (!Double.isFinite(value)) {
			return CellRead.unusable(sheet, address, raw(cell, String.valueOf(value)), Kind.BAD_NUMBER);
		}
		String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
		boolean percent = isPercent(format);
		boolean date = !percent && DateUtil.isCellDateFormatted(cell);
		return number(sheet, address, value, percent, date ? cell.getLocalDateTimeCellValue() : null,
				cell.getCellType() == CellType.FORMULA ? format : null);
	}

	/** A number format that shows a percentage: 0.989 is displayed as 98.9%. */
	static boolean isPercent(String format) {
		return format != null && format.contains("%");
	}

	/**
	 * A finite number as read, however it was found: as Excel shows it ({@link ShownNumber}).
	 *
	 * @param formulaFormat the number format of a formula's cell, whose result is read as that format shows it; null
	 *        for a typed number
	 */
	static CellRead number(String sheet, String address, double value, boolean percent, LocalDateTime date,
			String formulaFormat) {
		BigDecimal number = ShownNumber.of(value, date == null ? formulaFormat : null, formulaFormat != null);
		return new CellRead(sheet, address, number.toPlainString(), number, percent, date);
	}

	/** {@code #DIV/0!} as Excel shows it. */
	private static String errorText(Cell cell) {
		if (cell instanceof XSSFCell xssf) {
			// the raw text: POI's byte code has no value for errors it does not know (#GETTING_DATA, #SPILL!)
			String held = xssf.getCTCell().getV();
			return held == null || held.isBlank() ? "#N/A" : held;
		}
		byte code = cell.getErrorCellValue();
		return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#N/A";
	}

	/** What an XSSF cell's {@code <v>} holds, for messages about a number that is none. */
	private static String raw(Cell cell, String otherwise) {
		if (cell instanceof XSSFCell xssf && xssf.getCTCell().isSetV()) {
			return xssf.getCTCell().getV();
		}
		return otherwise;
	}

}
