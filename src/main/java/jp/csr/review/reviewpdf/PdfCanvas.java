package jp.csr.review.reviewpdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jp.csr.review.content.ReviewTable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

import static jp.csr.review.reviewpdf.TextFit.BODY_POINTS;
import static jp.csr.review.reviewpdf.TextFit.LINE;
import static jp.csr.review.reviewpdf.TextFit.MARGIN;
import static jp.csr.review.reviewpdf.TextFit.PAD_X;
import static jp.csr.review.reviewpdf.TextFit.PAD_Y;
import static jp.csr.review.reviewpdf.TextFit.PAGE;

/**
 * Draws on the PDF's pages: each page's title and header row, cells with their borders and wrapped text, marks,
 * lines of plain text, the page numbers. Where things go is {@link PdfTable}'s to say.
 */
final class PdfCanvas {

	private static final float TITLE_POINTS = 14;

	private static final float TITLE_HEIGHT = 30;

	private static final float BORDER = 0.6f;

	/** The workbook's header fill (IndexedColors.PALE_BLUE). */
	private static final Color HEADER_FILL = new Color(0x99, 0xCC, 0xFF);

	private final PDDocument document;

	private final PDFont font;

	private final TextFit fit;

	private final String title;

	/** Where a line's glyphs sit in it, as a fraction of the font size below the line's top. */
	private final float baseline;

	/** Height of the glyphs' centre above the baseline, as a fraction of the font size. */
	private final float middle;

	private final List<List<String>> headers = new ArrayList<>();

	private final float headerHeight;

	/** The title's size: smaller when a long group name would run past the table. */
	private final float titlePoints;

	private PDPageContentStream page;

	/** The page's cell borders, stroked as one path when it is finished. */
	private final List<float[]> borders = new ArrayList<>();

	PdfCanvas(PDDocument document, PDFont font, TextFit fit, ReviewTable table) {
		this.document = document;
		this.font = font;
		this.fit = fit;
		this.title = table.title();
		float ascent = font.getFontDescriptor().getAscent();
		float descent = font.getFontDescriptor().getDescent();
		float em = ascent - descent;
		this.baseline = ascent / em + (LINE / BODY_POINTS - 1) / 2;
		this.middle = (ascent + descent) / 2 / 1000;
		float tallest = 0;
		for (String header : table.headers()) {
			List<String> lines = fit.wrap(header, headers.size(), BODY_POINTS);
			headers.add(lines);
			tallest = Math.max(tallest, TextFit.height(lines));
		}
		this.headerHeight = tallest;
		float titleWidth = fit.glyphs.width(fit.glyphs.printable(title), TITLE_POINTS);
		this.titlePoints = Math.min(TITLE_POINTS, TITLE_POINTS * fit.tableWidth() / Math.max(1, titleWidth));
	}

	/** The top of the body: below the title and the header row. */
	float bodyTop() {
		return PAGE.getHeight() - MARGIN - TITLE_HEIGHT - headerHeight;
	}

