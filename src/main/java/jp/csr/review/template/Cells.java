package jp.csr.review.template;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Column widths, header rows, text cells and row heights, the same on every sheet of the workbook. */
final class Cells {

	private Cells() {
	}

	static void widths(XSSFSheet sheet, int... chars) {
		for (int c = 0; c < chars.length; c++) {
			sheet.setColumnWidth(c, chars[c] * 256);
		}
	}

	/** A frozen first row, repeated on every printed page. */
	static void headerRow(XSSFSheet sheet, List<String> labels, XSSFCellStyle style) {
		XSSFRow row = sheet.createRow(0);
		for (int c = 0; c < labels.size(); c++) {
			text(row, c, labels.get(c), style);
		}
		sheet.createFreezePane(0, 1);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
	}

	static void text(XSSFRow row, int c, String value, XSSFCellStyle style) {
		XSSFCell cell = row.createCell(c);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	/** Rows with wrapped text get a height that shows all of it (Excel does not fit them on open). */
	static void fitHeight(XSSFRow row, int[] widths, String... texts) {
		int lines = 1;
		for (int c = 0; c < texts.length && c < widths.length; c++) {
			lines = Math.max(lines, lines(texts[c], widths[c]));
		}
		heightFor(row, lines);
	}

	static void heightFor(XSSFRow row, int lines) {
		if (lines > 1) {
			row.setHeightInPoints(lines * 15f + 3f);
		}
	}

	/** Display lines of {@code text} in a wrapped column {@code width} characters wide (CJK counts double). */
	static int lines(String text, int width) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		int lines = 0;
		for (String line : text.split("\n", -1)) {
			int units = 0;
			for (int i = 0; i < line.length(); i++) {
				units += line.charAt(i) < 0x2E80 ? 1 : 2;
			}
			lines += Math.max(1, (int) Math.ceil(units / (double) Math.max(1, width - 1)));
		}
		return lines;
	}

}
