package jp.csr.review.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Where 振り返り's pages break, in every format that prints it. Left to itself a spreadsheet breaks inside a
 * commitment, and a merged highlight cut across two pages prints half a line at the foot of one and the rest,
 * headless, on the next. So a band (a commitment, {@link ReviewTable.Band}) starts a new page when it would not
 * fit in what is left of the current one; only a band taller than a whole page is broken, between its initiative
 * rows, each row starting a new page when it would not fit in what is left. A page that holds nothing yet takes
 * whatever comes, however tall: a row taller than a page is the renderer's to break (the spreadsheet application
 * breaks it itself; the PDF between its text lines).
 *
 * <p>Heights are the renderer's own measure (points of a row as the workbook sets it, or as the PDF draws it);
 * the rule only compares them with the page's.
 */
public final class PageBreaks {

	/** The height of a body row, by its index (0 = first body row), in the renderer's measure. */
	@FunctionalInterface
	public interface RowHeight {

		float of(int row);

	}

	private PageBreaks() {
	}

	/**
	 * Whether a band, or a row of a band taller than a page, begins a new page.
	 *
	 * @param empty whether the current page holds nothing yet
	 * @param height the band's or the row's height
	 * @param room what is left of the current page
	 */
	public static boolean startsPage(boolean empty, float height, float room) {
		return !empty && height > room;
	}

	/**
	 * How many of a band's rows, from the first given, stay on the current page: those that fit, and always at
	 * least one on an empty page. The rest go on after a page break.
	 *
	 * @param rows the rows' heights
	 * @param empty whether the current page holds nothing yet
	 * @param room what is left of the current page
	 */
	public static int rowsOnPage(float[] rows, boolean empty, float room) {
		int k = 0;
		float taken = 0;
		while (k < rows.length && !startsPage(empty && k == 0, rows[k], room - taken)) {
			taken += rows[k++];
		}
		return k;
	}

	/**
	 * The page breaks of a whole table.
	 *
	 * @param bandRows rows of each band, in order
	 * @param heights height of every body row
	 * @param page how much of the body a page holds (below the repeated title and header)
	 * @return body row indexes (0 = first body row) that begin a new page
	 */
	public static List<Integer> before(int[] bandRows, RowHeight heights, float page) {
		List<Integer> breaks = new ArrayList<>();
		float used = 0;
		int row = 0;
		for (int rows : bandRows) {
			float band = 0;
			for (int i = row; i < row + rows; i++) {
				band += heights.of(i);
			}
			if (startsPage(used == 0, band, page - used)) {
				breaks.add(row);
				used = 0;
			}
			for (int i = row; i < row + rows; i++) {
				if (startsPage(used == 0, heights.of(i), page - used)) {
					breaks.add(i);
					used = 0;
				}
				used += heights.of(i);
			}
			row += rows;
		}
		return breaks;
	}

	/** {@link #before(int[], RowHeight, float)} with the heights in an array. */
	public static List<Integer> before(int[] bandRows, float[] heights, float page) {
		return before(bandRows, row -> heights[row], page);
	}

}
