package jp.csr.review.reviewpdf;

import jp.csr.review.content.PageBreaks;
import jp.csr.review.content.ReviewTable;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws 振り返り onto A3 landscape pages, page by page: the title and the header row on every page, one band per
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

	/** A3, long side across. */
	static final PDRectangle PAGE = new PDRectangle(PDRectangle.A3.getHeight(), PDRectangle.A3.getWidth());

	private static final float MARGIN = 28.35f;

	/** Room under the table for the page number. */
	private static final float FOOT = 40;

	private static final float TITLE_POINTS = 14;

	private static final float TITLE_HEIGHT = 30;

	/** The workbook's body and mark sizes, so both formats read alike. */
	private static final float BODY_POINTS = 10;

	private static final float MARK_POINTS = 16;

	private static final float LINE = BODY_POINTS * 1.45f;

	private static final float PAD_X = 4;

	private static final float PAD_Y = 3.5f;

	private static final float BORDER = 0.6f;

	/**
	 * The workbook's column widths, spread over the page; the mark column a little
	 * wider, so that its header's first line (アクションプランに) fits whole, at the highlight's expense.
	 */
	private static final int[] WIDTHS = { 14, 18, 26, 34, 18, 26, 62 };

	/** The workbook's header fill (IndexedColors.PALE_BLUE). */
	private static final Color HEADER_FILL = new Color(0x99, 0xCC, 0xFF);

	private final PDDocument document;

	private final PDFont font;

	private final ReviewTable table;

	private final Glyphs glyphs;

	private final float[] x = new float[WIDTHS.length + 1];

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

	/** Top of what is still free on the page. */
	private float y;

	private float materialityTop;

	private boolean materialityOpen;

	PdfTable(PDDocument document, PDFont font, ReviewTable table) {
		this.document = document;
		this.font = font;
		this.table = table;
		this.glyphs = new Glyphs(font);
		float total = Arrays.stream(WIDTHS).sum();
		float width = PAGE.getWidth() - 2 * MARGIN;
		x[0] = MARGIN;
		for (int c = 0; c < WIDTHS.length; c++) {
			x[c + 1] = x[c] + width * WIDTHS[c] / total;
		}
		float ascent = font.getFontDescriptor().getAscent();
		float descent = font.getFontDescriptor().getDescent();
		float em = ascent - descent;
		this.baseline = ascent / em + (LINE / BODY_POINTS - 1) / 2;
		this.middle = (ascent + descent) / 2 / 1000;
		float tallest = 0;
		for (String header : table.headers()) {
			List<String> lines = wrap(header, headers.size(), BODY_POINTS);
			headers.add(lines);
			tallest = Math.max(tallest, height(lines));
		}
		this.headerHeight = tallest;
		float titleWidth = glyphs.width(glyphs.printable(table.title()), TITLE_POINTS);
		this.titlePoints = Math.min(TITLE_POINTS, TITLE_POINTS * (x[x.length - 1] - x[0]) / Math.max(1, titleWidth));
	}

	/** @return the number of pages */
	int write() throws IOException {
		newPage();
		for (ReviewTable.Band band : table.bands()) {
			place(piece(band));
		}
		closeMateriality();
		legend();
		endPage();
		int pages = document.getNumberOfPages();
		int number = 0;
		for (PDPage p : document.getPages()) {
			number++;
			try (PDPageContentStream foot = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND,
					true, true)) {
				String text = number + " / " + pages;
				float size = 9;
				text(foot, text, (PAGE.getWidth() - glyphs.width(text, size)) / 2, FOOT / 2, size);
			}
		}
		return pages;
	}

	// ---- the commitments ----

	/** One initiative row: its text, wrapped, and its mark. */
	private record Row(List<String> initiative, String mark) {

		boolean blank() {
			return initiative.isEmpty() && mark == null;
		}

	}

	/**
	 * A commitment, or what is left of it on the next page: the texts wrapped to their columns.
	 *
	 * @param opens whether it begins its materiality (the materiality cell closes above it)
	 */
	private record Piece(boolean opens, List<String> materiality, List<String> commitment, List<String> kpis,
			List<String> results, List<String> highlight, List<Row> rows) {
	}

	private Piece piece(ReviewTable.Band band) {
		List<Row> rows = new ArrayList<>();
		for (ReviewTable.Line line : band.lines()) {
			rows.add(line.initiative() == null ? new Row(List.of(), null)
					: new Row(wrap(line.text(), ReviewTable.INITIATIVE, BODY_POINTS), blankToNull(line.mark())));
		}
		return new Piece(band.opensMateriality(), wrap(band.materiality(), ReviewTable.MATERIALITY, BODY_POINTS),
				wrap(band.commitment(), ReviewTable.COMMITMENT, BODY_POINTS),
				wrap(band.kpis(), ReviewTable.KPI, BODY_POINTS), wrap(band.results(), ReviewTable.RESULT, BODY_POINTS),
				wrap(band.highlight(), ReviewTable.HIGHLIGHT, BODY_POINTS), rows);
	}

	private void place(Piece piece) throws IOException {
		float need = sum(heights(piece));
		if (PageBreaks.startsPage(empty(), need, room())) {
			endPage();
			newPage();
		}
		float room = room();
		while (need > room) {
			float[] own = own(piece);
			Piece[] parts = split(piece, own, PageBreaks.rowsOnPage(own, empty(), room), room);
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
		float labels = Math.min(capacity(), Math.max(height(piece.materiality()), height(piece.commitment())));
		float texts = Math.max(height(piece.kpis()), Math.max(height(piece.results()), height(piece.highlight())));
		return share(own(piece), Math.max(labels, texts));
	}

	private float[] own(Piece piece) {
		float[] own = new float[piece.rows().size()];
		for (int i = 0; i < own.length; i++) {
			Row row = piece.rows().get(i);
			own[i] = Math.max(height(row.initiative()), markHeight(row.mark()));
		}
		return own;
	}

	/**
	 * The part of a piece taller than {@code room} that fills it, and the rest (null when nothing is left but the
	 * labels printed again). The part has the first {@code rows} rows; when the first row alone is taller than
	 * the room, its lines are broken between the two. The band's long texts are broken at the same line count,
	 * so they go on from line to line.
	 *
	 * @param own each row's own height
	 * @param rows how many rows go on this page, at least one (see {@link PageBreaks})
	 */
	private Piece[] split(Piece piece, float[] own, int rows, float room) {
		int fit = Math.max(1, (int) ((room - 2 * PAD_Y) / LINE));
		List<Row> first;
		List<Row> rest = new ArrayList<>();
		if (own[0] > room) {
			Row row = piece.rows().get(0);
			first = List.of(new Row(head(row.initiative(), fit), row.mark()));
			rest.add(new Row(tail(row.initiative(), fit), null));
			rest.addAll(piece.rows().subList(1, own.length));
		}
		else {
			first = piece.rows().subList(0, rows);
			rest.addAll(piece.rows().subList(rows, own.length));
		}
		Piece head = new Piece(piece.opens(), piece.materiality(), piece.commitment(), head(piece.kpis(), fit),
				head(piece.results(), fit), head(piece.highlight(), fit), first);
		Piece tail = new Piece(false, piece.materiality(), piece.commitment(), tail(piece.kpis(), fit),
				tail(piece.results(), fit), tail(piece.highlight(), fit), rest);
		boolean more = !tail.kpis().isEmpty() || !tail.results().isEmpty() || !tail.highlight().isEmpty()
				|| rest.stream().anyMatch(r -> !r.blank());
		if (more && rest.isEmpty()) {
			rest.add(new Row(List.of(), null));
		}
		return new Piece[] { head, more ? tail : null };
	}

	private void draw(Piece piece, float[] heights) throws IOException {
		float total = sum(heights);
		if (piece.opens() || !materialityOpen) {
			closeMateriality();
			materialityTop = y;
			materialityOpen = true;
			lines(piece.materiality(), ReviewTable.MATERIALITY, y, capacity(), BODY_POINTS);
		}
		cell(ReviewTable.COMMITMENT, y, total, piece.commitment());
		cell(ReviewTable.KPI, y, total, piece.kpis());
		float top = y;
		for (int i = 0; i < heights.length; i++) {
			Row row = piece.rows().get(i);
			cell(ReviewTable.INITIATIVE, top, heights[i], row.initiative());
			mark(top, heights[i], row.mark());
			top -= heights[i];
		}
		cell(ReviewTable.RESULT, y, total, piece.results());
		cell(ReviewTable.HIGHLIGHT, y, total, piece.highlight());
		y -= total;
	}

	/** The materiality cell spans the commitments of its materiality on this page; its text was drawn on top. */
	private void closeMateriality() {
		if (materialityOpen && materialityTop > y) {
			border(ReviewTable.MATERIALITY, materialityTop, materialityTop - y);
		}
		materialityOpen = false;
	}

	// ---- cells ----

	private void cell(int column, float top, float height, List<String> lines) throws IOException {
		border(column, top, height);
		lines(lines, column, top, height, BODY_POINTS);
	}

	/** Wrapped text from the cell's top; lines that would cross its bottom are not drawn. */
	private void lines(List<String> lines, int column, float top, float height, float size) throws IOException {
		int room = (int) ((height - 2 * PAD_Y + 0.01f) / LINE);
		if (lines.isEmpty() || room < 1) {
			return;
		}
		page.beginText();
		page.setFont(font, size);
		float first = top - PAD_Y - baseline * size;
		for (int i = 0; i < Math.min(room, lines.size()); i++) {
			page.setTextMatrix(Matrix.getTranslateInstance(x[column] + PAD_X, first - i * LINE));
			page.showText(lines.get(i));
		}
		page.endText();
	}

	/** The mark centred both ways; a word (未提出) in the body's size, as text rather than a sign. */
	private void mark(float top, float height, String mark) throws IOException {
		int column = ReviewTable.MARK;
		border(column, top, height);
		if (mark == null) {
			return;
		}
		float size = markSize(mark);
		List<String> lines = wrap(mark, column, size);
		float centre = top - height / 2;
		float lineHeight = size * LINE / BODY_POINTS;
		float firstMiddle = centre + (lines.size() - 1) * lineHeight / 2;
		page.beginText();
		page.setFont(font, size);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			page.setTextMatrix(Matrix.getTranslateInstance(x[column] + (columnWidth(column) - glyphs.width(line, size)) / 2,
					firstMiddle - i * lineHeight - middle * size));
			page.showText(line);
		}
		page.endText();
	}

	private static float markSize(String mark) {
		return mark.codePointCount(0, mark.length()) == 1 ? MARK_POINTS : BODY_POINTS;
	}

	private float markHeight(String mark) {
		if (mark == null) {
			return height(List.of());
		}
		float size = markSize(mark);
		return wrap(mark, ReviewTable.MARK, size).size() * size * LINE / BODY_POINTS + 2 * PAD_Y;
	}

	private void border(int column, float top, float height) {
		borders.add(new float[] { x[column], top - height, columnWidth(column), height });
	}

	// ---- pages ----

	private float bodyTop() {
		return PAGE.getHeight() - MARGIN - TITLE_HEIGHT - headerHeight;
	}

	private float bottom() {
		return FOOT;
	}

	/** Whether nothing is on the page yet. */
	private boolean empty() {
		return y == bodyTop();
	}

	/** What is still free on the page. */
	private float room() {
		return y - bottom();
	}

	private float capacity() {
		return bodyTop() - bottom();
	}

	private void newPage() throws IOException {
		PDPage p = new PDPage(PAGE);
		document.addPage(p);
		page = new PDPageContentStream(document, p);
		page.setLineWidth(BORDER);
		float top = PAGE.getHeight() - MARGIN;
		bold(true);
		text(page, table.title(), x[0], top - TITLE_POINTS, titlePoints);
		float headerTop = top - TITLE_HEIGHT;
		page.setNonStrokingColor(HEADER_FILL);
		page.addRect(x[0], headerTop - headerHeight, x[x.length - 1] - x[0], headerHeight);
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
				page.setTextMatrix(Matrix.getTranslateInstance(x[c] + (columnWidth(c) - glyphs.width(line, BODY_POINTS)) / 2,
						first - i * LINE));
				page.showText(line);
			}
			page.endText();
		}
		bold(false);
		y = bodyTop();
		materialityOpen = false;
	}

	private void endPage() throws IOException {
		closeMateriality();
		for (float[] b : borders) {
			page.addRect(b[0], b[1], b[2], b[3]);
		}
		page.stroke();
		borders.clear();
		page.close();
		page = null;
	}

	/** The legend under the table; on a page of its own when the last one is full. */
	private void legend() throws IOException {
		List<String> legend = table.legend();
		float need = LINE * (legend.size() + 1);
		if (y - need < bottom()) {
			endPage();
			newPage();
		}
		float top = y - LINE;
		for (String line : legend) {
			text(page, line, x[0], top - baseline * BODY_POINTS, BODY_POINTS);
			top -= LINE;
		}
		y = top;
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
		stream.showText(glyphs.printable(text));
		stream.endText();
	}

	// ---- measures ----

	private float columnWidth(int column) {
		return x[column + 1] - x[column];
	}

	private List<String> wrap(String text, int column, float size) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return JapaneseLineBreaks.wrap(glyphs.printable(text), columnWidth(column) - 2 * PAD_X,
				cp -> glyphs.units(cp) * size / 1000);
	}

	private static float height(List<String> lines) {
		return Math.max(1, lines.size()) * LINE + 2 * PAD_Y;
	}

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

	private static List<String> head(List<String> lines, int n) {
		return lines.subList(0, Math.min(n, lines.size()));
	}

	private static List<String> tail(List<String> lines, int n) {
		return lines.subList(Math.min(n, lines.size()), lines.size());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/**
	 * The font's glyphs by code point, each looked up once. A character the font lacks prints as 〓 (the
	 * typesetter's sign for a missing glyph) rather than failing the PDF; control characters are dropped.
	 */
	private static final class Glyphs {

		private final PDFont font;

		private final Map<Integer, Float> units = new HashMap<>();

		private final String missing;

		Glyphs(PDFont font) {
			this.font = font;
			this.missing = lookup('〓') >= 0 ? "〓" : "?";
		}

		/** Advance width in 1/1000 of the font size. */
		float units(int cp) {
			return Math.max(0, known(cp));
		}

		private boolean has(int cp) {
			return known(cp) >= 0;
		}

		/** The width, or -1 for a character without a glyph. */
		private float known(int cp) {
			Float known = units.get(cp);
			if (known == null) {
				known = lookup(cp);
				units.put(cp, known);
			}
			return known;
		}

		float width(String text, float size) {
			float sum = 0;
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				sum += units(cp);
				i += Character.charCount(cp);
			}
			return sum * size / 1000;
		}

		String printable(String text) {
			StringBuilder out = new StringBuilder(text.length());
			String normal = text.replace("\r\n", "\n").replace('\r', '\n');
			for (int i = 0; i < normal.length();) {
				int cp = normal.codePointAt(i);
				i += Character.charCount(cp);
				if (cp == '\n') {
					out.append('\n');
				}
				else if (cp == '\t') {
					out.append(' ');
				}
				else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
					continue;
				}
				else if (!has(cp)) {
					// a variation selector or a combining mark the font lacks adds nothing legible
					if (Character.getType(cp) != Character.NON_SPACING_MARK) {
						out.append(missing);
					}
				}
				else {
					out.appendCodePoint(cp);
				}
			}
			return out.toString();
		}

		private float lookup(int cp) {
			try {
				return font.getStringWidth(new String(Character.toChars(cp)));
			}
			catch (IOException | IllegalArgumentException ex) {
				return -1;
			}
		}

	}

}
