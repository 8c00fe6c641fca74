package jp.csr.review.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.csr.review.validation.Issue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The marks on a copy's own cells: each offending cell filled (red for an error, yellow for a warning) with a
 * comment giving its messages. A copy dropped in again is marked afresh, so the marks of the round before
 * are taken off first: each cell gets back the style it had, kept for that purpose on a very hidden sheet
 * (a style index would not survive Excel saving the file).
 */
final class CellMarks {

	/** Very hidden: per highlighted cell, a cell carrying the style it had before. */
	static final String STYLES_SHEET = "差戻し_元の書式";

	/** Compared as RGB: {@link XSSFColor#getRGB()} leaves the alpha out, and earlier copies were written without. */
	private static final byte[] ERROR_FILL = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

	private static final byte[] WARNING_FILL = { (byte) 0xFF, (byte) 0xEB, (byte) 0x9C };

	/** Written as ARGB (opaque), the only form the schema allows: strict readers paint six hex digits black. */
	private static final byte[] ERROR_ARGB = { (byte) 0xFF, (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

	private static final byte[] WARNING_ARGB = { (byte) 0xFF, (byte) 0xFF, (byte) 0xEB, (byte) 0x9C };

	private final Workbook workbook;

	private final CreationHelper helper;

	private final Map<String, CellStyle> highlighted = new HashMap<>();

	private Sheet styles;

	CellMarks(Workbook workbook) {
		this.workbook = workbook;
		this.helper = workbook.getCreationHelper();
	}

	/** Whether a marked cell is filled as an error (red) rather than a warning (yellow). */
	static boolean isErrorFill(CellStyle style) {
		if (style instanceof XSSFCellStyle xssf && xssf.getFillForegroundXSSFColor() != null) {
			return Arrays.equals(xssf.getFillForegroundXSSFColor().getRGB(), ERROR_FILL);
		}
		return style.getFillForegroundColor() == IndexedColors.ROSE.getIndex();
	}

	/** Marks the cells {@code shown} names; one comment per cell, holding each of its messages. */
	void mark(List<Issue> shown) {
		mark(shown, IssueListSheet.BY_SEVERITY);
	}

	/**
	 * As {@link #mark(List)}, each message opened by {@code label} in 【】: who speaks or how grave it is (the office's
	 * comments say 【事務局】, the checks' 【エラー】 or 【警告】).
	 */
	void mark(List<Issue> shown, Function<Issue, String> label) {
		Map<String, List<Issue>> byCell = new LinkedHashMap<>();
		for (Issue issue : shown) {
			IssueCell.of(workbook, issue)
				.ifPresent(t -> byCell.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(issue));
		}
		byCell.values().forEach(cellIssues -> mark(IssueCell.of(workbook, cellIssues.get(0)).orElseThrow(), cellIssues,
				label));
	}

	private void mark(IssueCell target, List<Issue> issues, Function<Issue, String> label) {
		Sheet sheet = target.sheet();
		Row row = sheet.getRow(target.cell().getRow());
		if (row == null) {
			row = sheet.createRow(target.cell().getRow());
		}
		Cell cell = row.getCell(target.cell().getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
		keepStyle(target, cell.getCellStyle());
		boolean error = issues.stream().anyMatch(Issue::isError);
		cell.setCellStyle(highlight(cell.getCellStyle(), error));

		StringBuilder text = new StringBuilder();
		for (Issue issue : issues) {
			text.append(text.isEmpty() ? "" : "\n").append("【").append(label.apply(issue)).append("】")
				.append(issue.message());
		}
		Comment old = cell.getCellComment();
		if (old != null) {
			text.append("\n\n").append(old.getString().getString());
			cell.removeCellComment();
		}
		Drawing<?> drawing = sheet.getDrawingPatriarch();
		if (drawing == null) {
			drawing = sheet.createDrawingPatriarch();
		}
		// the box starts at the cell itself: POI first files a new comment under the anchor's top-left cell, and
		// one column to the right would clash with a neighbour's comment (three headers typed over)
		ClientAnchor anchor = helper.createClientAnchor();
		anchor.setCol1(target.cell().getCol());
		anchor.setCol2(target.cell().getCol() + 4);
		anchor.setRow1(target.cell().getRow());
		anchor.setRow2(target.cell().getRow() + 2 + Math.min(12, text.length() / 30));
		Comment comment = drawing.createCellComment(anchor);
		comment.setString(helper.createRichTextString(AnnotatedCopyWriter.fit(text.toString())));
		comment.setAuthor(AnnotatedCopyWriter.AUTHOR);
		cell.setCellComment(comment);
	}

	/** The cell's own style with a solid fill; one clone per style and colour. */
	private CellStyle highlight(CellStyle base, boolean error) {
		return highlighted.computeIfAbsent(base.getIndex() + (error ? "E" : "W"), k -> {
			CellStyle style = workbook.createCellStyle();
			style.cloneStyleFrom(base);
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			if (style instanceof XSSFCellStyle xssf) {
				xssf.setFillForegroundColor(new XSSFColor(error ? ERROR_ARGB : WARNING_ARGB, null));
			}
			else {
				style.setFillForegroundColor(error ? IndexedColors.ROSE.getIndex() : IndexedColors.LIGHT_YELLOW.getIndex());
			}
			return style;
		});
	}

	/** Remembers a cell's style before it is highlighted, so a later round can put it back. */
	private void keepStyle(IssueCell target, CellStyle style) {
		if (styles == null) {
			styles = workbook.createSheet(STYLES_SHEET);
			workbook.setSheetVisibility(workbook.getSheetIndex(styles), SheetVisibility.VERY_HIDDEN);
		}
		Row row = styles.createRow(styles.getPhysicalNumberOfRows());
		row.createCell(0).setCellValue(target.sheet().getSheetName());
		row.createCell(1).setCellValue(target.address());
		row.createCell(2).setCellStyle(style);
	}

	/** A copy dropped in again: restores the styles and drops the comments this writer added. */
	void undoEarlierRound() {
		Sheet kept = workbook.getSheet(STYLES_SHEET);
		if (kept == null) {
			return;
		}
		for (Row row : kept) {
			Cell sheetName = row.getCell(0);
			Cell address = row.getCell(1);
			Cell style = row.getCell(2);
			if (sheetName == null || address == null || style == null) {
				continue;
			}
			Sheet sheet = workbook.getSheet(sheetName.getStringCellValue());
			if (sheet == null || !IssueCell.isAddress(address.getStringCellValue())) {
				continue;
			}
			CellReference ref = new CellReference(address.getStringCellValue());
			Row r = sheet.getRow(ref.getRow());
			Cell cell = r == null ? null : r.getCell(ref.getCol());
			if (cell != null) {
				cell.setCellStyle(style.getCellStyle());
				Comment comment = cell.getCellComment();
				if (comment != null && AnnotatedCopyWriter.AUTHOR.equals(comment.getAuthor())) {
					cell.removeCellComment();
				}
			}
		}
		workbook.removeSheetAt(workbook.getSheetIndex(kept));
	}

}
