package jp.csr.review.report;

import java.util.List;

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
	}

	/** Set last: under streaming the last row is only known once every row is written. */
	static void filter(SXSSFSheet sheet, int columns, int lastRow) {
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastRow), 0, columns - 1));
	}

}