	/** A new page with the title and the header row on it. */
	void newPage() throws IOException {
		PDPage p = new PDPage(PAGE);
		document.addPage(p);
		page = new PDPageContentStream(document, p);
		page.setLineWidth(BORDER);
		float top = PAGE.getHeight() - MARGIN;
		bold(true);
		text(page, title, fit.left(0), top - TITLE_POINTS, titlePoints);
		float headerTop = top - TITLE_HEIGHT;
		page.setNonStrokingColor(HEADER_FILL);
		page.addRect(fit.left(0), headerTop - headerHeight, fit.tableWidth(), headerHeight);
		page.fill();
		page.setNonStrokingColor(Color.BLACK);
		for (int c = 0; c < headers.size(); c++) {
			border(c, headerTop, headerHeight);
			List<String> lines = headers.get(c);
			float first = headerTop - (headerHeight - lines.size() * LINE) / 2 - baseline * BODY_POINTS;
			page.beginText();
			page.setFont(font, BODY_POINTS);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				page.setTextMatrix(Matrix.getTranslateInstance(
						fit.left(c) + (fit.columnWidth(c) - fit.glyphs.width(line, BODY_POINTS)) / 2, first - i * LINE));
				page.showText(line);
			}
			page.endText();
		}
		bold(false);
	}

	/** Strokes the page's borders and finishes its content. */
	void endPage() throws IOException {
		for (float[] b : borders) {
			page.addRect(b[0], b[1], b[2], b[3]);
		}
		page.stroke();
		borders.clear();
		page.close();
		page = null;
	}

	/** A bordered cell with its lines from the top. */
	void cell(int column, float top, float height, List<String> lines) throws IOException {
		border(column, top, height);
		lines(lines, column, top, height, BODY_POINTS);
	}

	/** Wrapped text from the cell's top; lines that would cross its bottom are not drawn. */
	void lines(List<String> lines, int column, float top, float height, float size) throws IOException {
		int room = (int) ((height - 2 * PAD_Y + 0.01f) / LINE);
		if (lines.isEmpty() || room < 1) {
			return;
		}
		page.beginText();
		page.setFont(font, size);
		float first = top - PAD_Y - baseline * size;
		for (int i = 0; i < Math.min(room, lines.size()); i++) {
			page.setTextMatrix(Matrix.getTranslateInstance(fit.left(column) + PAD_X, first - i * LINE));
			page.showText(lines.get(i));
		}
		page.endText();
	}

	/** The mark's cell, the mark centred both ways (see {@link TextFit#markSize}). */
	void mark(float top, float height, String mark) throws IOException {
		int column = ReviewTable.MARK;
		border(column, top, height);
		if (mark == null) {
			return;
		}
		float size = TextFit.markSize(mark);
		List<String> lines = fit.wrap(mark, column, size);
		float centre = top - height / 2;
		float lineHeight = size * LINE / BODY_POINTS;
		float firstMiddle = centre + (lines.size() - 1) * lineHeight / 2;
		page.beginText();
		page.setFont(font, size);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			page.setTextMatrix(Matrix.getTranslateInstance(
					fit.left(column) + (fit.columnWidth(column) - fit.glyphs.width(line, size)) / 2,
					firstMiddle - i * lineHeight - middle * size));
			page.showText(line);
		}
		page.endText();
	}

	/** A cell's border, stroked with the page's others when it ends. */
	void border(int column, float top, float height) {
		borders.add(new float[] { fit.left(column), top - height, fit.columnWidth(column), height });
	}

	/** A line of body text from the table's left edge, its top at {@code top}. */
	void bodyLine(String line, float top) throws IOException {
		text(page, line, fit.left(0), top - baseline * BODY_POINTS, BODY_POINTS);
	}

	/**
	 * "n / total" under the table of every page; the pages are finished.
	 *
	 * @return the number of pages
	 */
	int numberPages(float baseline) throws IOException {
		int pages = document.getNumberOfPages();
		int number = 0;
		for (PDPage p : document.getPages()) {
			number++;
			try (PDPageContentStream foot = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND,
					true, true)) {
				String text = number + " / " + pages;
				float size = 9;
				text(foot, text, (PAGE.getWidth() - fit.glyphs.width(text, size)) / 2, baseline, size);
			}
		}
		return pages;
	}

	/** Bold, as the workbook's title and headers: the font has no bold face, so its outlines are also stroked. */
	private void bold(boolean on) throws IOException {
		page.setRenderingMode(on ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
		page.setLineWidth(on ? 0.35f : BORDER);
	}

	private void text(PDPageContentStream stream, String text, float left, float baseline, float size)
			throws IOException {
		stream.beginText();
		stream.setFont(font, size);
		stream.newLineAtOffset(left, baseline);
		stream.showText(fit.glyphs.printable(text));
		stream.endText();
	}

}
