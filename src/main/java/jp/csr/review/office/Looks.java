package jp.csr.review.office;

import jp.csr.review.workbook.Colors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The decision workbook's styles: what the run wrote is locked, the office's input cells are unlocked and tinted
 * yellow, as in the departments' templates.
 */
final class Looks {

	final XSSFCellStyle header;

	final XSSFCellStyle fixed;

	final XSSFCellStyle input;

	Looks(XSSFWorkbook workbook) {
		XSSFFont bold = workbook.createFont();
		bold.setBold(true);
		header = bordered(workbook, true);
		header.setFont(bold);
		header.setWrapText(true);
		Colors.fill(header, 0xD9, 0xE1, 0xF2);
		fixed = bordered(workbook, true);
		input = bordered(workbook, false);
		input.setWrapText(true);
		Colors.fill(input, 0xFF, 0xF2, 0xCC);
	}

	private static XSSFCellStyle bordered(XSSFWorkbook workbook, boolean locked) {
		XSSFCellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setLocked(locked);
		return style;
	}

}
