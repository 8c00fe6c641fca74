package jp.csr.review.office;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
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
		fill(header, 0xD9, 0xE1, 0xF2);
		fixed = bordered(workbook, true);
		input = bordered(workbook, false);
		input.setWrapText(true);
		fill(input, 0xFF, 0xF2, 0xCC);
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

	private static void fill(XSSFCellStyle style, int r, int g, int b) {
		// ARGB, the only form the schema allows: strict readers paint a colour of six hex digits black or white
		style.setFillForegroundColor(new XSSFColor(new byte[] { (byte) 0xFF, (byte) r, (byte) g, (byte) b }));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

}
