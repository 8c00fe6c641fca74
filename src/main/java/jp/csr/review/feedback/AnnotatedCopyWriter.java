package jp.csr.review.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.csr.review.validation.Issue;
import jp.csr.review.workbook.WorkbookLimits;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * The feedback a rejected department can act on (PRODUCT.md §3): a copy of its own workbook with each
 * offending cell filled (red for an error, yellow for a warning) and a cell comment giving the message,
 * and a first sheet 「差戻し内容」 listing the issues with a link to each cell. The department fixes that
 * copy and drops it in again; the copy keeps the template's sheet protection and input cells.
 *
 * <p>Bounded whatever the file: the first {@value #MAX_SHOWN} issues are highlighted and listed, the rest
 * counted; a workbook over {@link WorkbookLimits} is not opened at all, and its copy holds only the list.
 * Everything taken from a submission is written as text, never as a formula.
 *
 * <p>A copy dropped in again and rejected once more is cleaned before it is annotated: the earlier
 * 差戻し内容 sheet and comments go, and each highlighted cell gets its own style back, kept for that
 * purpose on a very hidden sheet (a style index would not survive Excel saving the file).
 */
public final class AnnotatedCopyWriter {

	/** The first sheet of the copy. */
	private static final Logger log = LoggerFactory.getLogger(AnnotatedCopyWriter.class);

	public static final String SUMMARY_SHEET = "差戻し内容";

	/** Very hidden: per highlighted cell, a cell carrying the style it had before. */
	static final String STYLES_SHEET = "差戻し_元の書式";

	/** Author of the comments this writer adds, so a later round can tell them from the department's. */
	public static final String AUTHOR = "行動計画振り返り";

	private static final Pattern A1 = Pattern.compile("[A-Z]{1,3}[1-9][0-9]*");

	private static final byte[] ERROR_FILL = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

	private static final byte[] WARNING_FILL = { (byte) 0xFF, (byte) 0xEB, (byte) 0x9C };

	/** What the department does with the copy. */
	static final String FIX_THIS_COPY = "赤いセルのエラーを直して、このブックを保存し、もう一度提出してください。"
			+ "黄色いセルは警告です (提出は受け付けられますが、内容を確認してください)。セルのコメントにも内容があります。";

	/** The copy of a file too large to open holds only the list, and says why. */
	static final String NOT_ANNOTATED = "このファイルは大きすぎるため、元のブックに色とコメントを付けた写しを作れませんでした。"
			+ "下の一覧を見て元のファイルを直し、保存し直してから提出してください。";

	static final String CANNOT_ANNOTATE = "このファイルには色とコメントを付けられなかったため、問題の一覧のみを記載しています。"
			+ "下の一覧を見て元のファイルを直し、保存し直してから提出してください。";

	/** Issues a copy shows, highlighted and listed; the rest are counted in one 「…ほか N件」 row. */
	public static final int MAX_SHOWN = 200;

	/** How many errors and warnings a file has in all, when the list given is only the first of them. */
	public record Tally(long errors, long warnings) {

		static Tally of(List<Issue> issues) {
			long errors = issues.stream().filter(Issue::isError).count();
			return new Tally(errors, issues.size() - errors);
		}

		long total() {
			return errors + warnings;
		}

	}

	/**
	 * Writes the annotated copy of {@code original} to {@code target} (through a temporary file and a move);
	 * {@code original} is only read. The copy tells the department its file by the target's name, which is
	 * the name the department gave it. At most {@value #MAX_SHOWN} issues are shown.
	 *
	 * @return false, writing nothing, when the original cannot be opened (not a workbook, password)
	 */
	public boolean write(Path original, List<Issue> issues, Path target) throws IOException {
		return write(original, issues, Tally.of(issues), target);
	}

	/**
	 * As {@link #write(Path, List, Path)}, for a file whose issues are more than the ones given: {@code tally}
	 * counts them all.
	 */
	public boolean write(Path original, List<Issue> issues, Tally tally, Path target) throws IOException {
		List<Issue> ordered = new ArrayList<>(issues);
		ordered.sort(Comparator.comparing(i -> i.isError() ? 0 : 1));
		List<Issue> shown = ordered.subList(0, Math.min(MAX_SHOWN, ordered.size()));
		long more = Math.max(0, Math.max(tally.total(), ordered.size()) - shown.size());
		String fileName = target.getFileName().toString();
		// a sheet filled down to the last row would take the usermodel minutes and gigabytes to open
		Optional<WorkbookLimits.Excess> excess = WorkbookLimits.check(original);
		if (excess.isPresent()) {
			listOnly(target, shown, tally, more, List.of(NOT_ANNOTATED, excess.get().message()));
			return true;
		}
		Workbook workbook;
		try (InputStream in = Files.newInputStream(original)) {
			workbook = WorkbookFactory.create(in);
		}
		catch (IOException | RuntimeException ex) {
			// not a workbook, or password-protected (EncryptedDocumentException): nothing to annotate
			return false;
		}
		try (workbook) {
			// the original is the store's copy, named by its SHA-256: the department knows the target's name
			new Annotation(workbook, fileName).apply(shown, tally, more);
			save(workbook, target.toAbsolutePath());
		}
		catch (RuntimeException ex) {
			// a workbook POI opens but cannot rework (a broken active-sheet index, say): the department still
			// gets the list of what to fix
			log.warn("{} に注記を書き込めないため、問題の一覧のみの写しを作ります", fileName, ex);
			listOnly(target, shown, tally, more, List.of(CANNOT_ANNOTATE));
		}
		return true;
	}

	/** A copy holding only 差戻し内容, for a file that cannot be annotated. */
	private static void listOnly(Path target, List<Issue> shown, Tally tally, long more, List<String> notes)
			throws IOException {
		String fileName = target.getFileName().toString();
		String lower = fileName.toLowerCase(Locale.ROOT);
		try (Workbook list = lower.endsWith(".xls") ? new HSSFWorkbook()
				: new XSSFWorkbook(lower.endsWith(".xlsm") ? XSSFWorkbookType.XLSM : XSSFWorkbookType.XLSX)) {
			new Annotation(list, fileName).summary(shown, tally, more, notes);
			save(list, target.toAbsolutePath());
		}
	}

	/**
	 * Written beside the target under a short name of fixed length (a long original name must still fit the
	 * file system's name limit), then moved into place: nobody sees half a copy.
	 */
	private static void save(Workbook workbook, Path target) throws IOException {
		Path dir = target.getParent();
		Files.createDirectories(dir);
		Path temp = dir.resolve(".annotated-" + UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
				workbook.write(out);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Excel's cell limit: POI throws on a longer text, and a message may quote a long cell. */
	static String fit(String text) {
		int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
		if (text == null || text.length() <= max) {
			return text;
		}
		String mark = "…(以下省略)";
		int keep = max - mark.length();
		if (Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + mark;
	}

	/** The cell an issue names, when it names one that exists in the workbook's sheets. */
	record Target(Sheet sheet, CellReference cell) {
	}

	/** One workbook being annotated. */
	private static final class Annotation {

		private final Workbook workbook;

		private final String fileName;

		private final CreationHelper helper;

		private final Map<String, CellStyle> highlighted = new HashMap<>();

		private Sheet styles;

		Annotation(Workbook workbook, String fileName) {
			this.workbook = workbook;
			this.fileName = fileName;
			this.helper = workbook.getCreationHelper();
		}

		/** @param shown the issues to highlight and list, errors first, at most {@value #MAX_SHOWN} */
		void apply(List<Issue> shown, Tally tally, long more) {
			undoEarlierRound();
			// one comment per cell, holding each of its messages
			Map<String, List<Issue>> byCell = new LinkedHashMap<>();
			for (Issue issue : shown) {
				target(issue).ifPresent(t -> byCell.computeIfAbsent(key(t), k -> new ArrayList<>()).add(issue));
			}
			byCell.values().forEach(cellIssues -> annotate(target(cellIssues.get(0)).orElseThrow(), cellIssues));
			summary(shown, tally, more, List.of(FIX_THIS_COPY));
		}

		private static String key(Target t) {
			return t.sheet().getSheetName() + "!" + t.cell().formatAsString(false);
		}

		private Optional<Target> target(Issue issue) {
			if (issue.sheet().isEmpty() || !A1.matcher(issue.cell()).matches()) {
				return Optional.empty();
			}
			Sheet sheet = workbook.getSheet(issue.sheet());
			CellReference ref = new CellReference(issue.cell());
			SpreadsheetVersion version = workbook.getSpreadsheetVersion();
			if (sheet == null || ref.getRow() > version.getLastRowIndex() || ref.getCol() > version.getLastColumnIndex()) {
				return Optional.empty();
			}
			return Optional.of(new Target(sheet, ref));
		}

		private void annotate(Target target, List<Issue> issues) {
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
				text.append(text.isEmpty() ? "" : "\n").append("【").append(issue.severity().label()).append("】")
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
			comment.setString(helper.createRichTextString(fit(text.toString())));
			comment.setAuthor(AUTHOR);
			cell.setCellComment(comment);
		}

		/** The cell's own style with a solid fill; one clone per style and colour. */
		private CellStyle highlight(CellStyle base, boolean error) {
			return highlighted.computeIfAbsent(base.getIndex() + (error ? "E" : "W"), k -> {
				CellStyle style = workbook.createCellStyle();
				style.cloneStyleFrom(base);
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
				if (style instanceof XSSFCellStyle xssf) {
					xssf.setFillForegroundColor(new XSSFColor(error ? ERROR_FILL : WARNING_FILL, null));
				}
				else {
					style.setFillForegroundColor(error ? IndexedColors.ROSE.getIndex() : IndexedColors.LIGHT_YELLOW.getIndex());
				}
				return style;
			});
		}

		/** Remembers a cell's style before it is highlighted, so a later round can put it back. */
		private void keepStyle(Target target, CellStyle style) {
			if (styles == null) {
				styles = workbook.createSheet(STYLES_SHEET);
				workbook.setSheetVisibility(workbook.getSheetIndex(styles), SheetVisibility.VERY_HIDDEN);
			}
			Row row = styles.createRow(styles.getPhysicalNumberOfRows());
			row.createCell(0).setCellValue(target.sheet().getSheetName());
			row.createCell(1).setCellValue(target.cell().formatAsString(false));
			row.createCell(2).setCellStyle(style);
		}

		/** A copy dropped in again: restore the styles, drop the earlier comments and summary. */
		private void undoEarlierRound() {
			Sheet kept = workbook.getSheet(STYLES_SHEET);
			if (kept != null) {
				for (Row row : kept) {
					Cell sheetName = row.getCell(0);
					Cell address = row.getCell(1);
					Cell style = row.getCell(2);
					if (sheetName == null || address == null || style == null) {
						continue;
					}
					Sheet sheet = workbook.getSheet(sheetName.getStringCellValue());
					if (sheet == null || !A1.matcher(address.getStringCellValue()).matches()) {
						continue;
					}
					CellReference ref = new CellReference(address.getStringCellValue());
					Row r = sheet.getRow(ref.getRow());
					Cell cell = r == null ? null : r.getCell(ref.getCol());
					if (cell != null) {
						cell.setCellStyle(style.getCellStyle());
						Comment comment = cell.getCellComment();
						if (comment != null && AUTHOR.equals(comment.getAuthor())) {
							cell.removeCellComment();
						}
					}
				}
				workbook.removeSheetAt(workbook.getSheetIndex(kept));
			}
			int summary = workbook.getSheetIndex(SUMMARY_SHEET);
			if (summary >= 0) {
				workbook.removeSheetAt(summary);
			}
		}

		/**
		 * The first sheet: what to do, then one row per issue shown with a link to its cell, then how many
		 * more there are.
		 */
		void summary(List<Issue> issues, Tally tally, long more, List<String> notes) {
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

			put(sheet, 0, 0, "「" + fileName + "」は差戻しになりました (エラー " + String.format("%,d", tally.errors())
					+ "件、警告 " + String.format("%,d", tally.warnings()) + "件)", title);
			int r = 1;
			for (String note : notes) {
				put(sheet, r++, 0, note, null);
			}
			r++;
			String[] labels = { "重要度", "シート", "セル", "内容" };
			for (int c = 0; c < labels.length; c++) {
				put(sheet, r, c, labels[c], header);
			}
			int firstRow = ++r;
			for (Issue issue : issues) {
				put(sheet, r, 0, issue.severity().label(), top);
				put(sheet, r, 1, issue.sheet(), top);
				Cell where = put(sheet, r, 2, issue.cell(), top);
				put(sheet, r, 3, issue.message(), wrap);
				link(issue).ifPresent(address -> {
					Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
					hyperlink.setAddress(address);
					where.setHyperlink(hyperlink);
					where.setCellStyle(link);
					if (where.getStringCellValue().isEmpty()) {
						where.setCellValue("シートへ");
					}
				});
				r++;
			}
			if (more > 0) {
				put(sheet, r, 0, String.format("…ほか %,d件", more), top);
				put(sheet, r, 3, "最初の" + MAX_SHOWN + "件だけを表示しています。これらを直して提出すると、残りも次の差戻しでお知らせします。",
						wrap);
			}
			sheet.setColumnWidth(0, 8 * 256);
			sheet.setColumnWidth(1, 14 * 256);
			sheet.setColumnWidth(2, 10 * 256);
			sheet.setColumnWidth(3, 90 * 256);
			sheet.createFreezePane(0, firstRow);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
		}

		/** {@code 'KPI'!F7}, or the sheet's A1 when the issue names a sheet of the workbook but no cell. */
		private Optional<String> link(Issue issue) {
			if (issue.sheet().isEmpty() || workbook.getSheet(issue.sheet()) == null) {
				return Optional.empty();
			}
			String cell = target(issue).map(t -> t.cell().formatAsString(false)).orElse("A1");
			return Optional.of("'" + issue.sheet().replace("'", "''") + "'!" + cell);
		}

		private static Cell put(Sheet sheet, int r, int c, String value, CellStyle style) {
			Row row = sheet.getRow(r);
			if (row == null) {
				row = sheet.createRow(r);
			}
			Cell cell = row.createCell(c);
			// setCellValue(String) never parses: a message quoting 「=HYPERLINK(…)」 stays text
			cell.setCellValue(fit(value));
			if (style != null) {
				cell.setCellStyle(style);
			}
			return cell;
		}

	}

	/** Whether a cell of a copy is highlighted as an error (red) rather than a warning (yellow). */
	public static boolean isErrorFill(CellStyle style) {
		if (style instanceof XSSFCellStyle xssf && xssf.getFillForegroundXSSFColor() != null) {
			return java.util.Arrays.equals(xssf.getFillForegroundXSSFColor().getRGB(), ERROR_FILL);
		}
		return style.getFillForegroundColor() == IndexedColors.ROSE.getIndex();
	}

}
