package jp.csr.review.reviewbook;

import java.util.List;

import jp.csr.review.workbook.RowHeights;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/** The shape shared by the list sheets: a frozen header row on top, an autofilter over the rows below. */
final class Table {

	private Table() {
	}

	static void header(SXSSFSheet sheet, List<String> headers, int[] widths, Styles styles) {
		Row row = sheet.createRow(0);
		float height = 0;
		for (int c = 0; c < headers.size(); c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
			Put.text(row, c, headers.get(c), styles.header);
			height = Math.max(height, RowHeights.points(headers.get(c), widths[c], Styles.BODY_POINTS));
		}
		row.setHeightInPoints(height);
		sheet.createFreezePane(0, 1);
		printSetup(sheet);
	}

	/** Printed, a list is read down its pages: all columns on one landscape page width, the header on each. */
	private static void printSetup(SXSSFSheet sheet) {
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A3_PAPERSIZE);
		print.setLandscape(true);
		sheet.setFitToPage(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setMargin(PageMargin.LEFT, 0.3);
		sheet.setMargin(PageMargin.RIGHT, 0.3);
		sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
		sheet.getFooter().setCenter("&A  &P / &N");
	}

	/**
	 * Neither Excel nor LibreOffice reliably grows a row for wrapped text on opening a file, so a row whose text
	 * needs more than one line gets an estimated height; one-line rows keep the default.
	 */
	static void fitHeight(Row row, int[] widths) {
		int lines = 1;
		for (Cell cell : row) {
			if (cell.getCellType() == CellType.STRING && cell.getColumnIndex() < widths.length) {
				lines = Math.max(lines, RowHeights.lines(cell.getStringCellValue(), widths[cell.getColumnIndex()],
						Styles.BODY_POINTS));
			}
		}
		if (lines > 1) {
			row.setHeightInPoints(Math.min(RowHeights.MAX_POINTS, RowHeights.height(lines, Styles.BODY_POINTS)));
		}
	}

	/** Set last: under streaming the last row is only known once every row is written. */
	static void filter(SXSSFSheet sheet, int columns, int lastRow) {
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastRow), 0, columns - 1));
	}

}
