package jp.csr.review.reviewpdf;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jp.csr.review.content.PageBreaks;
import jp.csr.review.content.ReviewTable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

import static jp.csr.review.reviewpdf.TextFit.LINE;

/**
 * Lays 振り返り out on A3 landscape pages, page by page: the title and the header row on every page, one band per
 * commitment with its materiality, commitment, KPI, 実績 and highlight cells merged over its initiative rows, the
 * legend below, page numbers. Each page's content is finished (and left to PDFBox) before the next begins, so
 * memory does not grow with the review beyond what PDFBox keeps of finished pages.
 *
 * <p>Pages break as {@link PageBreaks} says, for every format: a band that does not fit below the one before
 * starts a new page, and only a band taller than a page is broken, between its initiative rows, measured by
 * their own texts. Where one row is taller than a page its text is broken between lines; the band's long texts
 * then go on from line to line on the next page, and its materiality and commitment are printed again there, so
 * that no page shows rows without them.
 */
final class PdfTable {

	/** Room under the table for the page number. */
	private static final float FOOT = 40;

	private final ReviewTable table;

	private final TextFit fit;

	private final PdfCanvas canvas;

	/** Top of what is still free on the page. */
	private float y;

	private float materialityTop;

	private boolean materialityOpen;

	PdfTable(PDDocument document, PDFont font, ReviewTable table) {
		this.table = table;
		this.fit = new TextFit(font);
		this.canvas = new PdfCanvas(document, font, fit, table);
	}

	/** @return the number of pages */
	int write() throws IOException {
		newPage();
		for (ReviewTable.Band band : table.bands()) {
			place(Piece.of(band, fit));
		}
		closeMateriality();
		legend();
		endPage();
		return canvas.numberPages(FOOT / 2);
	}

	// ---- the bands ----

	private void place(Piece piece) throws IOException {
		float need = sum(heights(piece));
		if (PageBreaks.startsPage(empty(), need, room())) {
			endPage();
			newPage();
		}
		float room = room();
		while (need > room) {
			float[] own = own(piece);
			Piece[] parts = piece.split(own, PageBreaks.rowsOnPage(own, empty(), room), room);
			draw(parts[0], share(own(parts[0]), room));
			if (parts[1] == null) {
				return;
			}
			endPage();
			newPage();
			piece = parts[1];
			room = room();
			need = sum(heights(piece));
		}
		draw(piece, heights(piece));
	}

	/** Each row at least its own need; together at least what the merged cells need. */
	private float[] heights(Piece piece) {
		float labels = Math.min(capacity(),
				Math.max(TextFit.height(piece.materiality()), TextFit.height(piece.commitment())));
		float texts = Math.max(TextFit.height(piece.kpis()),
				Math.max(TextFit.height(piece.results()), TextFit.height(piece.highlight())));
		return share(own(piece), Math.max(labels, texts));
	}

	/** Each row's own need: its initiative text and its mark. */
	private float[] own(Piece piece) {
		float[] own = new float[piece.rows().size()];
		for (int i = 0; i < own.length; i++) {
			Piece.Row row = piece.rows().get(i);
			own[i] = Math.max(TextFit.height(row.initiative()), fit.markHeight(row.mark()));
		}
		return own;
	}

	private void draw(Piece piece, float[] heights) throws IOException {
		float total = sum(heights);
		if (piece.opens() || !materialityOpen) {
			closeMateriality();
			materialityTop = y;
			materialityOpen = true;
			canvas.lines(piece.materiality(), ReviewTable.MATERIALITY, y, capacity(), TextFit.BODY_POINTS);
		}
		canvas.cell(ReviewTable.COMMITMENT, y, total, piece.commitment());
		canvas.cell(ReviewTable.KPI, y, total, piece.kpis());
		float top = y;
		for (int i = 0; i < heights.length; i++) {
			Piece.Row row = piece.rows().get(i);
			canvas.cell(ReviewTable.INITIATIVE, top, heights[i], row.initiative());
			canvas.mark(top, heights[i], row.mark());
			top -= heights[i];
		}
		canvas.cell(ReviewTable.RESULT, y, total, piece.results());
		canvas.cell(ReviewTable.HIGHLIGHT, y, total, piece.highlight());
		y -= total;
	}

	/** The materiality cell spans the bands of its materiality on this page; its text was drawn on top. */
	private void closeMateriality() {
		if (materialityOpen && materialityTop > y) {
			canvas.border(ReviewTable.MATERIALITY, materialityTop, materialityTop - y);
		}
		materialityOpen = false;
	}

	/** The legend under the table; on a page of its own when the last one is full. */
	private void legend() throws IOException {
		List<String> legend = table.legend();
		float need = LINE * (legend.size() + 1);
		if (y - need < FOOT) {
			endPage();
			newPage();
		}
		float top = y - LINE;
		for (String line : legend) {
			canvas.bodyLine(line, top);
			top -= LINE;
		}
		y = top;
	}

	// ---- pages ----

	/** Whether nothing is on the page yet. */
	private boolean empty() {
		return y == canvas.bodyTop();
	}

	/** What is still free on the page. */
	private float room() {
		return y - FOOT;
	}

	/** What a page holds below the title and the header row. */
	private float capacity() {
		return canvas.bodyTop() - FOOT;
	}

	private void newPage() throws IOException {
		canvas.newPage();
		y = canvas.bodyTop();
		materialityOpen = false;
	}

	private void endPage() throws IOException {
		closeMateriality();
		canvas.endPage();
	}

	// ---- measures ----

	private static float sum(float[] values) {
		float sum = 0;
		for (float v : values) {
			sum += v;
		}
		return sum;
	}

	/**
	 * Heights for rows sharing merged cells: each row at least its own need, together at least {@code total}; the
	 * shortest rows are raised to one common level, so a band reads evenly.
	 */
	static float[] share(float[] own, float total) {
		float sum = sum(own);
		if (sum >= total || own.length == 0) {
			return own.clone();
		}
		float[] sorted = own.clone();
		Arrays.sort(sorted);
		float above = sum;
		float level = total / own.length;
		for (int i = 1; i <= sorted.length; i++) {
			above -= sorted[i - 1];
			level = (total - above) / i;
			if (i == sorted.length || level <= sorted[i]) {
				break;
			}
		}
		float[] heights = new float[own.length];
		for (int i = 0; i < own.length; i++) {
			heights[i] = Math.max(own[i], level);
		}
		return heights;
	}

}
