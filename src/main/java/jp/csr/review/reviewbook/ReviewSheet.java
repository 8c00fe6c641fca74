package jp.csr.review.reviewbook;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.csr.review.content.PageBreaks;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.content.ReviewTable.Band;
import jp.csr.review.content.ReviewTable.Line;
import jp.csr.review.workbook.RowHeights;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBreak;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPageBreak;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

import static jp.csr.review.content.ReviewTable.COMMITMENT;
import static jp.csr.review.content.ReviewTable.HIGHLIGHT;
import static jp.csr.review.content.ReviewTable.INITIATIVE;
import static jp.csr.review.content.ReviewTable.KPI;
import static jp.csr.review.content.ReviewTable.MARK;
import static jp.csr.review.content.ReviewTable.MATERIALITY;
import static jp.csr.review.content.ReviewTable.RESULT;

/** 振り返り: the published review table (PRODUCT.md §6) as a sheet, one row per initiative. */
final class ReviewSheet {

	static final String NAME = "振り返り";

	/** In characters; the highlight carries the most text, so it is widest. Fits A3 landscape at about 100%. */
	static final int[] WIDTHS = { 14, 18, 26, 34, 14, 26, 66 };

	private static final int FIRST_BODY_ROW = 2;

	private static final float TITLE_POINTS = 28;

	/** A3 in points. */
	private static final float A3_LONG_SIDE = 1190.55f;

	private static final float A3_SHORT_SIDE = 841.89f;

	/** Margins in inches: small, the table needs the paper. The footer (page numbers) sits inside END_MARGIN. */
	private static final double SIDE_MARGIN = 0.3;

	private static final double END_MARGIN = 0.4;

	private final ReviewTable table;

	private final Styles styles;

	private final Cuts cuts;

	ReviewSheet(ReviewTable table, Styles styles, Cuts cuts) {
		this.table = table;
		this.styles = styles;
		this.cuts = cuts;
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		for (int c = 0; c < WIDTHS.length; c++) {
			sheet.setColumnWidth(c, WIDTHS[c] * 256);
		}
		float top = writeTitleAndHeader(sheet);
		float[] heights = heights(table);
		int[] bandRows = table.bands().stream().mapToInt(Band::rows).toArray();
		List<Integer> breaks = PageBreaks.before(bandRows, heights, pageCapacity(top));
		Set<Integer> pageTops = new HashSet<>(breaks);
		int rowIndex = FIRST_BODY_ROW;
		for (Band band : table.bands()) {
			for (int i = 0; i < band.rows(); i++) {
				boolean pageTop = pageTops.contains(rowIndex - FIRST_BODY_ROW);
				writeRow(sheet, rowIndex, band, i, heights[rowIndex - FIRST_BODY_ROW], pageTop);
				rowIndex++;
			}
		}
		merge(sheet, table, pageTops);
		writeLegend(sheet, rowIndex + 1);
		printSetup(sheet);
		rowBreaks(sheet, breaks);
	}

	/**
	 * Each page break goes below the row that ends its page, as POI's {@code setRowBreak(row - 1)} puts it; written
	 * to the sheet's XML in one pass, because {@code setRowBreak} reads every break already set to check for this
	 * one, and a group of 10,000 departments has thousands of pages.
	 */
	private static void rowBreaks(SXSSFSheet sheet, List<Integer> rows) {
		if (rows.isEmpty()) {
			return;
		}
		CTWorksheet xml = sheet.getWorkbook().getXSSFWorkbook().getSheet(sheet.getSheetName()).getCTWorksheet();
		CTPageBreak breaks = xml.isSetRowBreaks() ? xml.getRowBreaks() : xml.addNewRowBreaks();
		for (int row : rows) {
			CTBreak brk = breaks.addNewBrk();
			// 1-based: the break's id is the number of the row that ends the page
			brk.setId(FIRST_BODY_ROW + row);
			brk.setMan(true);
			brk.setMax(SpreadsheetVersion.EXCEL2007.getLastColumnIndex());
		}
		breaks.setCount(breaks.sizeOfBrkArray());
		breaks.setManualBreakCount(breaks.sizeOfBrkArray());
	}

