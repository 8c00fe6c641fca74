package jp.csr.review.reviewbook;

import jp.csr.review.content.PageBreaks;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewMarks;
import jp.csr.review.reviewpdf.ReviewPdf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

import jp.csr.review.plan.Commitment;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.content.ReviewData.KpiStatus;

/** 振り返り: the published review table (PRODUCT.md §6), one row per initiative. */
public final class ReviewSheet {

	static final String NAME = "振り返り";

	public static final int MATERIALITY = 0;

	public static final int COMMITMENT = 1;

	public static final int KPI = 2;

	public static final int INITIATIVE = 3;

	public static final int MARK = 4;

	public static final int RESULT = 5;

	public static final int HIGHLIGHT = 6;

	/** In characters; the highlight carries the most text, so it is widest. Fits A3 landscape at about 100%. */
	static final int[] WIDTHS = { 14, 18, 26, 34, 14, 26, 66 };

	/** Columns holding the commitment's texts, merged over its rows. */
	private static final int[] PER_COMMITMENT = { COMMITMENT, KPI, RESULT, HIGHLIGHT };

	private static final int FIRST_BODY_ROW = 2;

	private static final float TITLE_POINTS = 28;

	/** A3 in points. */
	private static final float A3_LONG_SIDE = 1190.55f;

	private static final float A3_SHORT_SIDE = 841.89f;

	/** Margins in inches: small, the table needs the paper. The footer (page numbers) sits inside END_MARGIN. */
	private static final double SIDE_MARGIN = 0.3;

	private static final double END_MARGIN = 0.4;

	private final ReviewData data;

	private final Styles styles;

	private final Cuts cuts;

	private final ReviewMarks marks;

	ReviewSheet(ReviewData data, Styles styles, Cuts cuts) {
		this.data = data;
		this.styles = styles;
		this.cuts = cuts;
		this.marks = new ReviewMarks(data);
	}

	public static String title(Plan plan) {
		return plan.term() + "期(" + plan.period() + ") " + plan.group() + "行動計画振り返り";
	}

	public static List<String> headers(Plan plan) {
		String term = plan.term() + "期";
		String period = "(" + plan.period() + ")";
		return List.of("マテリアリティ", "コミットメント", term + "KPI\n" + period, "具体的な取り組み", "アクションプランに\n対する自己評価",
				term + "実績\n" + period, term + "実績" + period + "\n主な取り組みとハイライト");
	}

