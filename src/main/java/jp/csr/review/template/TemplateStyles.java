package jp.csr.review.template;

import jp.csr.review.workbook.Colors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles one submission workbook shares between its sheets. Cells copied from the plan are locked;
 * input cells are unlocked and tinted yellow, which is what the cover tells departments to look for.
 */
final class TemplateStyles {

	final XSSFCellStyle header;

	final XSSFCellStyle label;

	final XSSFCellStyle fixed;

	final XSSFCellStyle fixedCentered;

	final XSSFCellStyle coverValue;

	final XSSFCellStyle note;

	final XSSFCellStyle input;

	final XSSFCellStyle inputCentered;

	final XSSFCellStyle inputDate;

	private final XSSFWorkbook workbook;

	TemplateStyles(XSSFWorkbook workbook) {
		this.workbook = workbook;
		XSSFFont bold = workbook.createFont();
		bold.setBold(true);
		XSSFFont grey = workbook.createFont();
		grey.setColor(Colors.opaque(0x59, 0x59, 0x59));
		header = bordered(true);
		header.setFont(bold);
		Colors.fill(header, 0xD9, 0xE1, 0xF2);
		label = bordered(true);
		label.setFont(bold);
		Colors.fill(label, 0xF2, 0xF2, 0xF2);
		fixed = bordered(true);
		fixedCentered = bordered(true);
		fixedCentered.setAlignment(HorizontalAlignment.CENTER);
		coverValue = bordered(true);
		coverValue.setAlignment(HorizontalAlignment.LEFT);
		note = workbook.createCellStyle();
		note.setWrapText(true);
		note.setVerticalAlignment(VerticalAlignment.TOP);
		note.setFont(grey);
		input = bordered(false);
		Colors.fill(input, 0xFF, 0xF2, 0xCC);
		inputCentered = workbook.createCellStyle();
		inputCentered.cloneStyleFrom(input);
		inputCentered.setAlignment(HorizontalAlignment.CENTER);
		inputDate = workbook.createCellStyle();
		inputDate.cloneStyleFrom(input);
		inputDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
		inputDate.setAlignment(HorizontalAlignment.LEFT);
	}

	private XSSFCellStyle bordered(boolean locked) {
		XSSFCellStyle style = workbook.createCellStyle();
		style.setLocked(locked);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

}
