package jp.csr.review.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jp.csr.review.feedback.AnnotatedCopyWriter.Tally;
import jp.csr.review.validation.Issue;
import jp.csr.review.workbook.RowHeights;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import static jp.csr.review.feedback.AnnotatedCopyWriter.MAX_SHOWN;
import static jp.csr.review.feedback.AnnotatedCopyWriter.SUMMARY_SHEET;

/**
 * 差戻し内容, the copy's first sheet: what to do, then one row per issue shown with a link to its cell, then
 * how many more there are. A copy that cannot carry marks holds this sheet alone.
 */
final class IssueListSheet {

	private static final String[] LABELS = { "重要度", "シート", "セル", "内容" };

	/** Column widths in characters: together they fit A4 landscape at full size, 内容 taking what is left. */
	private static final int[] WIDTHS = { 8, 14, 10, 90 };

	/** The checks' issues are labelled by how grave they are: エラー or 警告. */
	static final Function<Issue, String> BY_SEVERITY = issue -> issue.severity().label();

	private final Workbook workbook;

	private final String fileName;

	private final CreationHelper helper;

	private final Function<Issue, String> label;

	/** @param fileName the name the department gave its file, which is how the sheet names it */
	IssueListSheet(Workbook workbook, String fileName) {
		this(workbook, fileName, BY_SEVERITY);
	}

	/** @param label what the first column says of an issue: how grave it is, or who speaks (事務局) */
	IssueListSheet(Workbook workbook, String fileName, Function<Issue, String> label) {
		this.workbook = workbook;
		this.fileName = fileName;
		this.helper = workbook.getCreationHelper();
		this.label = label;
	}

	/** The list an earlier round wrote into a copy dropped in again. */
	void removeEarlier() {
		int summary = workbook.getSheetIndex(SUMMARY_SHEET);
		if (summary >= 0) {
			workbook.removeSheetAt(summary);
		}
	}

	/** @param notes what to do, one line each, above the list */
	void write(List<Issue> issues, Tally tally, long more, List<String> notes) {
		write("「" + fileName + "」は差戻しになりました (エラー " + String.format("%,d", tally.errors()) + "件、警告 "
				+ String.format("%,d", tally.warnings()) + "件)", issues, more, notes);
	}

	/**
	 * @param heading the sheet's first line: why the file came back
	 * @param notes what to do, one line each, above the list
	 */
	void write(String heading, List<Issue> issues, long more, List<String> notes) {
		Sheet sheet = workbook.createSheet(SUMMARY_SHEET);
		workbook.setSheetOrder(SUMMARY_SHEET, 0);
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			workbook.getSheetAt(i).setSelected(i == 0);
		}
		workbook.setActiveSheet(0);
		workbook.setFirstVisibleTab(0);

		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle title = workbook.createCellStyle();
		title.setFont(bold);
		CellStyle header = workbook.createCellStyle();
		header.setFont(bold);
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		Font blue = workbook.createFont();
		blue.setUnderline(Font.U_SINGLE);
		blue.setColor(IndexedColors.BLUE.getIndex());
		CellStyle link = workbook.createCellStyle();
		link.setFont(blue);
		link.setVerticalAlignment(VerticalAlignment.TOP);
		CellStyle top = workbook.createCellStyle();
		top.setVerticalAlignment(VerticalAlignment.TOP);

		float points = workbook.getFontAt(0).getFontHeightInPoints();
		title.setWrapText(true);
		title.setVerticalAlignment(VerticalAlignment.TOP);
		CellStyle note = workbook.createCellStyle();
		note.setWrapText(true);
		note.setVerticalAlignment(VerticalAlignment.TOP);
		across(sheet, 0, heading, title, points);
		int r = 1;
		for (String n : notes) {
			across(sheet, r++, n, note, points);
		}
		r++;
		for (int c = 0; c < LABELS.length; c++) {
			put(sheet, r, c, LABELS[c], header);
		}
		int headerRow = r;
		for (Issue issue : issues) {
			r++;
			put(sheet, r, 0, label.apply(issue), top);
			put(sheet, r, 1, issue.sheet(), wrap);
			Cell where = put(sheet, r, 2, issue.cell(), top);
			put(sheet, r, 3, issue.message(), wrap);
			tall(sheet.getRow(r), points, issue.sheet(), issue.message());
			link(issue).ifPresent(address -> {
				Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
				hyperlink.setAddress(address);
				where.setHyperlink(hyperlink);
				where.setCellStyle(link);
				if (where.getStringCellValue().isEmpty()) {
					where.setCellValue("シートへ");
				}
			});
		}
		if (more > 0) {
			r++;
			String rest = "最初の" + MAX_SHOWN + "件だけを表示しています。これらを直して提出すると、残りも次の差戻しでお知らせします。";
			put(sheet, r, 0, String.format("…ほか %,d件", more), top);
			put(sheet, r, 3, rest, wrap);
			tall(sheet.getRow(r), points, "", rest);
		}
		layout(sheet, headerRow);
	}

	/**
	 * Printed whole on A4 landscape (PRODUCT.md §6): as wide as the page, as many pages down as it takes, the
	 * header row on each. The columns together fit the page at full size; every row is tall enough for every
	 * line of its wrapped text, which neither Excel nor LibreOffice works out for a row POI wrote.
	 */
	private static void layout(Sheet sheet, int headerRow) {
		for (int c = 0; c < WIDTHS.length; c++) {
			sheet.setColumnWidth(c, WIDTHS[c] * 256);
		}
		sheet.createFreezePane(0, headerRow + 1);
		sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
		sheet.setFitToPage(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
	}

	/** A line of text across all four columns, wrapped within them: a long note never runs off the page. */
	private static void across(Sheet sheet, int r, String text, CellStyle style, float points) {
		put(sheet, r, 0, text, style);
		for (int c = 1; c < WIDTHS.length; c++) {
			put(sheet, r, c, "", style);
		}
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, WIDTHS.length - 1));
		sheet.getRow(r).setHeightInPoints(RowHeights.points(text, Arrays.stream(WIDTHS).sum(), points));
	}

	/** Tall enough for every line of the wrapped sheet name and message. */
	private static void tall(Row row, float points, String sheetName, String message) {
		float height = Math.max(RowHeights.points(sheetName, WIDTHS[1], points),
				RowHeights.points(message, WIDTHS[3], points));
		row.setHeightInPoints(Math.min(RowHeights.MAX_POINTS, height));
	}

	/** {@code 'KPI'!F7}, or the sheet's A1 when the issue names a sheet of the workbook but no cell. */
	private Optional<String> link(Issue issue) {
		if (issue.sheet().isEmpty() || workbook.getSheet(issue.sheet()) == null) {
			return Optional.empty();
		}
		String cell = IssueCell.of(workbook, issue).map(IssueCell::address).orElse("A1");
		return Optional.of("'" + issue.sheet().replace("'", "''") + "'!" + cell);
	}

	private static Cell put(Sheet sheet, int r, int c, String value, CellStyle style) {
		Row row = sheet.getRow(r);
		if (row == null) {
			row = sheet.createRow(r);
		}
		Cell cell = row.createCell(c);
		// setCellValue(String) never parses: a message quoting 「=HYPERLINK(…)」 stays text
		cell.setCellValue(AnnotatedCopyWriter.fit(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
		return cell;
	}

}