	/**
	 * Points of body rows an A3 landscape page holds below the repeated title and header. Fit-to-width shrinks
	 * the page when the columns are wider than the paper, which makes room for more rows.
	 */
	static float pageCapacity(float repeatedRows) {
		float columns = 0;
		for (int width : WIDTHS) {
			columns += (width * 7 + 5) * 0.75f;
		}
		float printableWidth = A3_LONG_SIDE - (float) ((SIDE_MARGIN * 2) * 72);
		float scale = Math.min(1f, printableWidth / columns);
		float printableHeight = A3_SHORT_SIDE - (float) ((END_MARGIN * 2) * 72);
		// A little slack for rounding between the estimate and the application's own layout.
		return printableHeight / scale - repeatedRows - 12;
	}

	/** @return the height of the two rows, repeated on every printed page */
	private float writeTitleAndHeader(SXSSFSheet sheet) {
		Row title = sheet.createRow(0);
		title.setHeightInPoints(TITLE_POINTS);
		cuts.text(title, 0, table.title(), styles.title, () -> Cuts.Origin.of("表題"));
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, WIDTHS.length - 1));

		Row header = sheet.createRow(1);
		List<String> headers = table.headers();
		float height = 0;
		for (int c = 0; c < headers.size(); c++) {
			Put.text(header, c, headers.get(c), styles.header);
			height = Math.max(height, RowHeights.points(headers.get(c), WIDTHS[c], Styles.BODY_POINTS));
		}
		header.setHeightInPoints(height);
		sheet.createFreezePane(0, FIRST_BODY_ROW);
		return TITLE_POINTS + height;
	}

	/**
	 * @param pageTop whether the row begins a printed page: its materiality and commitment are printed again there,
	 *        as the PDF does, since a merged cell cut by a page break shows its text on the first page only
	 */
	private void writeRow(SXSSFSheet sheet, int rowIndex, Band band, int i, float height, boolean pageTop) {
		Row row = sheet.createRow(rowIndex);
		row.setHeightInPoints(height);
		Line line = band.lines().get(i);
		boolean first = i == 0;
		// Every cell of a merged region is written with the bordered style, or its inner borders do not print.
		String commitment = Cuts.quote(band.commitment());
		cuts.text(row, MATERIALITY, first && band.opensMateriality() || pageTop ? band.materiality() : null, styles.body,
				() -> Cuts.Origin.of("マテリアリティ" + Cuts.quote(band.materiality())));
		cuts.text(row, COMMITMENT, first || pageTop ? band.commitment() : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment));
		cuts.text(row, KPI, first ? band.kpis() : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment + "のKPI"));
		cuts.text(row, INITIATIVE, line.text(), styles.body,
				() -> Cuts.Origin.of("取り組み" + Cuts.quote(line.initiative()) + "の「具体的な取り組み」"));
		cuts.text(row, MARK, line.mark(), styles.mark,
				() -> Cuts.Origin.of("取り組み" + Cuts.quote(line.initiative()) + "の自己評価"));
		cuts.text(row, RESULT, first ? band.results() : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment + "の実績", band.resultsFrom().departments(),
						band.resultsFrom().sources()));
		cuts.text(row, HIGHLIGHT, first ? band.highlight() : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment + "のハイライト", band.highlightFrom().departments(),
						band.highlightFrom().sources()));
	}

	/**
	 * Materiality and commitment cells are merged per printed page (a page break cuts no merged cell of theirs, and
	 * each page's part holds the text again); the other merged cells of a commitment taller than a page stay whole.
	 *
	 * @param pageTops body rows (0 = first) that begin a printed page
	 */
	private static void merge(SXSSFSheet sheet, ReviewTable table, Set<Integer> pageTops) {
		int row = FIRST_BODY_ROW;
		int materialityStart = row;
		for (int b = 0; b < table.bands().size(); b++) {
			int last = row + table.bands().get(b).rows() - 1;
			for (int column : ReviewTable.PER_BAND) {
				if (column == COMMITMENT) {
					mergePerPage(sheet, row, last, column, pageTops);
				}
				else {
					mergeRows(sheet, row, last, column);
				}
			}
			if (table.endsMateriality(b)) {
				mergePerPage(sheet, materialityStart, last, MATERIALITY, pageTops);
				materialityStart = last + 1;
			}
			row = last + 1;
		}
	}

	private static void mergePerPage(SXSSFSheet sheet, int first, int last, int column, Set<Integer> pageTops) {
		int start = first;
		for (int r = first + 1; r <= last; r++) {
			if (pageTops.contains(r - FIRST_BODY_ROW)) {
				mergeRows(sheet, start, r - 1, column);
				start = r;
			}
		}
		mergeRows(sheet, start, last, column);
	}

	/**
	 * A one-cell merged region is pointless and some Excel versions flag it, so none is made. The regions of a column
	 * never overlap (each is a band, a materiality or their part on one page), so POI is not asked to check each new
	 * one against all before it: at 2,000 departments that check, over tens of thousands of regions, was most of the
	 * workbook's time.
	 */
	private static void mergeRows(SXSSFSheet sheet, int first, int last, int column) {
		if (last > first) {
			sheet.addMergedRegionUnsafe(new CellRangeAddress(first, last, column, column));
		}
	}

	private void writeLegend(SXSSFSheet sheet, int rowIndex) {
		for (String line : table.legend()) {
			Put.text(sheet.createRow(rowIndex++), 0, line, styles.legend);
		}
	}

	private static void printSetup(SXSSFSheet sheet) {
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A3_PAPERSIZE);
		print.setLandscape(true);
		sheet.setFitToPage(true);
		print.setFitWidth((short) 1);
		// 0: as many pages tall as the table needs; only the width is forced onto one page.
		print.setFitHeight((short) 0);
		sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN);
		sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
		sheet.setMargin(PageMargin.TOP, END_MARGIN);
		sheet.setMargin(PageMargin.BOTTOM, END_MARGIN);
		sheet.setMargin(PageMargin.HEADER, 0.2);
		sheet.setMargin(PageMargin.FOOTER, 0.2);
		sheet.setHorizontallyCenter(true);
		sheet.setRepeatingRows(new CellRangeAddress(0, FIRST_BODY_ROW - 1, -1, -1));
		sheet.getFooter().setCenter("&P / &N");
	}

	/** Row heights of the body, in points, so the merged texts fit (see {@link RowHeights}). */
	private static float[] heights(ReviewTable table) {
		List<Band> bands = table.bands();
		float[] heights = new float[table.rowCount()];
		int row = 0;
		int materialityStart = 0;
		for (int b = 0; b < bands.size(); b++) {
			Band band = bands.get(b);
			float[] shared = RowHeights.share(ownHeights(band), mergedHeight(band));
			System.arraycopy(shared, 0, heights, row, shared.length);
			row += shared.length;
			if (table.endsMateriality(b)) {
				float[] span = Arrays.copyOfRange(heights, materialityStart, row);
				float need = RowHeights.points(band.materiality(), WIDTHS[MATERIALITY], Styles.BODY_POINTS);
				System.arraycopy(RowHeights.share(span, need), 0, heights, materialityStart, span.length);
				materialityStart = row;
			}
		}
		return heights;
	}

	/** Each row's own need: its initiative text and its mark. */
	private static float[] ownHeights(Band band) {
		float[] own = new float[band.rows()];
		float mark = RowHeights.points("◎", WIDTHS[MARK], Styles.MARK_POINTS);
		for (int i = 0; i < own.length; i++) {
			own[i] = Math.max(mark, RowHeights.points(band.lines().get(i).text(), WIDTHS[INITIATIVE], Styles.BODY_POINTS));
		}
		return own;
	}

	/** What the tallest of the band's merged texts needs over all its rows together. */
	private static float mergedHeight(Band band) {
		return Math.max(Math.max(RowHeights.points(band.commitment(), WIDTHS[COMMITMENT], Styles.BODY_POINTS),
				RowHeights.points(band.kpis(), WIDTHS[KPI], Styles.BODY_POINTS)),
				Math.max(RowHeights.points(band.results(), WIDTHS[RESULT], Styles.BODY_POINTS),
						RowHeights.points(band.highlight(), WIDTHS[HIGHLIGHT], Styles.BODY_POINTS)));
	}

}
