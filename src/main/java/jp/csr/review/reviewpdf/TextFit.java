package jp.csr.review.reviewpdf;

import java.util.Arrays;
import java.util.List;

import jp.csr.review.content.ReviewTable;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The PDF's columns on the page and how a text fits them: wrapped to a column's width, the height its lines
 * need. Both the layout (what goes on which page) and the drawing measure by these, so a text is drawn in
 * the room it was given.
 */
final class TextFit {

	/** A3, long side across. */
	static final PDRectangle PAGE = new PDRectangle(PDRectangle.A3.getHeight(), PDRectangle.A3.getWidth());

	static final float MARGIN = 28.35f;

	/** The workbook's body and mark sizes, so both formats read alike. */
	static final float BODY_POINTS = 10;

	static final float MARK_POINTS = 16;

	static final float LINE = BODY_POINTS * 1.45f;

	static final float PAD_X = 4;

	static final float PAD_Y = 3.5f;

	/**
	 * The workbook's column widths, spread over the page; the mark column a little wider, so that its header's
	 * first line (アクションプランに) fits whole, at the highlight's expense.
	 */
	private static final int[] WIDTHS = { 14, 18, 26, 34, 18, 26, 62 };

	final Glyphs glyphs;

	private final float[] x = new float[ReviewTable.COLUMNS + 1];

	TextFit(PDFont font) {
		this.glyphs = new Glyphs(font);
		float total = Arrays.stream(WIDTHS).sum();
		float width = PAGE.getWidth() - 2 * MARGIN;
		x[0] = MARGIN;
		for (int c = 0; c < WIDTHS.length; c++) {
			x[c + 1] = x[c] + width * WIDTHS[c] / total;
		}
	}

	/** The left edge of a column; {@link ReviewTable#COLUMNS} gives the table's right edge. */
	float left(int column) {
		return x[column];
	}

	float tableWidth() {
		return x[x.length - 1] - x[0];
	}

	float columnWidth(int column) {
		return x[column + 1] - x[column];
	}

	List<String> wrap(String text, int column, float size) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return JapaneseLineBreaks.wrap(glyphs.printable(text), columnWidth(column) - 2 * PAD_X,
				cp -> glyphs.units(cp) * size / 1000);
	}

	/** A cell's height for its lines; an empty cell is one line high. */
	static float height(List<String> lines) {
		return Math.max(1, lines.size()) * LINE + 2 * PAD_Y;
	}

	/** A mark (one sign) in the mark size; a word (未提出) in the body's size, as text rather than a sign. */
	static float markSize(String mark) {
		return mark.codePointCount(0, mark.length()) == 1 ? MARK_POINTS : BODY_POINTS;
	}

	float markHeight(String mark) {
		if (mark == null) {
			return height(List.of());
		}
		float size = markSize(mark);
		return wrap(mark, ReviewTable.MARK, size).size() * size * LINE / BODY_POINTS + 2 * PAD_Y;
	}

}
