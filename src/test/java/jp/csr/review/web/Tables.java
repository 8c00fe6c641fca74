package jp.csr.review.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jsoup.nodes.Element;

/**
 * 振り返り as cells with their row spans, read from the workbook (merged regions) and from the web page (rowspan),
 * so that the two can be compared cell by cell.
 */
final class Tables {

	/** A cell where it begins: a cell spanning rows is given once, on its first row. */
	record Spanned(int row, int column, String text, int rows) {
	}

	private Tables() {
	}

	/** The body of the page's table: each cell at the column it shows in, rows below a spanning cell shifted. */
	static List<Spanned> of(Element table) {
		List<Spanned> cells = new ArrayList<>();
		List<Element> rows = table.select("tbody > tr");
		int[] coveredUntil = new int[7];
		for (int r = 0; r < rows.size(); r++) {
			int column = 0;
			for (Element cell : rows.get(r).children()) {
				while (coveredUntil[column] > r) {
					column++;
				}
				int span = cell.hasAttr("rowspan") ? Integer.parseInt(cell.attr("rowspan")) : 1;
				cells.add(new Spanned(r, column, cell.wholeText(), span));
				coveredUntil[column] = r + span;
				column++;
			}
		}
		return cells;
	}

	/**
	 * {@code rows} body rows of 振り返り, from the row after its header row. The workbook is printed, and begins the
	 * materiality cell again on each page; a page has no pages, so a materiality split by a page break is read as
	 * the one cell it is.
	 */
	static List<Spanned> of(Sheet sheet, int rows) {
		DataFormatter formatter = new DataFormatter();
		int header = headerRow(sheet);
		List<Spanned> cells = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			Row row = sheet.getRow(header + 1 + r);
			for (int c = 0; c < 7; c++) {
				CellRangeAddress region = region(sheet, header + 1 + r, c);
				if (region != null && region.getFirstRow() != header + 1 + r) {
					continue;
				}
				Cell cell = row == null ? null : row.getCell(c);
				String text = cell == null ? "" : formatter.formatCellValue(cell);
				int span = region == null ? 1 : region.getLastRow() - region.getFirstRow() + 1;
				Spanned above = c == 0 ? materialityAbove(cells, r) : null;
				if (above != null && above.text().equals(text)) {
					cells.set(cells.indexOf(above), new Spanned(above.row(), 0, text, above.rows() + span));
					continue;
				}
				cells.add(new Spanned(r, c, text, span));
			}
		}
		return cells;
	}

	/** The materiality cell that ends right above row {@code r}, if any. */
	private static Spanned materialityAbove(List<Spanned> cells, int r) {
		return cells.stream().filter(cell -> cell.column() == 0 && cell.row() + cell.rows() == r).findFirst().orElse(null);
	}

	/** The header row's texts. */
	static List<String> headers(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<String> headers = new ArrayList<>();
		sheet.getRow(headerRow(sheet)).forEach(cell -> headers.add(formatter.formatCellValue(cell)));
		return headers;
	}

	private static int headerRow(Sheet sheet) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && "マテリアリティ".equals(first.getStringCellValue())) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("振り返り has no header row");
	}

	private static CellRangeAddress region(Sheet sheet, int row, int column) {
		for (CellRangeAddress region : sheet.getMergedRegions()) {
			if (region.isInRange(row, column)) {
				return region;
			}
		}
		return null;
	}

}
