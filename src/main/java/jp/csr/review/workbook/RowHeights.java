package jp.csr.review.workbook;

import java.util.Arrays;

/**
 * Estimates how tall a row must be for its wrapped text. Neither Excel nor LibreOffice grows a row for text in a
 * merged cell, and LibreOffice does not grow one POI wrote for wrapped text either, so without an estimate a
 * printed sheet (the review's highlights, a copy's list of issues) would show only a first line.
 *
 * <p>Column widths count the width of a {@code 0} of the default font (Calibri 11, about 7 px). A CJK glyph is
 * a full em of its font, so a 10 pt one is about 1.9 of those units; Latin text about
 * half that. Line height is taken generously (1.6 em): 游ゴシック sets lines far apart, and a little white space
 * below a text is harmless where a cut-off last line is not.
 */
public final class RowHeights {

	/** Excel's maximum row height. */
	public static final float MAX_POINTS = 409f;

	private static final float PIXELS_PER_POINT = 96f / 72f;

	private static final float UNIT_PIXELS = 7f;

	private static final float LINE_EM = 1.6f;

	private static final float PADDING_POINTS = 5f;

	private RowHeights() {
	}

	/** Lines the text takes in a wrapped cell {@code columnChars} wide; every hard line break counts. */
	public static int lines(String text, int columnChars, float fontPoints) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		// Cell padding, and wrapping that breaks before a glyph that would only just fit.
		float usable = columnChars - 1.5f;
		float wide = fontPoints * PIXELS_PER_POINT / UNIT_PIXELS;
		int total = 0;
		for (String line : text.split("\n", -1)) {
			float width = 0;
			for (int i = 0; i < line.length();) {
				int cp = line.codePointAt(i);
				width += isWide(cp) ? wide : wide * 0.55f;
				i += Character.charCount(cp);
			}
			total += Math.max(1, (int) Math.ceil(width / usable));
		}
		return total;
	}

	public static float points(String text, int columnChars, float fontPoints) {
		return height(lines(text, columnChars, fontPoints), fontPoints);
	}

	public static float height(int lines, float fontPoints) {
		return lines * fontPoints * LINE_EM + PADDING_POINTS;
	}

	/**
	 * Heights for rows that share merged cells: each row at least its own need, together at least what the
	 * merged text needs. The shortest rows are raised first, to one common level, so a block reads evenly
	 * instead of one initiative row ballooning.
	 */
	public static float[] share(float[] own, float together) {
		float[] heights = Arrays.copyOf(own, own.length);
		if (total(heights, 0) >= together) {
			return cap(heights);
		}
		float low = 0;
		float high = MAX_POINTS;
		if (total(own, high) < together) {
			Arrays.fill(heights, MAX_POINTS);
			return heights;
		}
		for (int i = 0; i < 40; i++) {
			float mid = (low + high) / 2;
			if (total(own, mid) >= together) {
				high = mid;
			}
			else {
				low = mid;
			}
		}
		for (int i = 0; i < heights.length; i++) {
			heights[i] = Math.max(own[i], high);
		}
		return cap(heights);
	}

	private static float total(float[] own, float level) {
		float sum = 0;
		for (float h : own) {
			sum += Math.min(MAX_POINTS, Math.max(h, level));
		}
		return sum;
	}

	/** Rounded up to a quarter point: the search only approaches its level, and must not end just below it. */
	private static float[] cap(float[] heights) {
		for (int i = 0; i < heights.length; i++) {
			heights[i] = Math.min(MAX_POINTS, (float) Math.ceil(heights[i] * 4 - 0.001f) / 4);
		}
		return heights;
	}

	/** East Asian wide and full-width characters, plus the symbols (◎ ○ △ ※ …) Japanese fonts set full-width. */
	private static boolean isWide(int cp) {
		if (cp < 0x1100) {
			return false;
		}
		return !(cp >= 0xFF61 && cp <= 0xFFDC);
	}

}
