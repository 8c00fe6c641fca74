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
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.csr.review.validation.Issue;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
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

/**
 * The feedback a rejected department can act on (PRODUCT.md §3): a copy of its own workbook with each
 * offending cell filled (red for an error, yellow for a warning) and a cell comment giving the message,
 * and a first sheet 「差戻し内容」 listing every issue with a link to its cell. The department fixes that
 * copy and drops it in again; the copy keeps the template's sheet protection and input cells.
 *
 * <p>A copy dropped in again and rejected once more is cleaned before it is annotated: the earlier
 * 差戻し内容 sheet and comments go, and each highlighted cell gets its own style back, kept for that
 * purpose on a very hidden sheet (a style index would not survive Excel saving the file).
 */
public final class AnnotatedCopyWriter {

	/** The first sheet of the copy. */
	public static final String SUMMARY_SHEET = "差戻し内容";

	/** Very hidden: per highlighted cell, a cell carrying the style it had before. */
	static final String STYLES_SHEET = "差戻し_元の書式";

	/** Author of the comments this writer adds, so a later round can tell them from the department's. */
	public static final String AUTHOR = "行動計画振り返り";

	private static final Pattern A1 = Pattern.compile("[A-Z]{1,3}[1-9][0-9]*");

	private static final byte[] ERROR_FILL = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

	private static final byte[] WARNING_FILL = { (byte) 0xFF, (byte) 0xEB, (byte) 0x9C };

	/**
	 * Writes the annotated copy of {@code original} to {@code target} (through a temporary file and an
	 * atomic move); {@code original} is only read. The copy tells the department its file by the
	 * target's name, which is the name the department gave it.
	 *
	 * @return false, writing nothing, when the original cannot be opened (not a workbook, password)
	 */
	public boolean write(Path original, List<Issue> issues, Path target) throws IOException {
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
			new Annotation(workbook, target.getFileName().toString()).apply(issues);
			save(workbook, target.toAbsolutePath());
		}
		return true;
	}

	private static void save(Workbook workbook, Path target) throws IOException {
		Path dir = target.getParent();
		Files.createDirectories(dir);
		Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
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

		void apply(List<Issue> issues) {
			undoEarlierRound();
			List<Issue> ordered = new ArrayList<>(issues);
			ordered.sort(Comparator.comparing(i -> i.isError() ? 0 : 1));
			// one comment per cell, holding each of its messages
			Map<String, List<Issue>> byCell = new LinkedHashMap<>();
			for (Issue issue : ordered) {
				target(issue).ifPresent(t -> byCell.computeIfAbsent(key(t), k -> new ArrayList<>()).add(issue));
			}
			byCell.values().forEach(cellIssues -> annotate(target(cellIssues.get(0)).orElseThrow(), cellIssues));
			summary(ordered);
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
			ClientAnchor anchor = helper.createClientAnchor();
			anchor.setCol1(target.cell().getCol() + 1);
			anchor.setCol2(target.cell().getCol() + 5);
			anchor.setRow1(target.cell().getRow());
			anchor.setRow2(target.cell().getRow() + 2 + Math.min(12, text.length() / 30));
			Comment comment = drawing.createCellComment(anchor);
			comment.setString(helper.createRichTextString(text.toString()));
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

		/** The first sheet: what to do, then one row per issue with a link to its cell. */
		private void summary(List<Issue> issues) {
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

			long errors = issues.stream().filter(Issue::isError).count();
			put(sheet, 0, 0, "「" + fileName + "」は差戻しになりました (エラー " + errors + "件、警告 " + (issues.size() - errors)
					+ "件)", title);
			put(sheet, 1, 0, "赤いセルのエラーを直して、このブックを保存し、もう一度提出してください。"
					+ "黄色いセルは警告です (提出は受け付けられますが、内容を確認してください)。セルのコメントにも内容があります。", null);
			String[] labels = { "重要度", "シート", "セル", "内容" };
			for (int c = 0; c < labels.length; c++) {
				put(sheet, 3, c, labels[c], header);
			}
			int r = 4;
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
			sheet.setColumnWidth(0, 8 * 256);
			sheet.setColumnWidth(1, 14 * 256);
			sheet.setColumnWidth(2, 10 * 256);
			sheet.setColumnWidth(3, 90 * 256);
			sheet.createFreezePane(0, 4);
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
			cell.setCellValue(value);
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