	/**
	 * The sheet's content without a workbook: the PDF ({@link ReviewPdf}) prints the same commitments, texts and
	 * marks ({@link #blocks()}, {@link #mark}).
	 */
	public static ReviewSheet content(ReviewData data) {
		return new ReviewSheet(data, null, null);
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		for (int c = 0; c < WIDTHS.length; c++) {
			sheet.setColumnWidth(c, WIDTHS[c] * 256);
		}
		float top = writeTitleAndHeader(sheet);
		List<Block> blocks = blocks();
		float[] heights = heights(blocks);
		int rowIndex = FIRST_BODY_ROW;
		for (Block block : blocks) {
			for (int i = 0; i < block.rows(); i++) {
				writeRow(sheet, rowIndex, block, i, heights[rowIndex - FIRST_BODY_ROW]);
				rowIndex++;
			}
		}
		merge(sheet, blocks);
		writeLegend(sheet, rowIndex + 1);
		printSetup(sheet);
		int[] blockRows = blocks.stream().mapToInt(Block::rows).toArray();
		rowBreaks(sheet, PageBreaks.before(blockRows, heights, pageCapacity(top)));
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
		Plan plan = data.plan();
		Row title = sheet.createRow(0);
		title.setHeightInPoints(TITLE_POINTS);
		cuts.text(title, 0, title(plan), styles.title, () -> Cuts.Origin.of("表題"));
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, WIDTHS.length - 1));

		Row header = sheet.createRow(1);
		List<String> headers = headers(plan);
		float height = 0;
		for (int c = 0; c < headers.size(); c++) {
			Put.text(header, c, headers.get(c), styles.header);
			height = Math.max(height, RowHeights.points(headers.get(c), WIDTHS[c], Styles.BODY_POINTS));
		}
		header.setHeightInPoints(height);
		sheet.createFreezePane(0, FIRST_BODY_ROW);
		return TITLE_POINTS + height;
	}

	private void writeRow(SXSSFSheet sheet, int rowIndex, Block block, int i, float height) {
		Row row = sheet.createRow(rowIndex);
		row.setHeightInPoints(height);
		Initiative initiative = block.initiative(i);
		boolean first = i == 0;
		// Every cell of a merged region is written with the bordered style, or its inner borders do not print.
		String commitment = Cuts.quote(block.commitment.text());
		cuts.text(row, MATERIALITY, first && block.firstOfMateriality ? block.commitment.materiality() : null,
				styles.body, () -> Cuts.Origin.of("マテリアリティ" + Cuts.quote(block.commitment.materiality())));
		cuts.text(row, COMMITMENT, first ? block.commitment.text() : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment));
		cuts.text(row, KPI, first ? block.kpis : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment + "のKPI"));
		cuts.text(row, INITIATIVE, initiative == null ? null : initiative.text(), styles.body,
				() -> Cuts.Origin.of("取り組み" + Cuts.quote(initiative.id()) + "の「具体的な取り組み」"));
		cuts.text(row, MARK, initiative == null ? null : marks.of(initiative), styles.mark,
				() -> Cuts.Origin.of("取り組み" + Cuts.quote(initiative.id()) + "の自己評価"));
		cuts.text(row, RESULT, first ? block.results : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment + "の実績", block.resultDepartments, block.resultSources));
		cuts.text(row, HIGHLIGHT, first ? block.highlight : null, styles.body,
				() -> Cuts.Origin.of("コミットメント" + commitment + "のハイライト", block.highlightDepartments,
						block.highlightSources));
	}

	private static void merge(SXSSFSheet sheet, List<Block> blocks) {
		int row = FIRST_BODY_ROW;
		int materialityStart = row;
		for (int b = 0; b < blocks.size(); b++) {
			Block block = blocks.get(b);
			int last = row + block.rows() - 1;
			for (int column : PER_COMMITMENT) {
				mergeRows(sheet, row, last, column);
			}
			if (endsMateriality(blocks, b)) {
				mergeRows(sheet, materialityStart, last, MATERIALITY);
				materialityStart = last + 1;
			}
			row = last + 1;
		}
	}

	/** A one-cell merged region is pointless and some Excel versions flag it, so none is made. */
	private static void mergeRows(SXSSFSheet sheet, int first, int last, int column) {
		if (last > first) {
			sheet.addMergedRegion(new CellRangeAddress(first, last, column, column));
		}
	}

	private void writeLegend(SXSSFSheet sheet, int rowIndex) {
		for (String line : marks.legend()) {
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

	/**
	 * Materialities stay contiguous even if the plan interleaves them, since column A is merged over all of a
	 * materiality's rows.
	 */
	public List<Block> blocks() {
		Plan plan = data.plan();
		Map<String, List<Commitment>> byMateriality = plan.commitments().stream()
			.collect(Collectors.groupingBy(Commitment::materiality, LinkedHashMap::new, Collectors.toList()));
		List<Block> blocks = new ArrayList<>();
		byMateriality.values().forEach(commitments -> {
			for (int i = 0; i < commitments.size(); i++) {
				blocks.add(block(plan, commitments.get(i), i == 0));
			}
		});
		return blocks;
	}

	private Block block(Plan plan, Commitment commitment, boolean firstOfMateriality) {
		List<Kpi> kpis = plan.kpisOf(commitment);
		String targets = kpis.stream().map(Kpi::text).collect(Collectors.joining("\n"));
		List<String> resultDepartments = new ArrayList<>();
		List<ReviewData.Source> resultSources = new ArrayList<>();
		List<String> resultLines = new ArrayList<>();
		for (Kpi kpi : kpis) {
			KpiStatus status = data.kpis().get(kpi.id());
			if (status != null && status.resultLine() != null) {
				resultLines.add(status.resultLine());
				resultDepartments.add(kpi.departmentCode());
				resultSources.add(status.source());
			}
		}
		List<ReviewData.Highlight> paragraphs = data.highlights()
			.getOrDefault(commitment.text(), List.of())
			.stream()
			.filter(p -> !p.text().isBlank())
			.toList();
		String highlight = paragraphs.stream().map(ReviewData.Highlight::text).collect(Collectors.joining("\n\n"));
		return new Block(commitment, firstOfMateriality, plan.initiativesOf(commitment), targets,
				String.join("\n", resultLines), highlight, resultDepartments.stream().distinct().toList(), resultSources,
				paragraphs.stream().map(ReviewData.Highlight::department).distinct().toList(),
				paragraphs.stream().map(ReviewData.Highlight::source).toList());
	}

	/** Row heights of the body, in points, so the merged texts fit (see {@link RowHeights}). */
	private static float[] heights(List<Block> blocks) {
		float[] heights = new float[blocks.stream().mapToInt(Block::rows).sum()];
		int row = 0;
		int materialityStart = 0;
		for (int b = 0; b < blocks.size(); b++) {
			Block block = blocks.get(b);
			float[] shared = RowHeights.share(block.ownHeights(), block.mergedHeight());
			System.arraycopy(shared, 0, heights, row, shared.length);
			row += shared.length;
			if (endsMateriality(blocks, b)) {
				float[] span = Arrays.copyOfRange(heights, materialityStart, row);
				float need = RowHeights.points(block.commitment.materiality(), WIDTHS[MATERIALITY], Styles.BODY_POINTS);
				System.arraycopy(RowHeights.share(span, need), 0, heights, materialityStart, span.length);
				materialityStart = row;
			}
		}
		return heights;
	}

	private static boolean endsMateriality(List<Block> blocks, int b) {
		return b == blocks.size() - 1 || blocks.get(b + 1).firstOfMateriality;
	}

	/**
	 * A commitment and its rows: one per initiative, or a single empty one when it has none. The departments and
	 * sources of the 実績 and highlight texts are kept to name them should a text have to be cut.
	 */
	public record Block(Commitment commitment, boolean firstOfMateriality, List<Initiative> initiatives, String kpis,
			String results, String highlight, List<String> resultDepartments, List<ReviewData.Source> resultSources,
			List<String> highlightDepartments, List<ReviewData.Source> highlightSources) {

		public int rows() {
			return Math.max(1, initiatives.size());
		}

		public Initiative initiative(int i) {
			return initiatives.isEmpty() ? null : initiatives.get(i);
		}

		/** Each row's own need: its initiative text and its mark. */
		float[] ownHeights() {
			float[] own = new float[rows()];
			float mark = RowHeights.points("◎", WIDTHS[MARK], Styles.MARK_POINTS);
			for (int i = 0; i < own.length; i++) {
				Initiative initiative = initiative(i);
				own[i] = Math.max(mark, RowHeights.points(initiative == null ? null : initiative.text(),
						WIDTHS[INITIATIVE], Styles.BODY_POINTS));
			}
			return own;
		}

		/** What the tallest of the commitment's merged texts needs over all its rows together. */
		float mergedHeight() {
			return Math.max(Math.max(RowHeights.points(commitment.text(), WIDTHS[COMMITMENT], Styles.BODY_POINTS),
					RowHeights.points(kpis, WIDTHS[KPI], Styles.BODY_POINTS)),
					Math.max(RowHeights.points(results, WIDTHS[RESULT], Styles.BODY_POINTS),
							RowHeights.points(highlight, WIDTHS[HIGHLIGHT], Styles.BODY_POINTS)));
		}

	}

}
