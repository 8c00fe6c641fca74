package jp.csr.review.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Where 振り返り's pages should break. Left to itself a spreadsheet breaks inside a commitment, and a merged
 * highlight cut across two pages prints half a line at the foot of one and the rest, headless, on the next.
 * So a commitment starts a new page when it would not fit on the current one; only a commitment taller than a
 * whole page is broken, between its initiative rows.
 */
public final class PageBreaks {

	private PageBreaks() {
	}

	/**
	 * @param blockRows rows of each commitment, in order
	 * @param heights height in points of every body row
	 * @param capacity points of body rows a page holds (below the repeated title and header)
	 * @return body row indexes (0 = first body row) that begin a new page
	 */
	public static List<Integer> before(int[] blockRows, float[] heights, float capacity) {
		List<Integer> breaks = new ArrayList<>();
		float used = 0;
		int row = 0;
		for (int rows : blockRows) {
			float block = 0;
			for (int i = row; i < row + rows; i++) {
				block += heights[i];
			}
			if (used > 0 && used + block > capacity) {
				breaks.add(row);
				used = 0;
			}
			for (int i = row; i < row + rows; i++) {
				if (used > 0 && used + heights[i] > capacity) {
					breaks.add(i);
					used = 0;
				}
				used += heights[i];
			}
			row += rows;
		}
		return breaks;
	}

}
