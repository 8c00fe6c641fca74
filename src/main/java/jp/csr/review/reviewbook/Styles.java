package jp.csr.review.reviewbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook's styles, made once: Excel caps a workbook at 64,000 styles, so a style per cell would break a
 * large 検証結果 sheet.
 */
final class Styles {

	/** The Japanese Office default; LibreOffice substitutes a CJK font where it is missing. */
	static final String FONT = "游ゴシック";

	public static final short BODY_POINTS = 10;

	public static final short MARK_POINTS = 16;

	final CellStyle title;

	final CellStyle header;

	/** Table text: wrapped and top-aligned, as the published review prints it. */
	final CellStyle body;

	final CellStyle mark;

	final CellStyle legend;

	final CellStyle number;

	final CellStyle integer;

	final CellStyle percent;

	final CellStyle dateTime;

	final CellStyle date;

	Styles(Workbook workbook) {
		Font plain = font(workbook, BODY_POINTS, false);
		Font bold = font(workbook, BODY_POINTS, true);

		title = workbook.createCellStyle();
		title.setFont(font(workbook, (short) 14, true));
		title.setVerticalAlignment(VerticalAlignment.CENTER);

		header = bordered(workbook, bold);
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setVerticalAlignment(VerticalAlignment.CENTER);
		header.setWrapText(true);
		header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

		body = bordered(workbook, plain);
		body.setVerticalAlignment(VerticalAlignment.TOP);
		body.setWrapText(true);

		mark = bordered(workbook, font(workbook, MARK_POINTS, false));
		mark.setAlignment(HorizontalAlignment.CENTER);
		mark.setVerticalAlignment(VerticalAlignment.CENTER);

		legend = workbook.createCellStyle();
		legend.setFont(plain);

		number = numeric(workbook, plain, "General");
		integer = numeric(workbook, plain, "0");
		percent = numeric(workbook, plain, "0.0%");
		dateTime = numeric(workbook, plain, "yyyy/mm/dd hh:mm");
		date = numeric(workbook, plain, "yyyy/mm/dd");
	}

	private static Font font(Workbook workbook, short points, boolean bold) {
		Font font = workbook.createFont();
		font.setFontName(FONT);
		font.setFontHeightInPoints(points);
		font.setBold(bold);
		return font;
	}

	private static CellStyle bordered(Workbook workbook, Font font) {
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	private static CellStyle numeric(Workbook workbook, Font font, String format) {
		CellStyle style = bordered(workbook, font);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

}
