package jp.csr.review.workbook;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;

/** Turns a POI cell into a {@link CellRead}; formula cells give their cached value, never a recalculation. */
public final class Cells {

	private Cells() {
	}

	public static CellRead read(String sheet, int row, int column, Cell cell) {
		String address = new CellReference(row, column).formatAsString(false);
		if (cell == null) {
			return CellRead.empty(sheet, address);
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> new CellRead(sheet, address, cell.getRichStringCellValue().getString(), null, false, null);
			case NUMERIC -> numeric(sheet, address, cell);
			case BOOLEAN -> new CellRead(sheet, address, cell.getBooleanCellValue() ? "TRUE" : "FALSE", null, false, null);
			default -> CellRead.empty(sheet, address);
		};
	}

	private static CellRead numeric(String sheet, String address, Cell cell) {
		double value = cell.getNumericCellValue();
		BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
		if (number.scale() < 0) {
			number = number.setScale(0);
		}
		String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
		boolean percent = format != null && format.contains("%");
		boolean date = !percent && DateUtil.isCellDateFormatted(cell);
		return new CellRead(sheet, address, number.toPlainString(), number, percent,
				date ? cell.getLocalDateTimeCellValue() : null);
	}

}
