package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jp.csr.review.validation.Issue;
import jp.csr.review.workbook.FileReplacement;
import jp.csr.review.workbook.WorkbookLimits;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(AnnotatedCopyWriter.class);

	/** The first sheet of the copy. */
	public static final String SUMMARY_SHEET = "差戻し内容";

	/** Author of the comments this writer adds, so a later round can tell them from the department's. */
	public static final String AUTHOR = "行動計画振り返り";

	/** What the department does with the copy. */
	static final String FIX_THIS_COPY = "赤いセルのエラーを直して、このブックを保存し、もう一度提出してください。"
			+ "黄色いセルは警告です (提出は受け付けられますが、内容を確認してください)。セルのコメントにも内容があります。";

	/** The copy of a file too large to open holds only the list, and says why. */
	static final String NOT_ANNOTATED = "このファイルは大きすぎるため、元のブックに色とコメントを付けた写しを作れませんでした。"
			+ "下の一覧を見て元のファイルを直し、保存し直してから提出してください。";

	static final String CANNOT_ANNOTATE = "このファイルには色とコメントを付けられなかったため、問題の一覧のみを記載しています。"
			+ "下の一覧を見て元のファイルを直し、保存し直してから提出してください。";

	/** The copy of an OpenDocument spreadsheet is an Excel workbook holding only the list, and says why. */
	static final String ODS_LISTED = "元のファイルは LibreOffice の .ods 形式のため、色とコメントを付けた写しは作れません。"
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
		List<String> listOnly;
		try {
			listOnly = annotated(original, fileName, shown, tally, more, target);
		}
		catch (OutOfMemoryError | StackOverflowError ex) {
			// contained to this file: what filled the heap or the stack was this workbook, garbage once annotated()
			// is left, and the department still gets the list of what to fix
			log.warn("{} を開くと {} になるため、問題の一覧のみの写しを作ります", fileName, ex.toString());
			listOnly = List.of(CANNOT_ANNOTATE);
		}
		if (listOnly == null) {
			return false;
		}
		if (!listOnly.isEmpty()) {
			listOnly(target, shown, tally, more, listOnly);
		}
		return true;
	}

	/**
	 * Writes the annotated copy when the original can be opened and reworked.
	 *
	 * @return nothing when written; else what the list-only copy says about why it is only a list; null when the
	 *         original is no workbook or password-protected (EncryptedDocumentException): nothing to annotate
	 */
	private static List<String> annotated(Path original, String fileName, List<Issue> shown, Tally tally, long more,
			Path target) throws IOException {
		WorkbookOpener.Editable editable = WorkbookOpener.editable(original);
		if (editable instanceof WorkbookOpener.Editable.OverLimits over) {
			return List.of(NOT_ANNOTATED, over.excess().message());
		}
		if (editable instanceof WorkbookOpener.Editable.Foreign) {
			return List.of(ODS_LISTED);
		}
		if (!(editable instanceof WorkbookOpener.Editable.Opened opened)) {
			return null;
		}
		try (Workbook workbook = opened.workbook()) {
			// the original is the store's copy, named by its SHA-256: the department knows the target's name
			annotate(workbook, fileName, shown, tally, more);
			save(workbook, target.toAbsolutePath());
			return List.of();
		}
		catch (RuntimeException ex) {
			// a workbook POI opens but cannot rework (a broken active-sheet index, say): the department still
			// gets the list of what to fix
			log.warn("{} に注記を書き込めないため、問題の一覧のみの写しを作ります", fileName, ex);
			return List.of(CANNOT_ANNOTATE);
		}
	}

	/** A copy holding only 差戻し内容, for a file that cannot be annotated. */
	private static void listOnly(Path target, List<Issue> shown, Tally tally, long more, List<String> notes)
			throws IOException {
		String fileName = target.getFileName().toString();
		String lower = fileName.toLowerCase(Locale.ROOT);
		try (Workbook list = lower.endsWith(".xls") ? new HSSFWorkbook()
				: new XSSFWorkbook(lower.endsWith(".xlsm") ? XSSFWorkbookType.XLSM : XSSFWorkbookType.XLSX)) {
			new IssueListSheet(list, fileName).write(shown, tally, more, notes);
			save(list, target.toAbsolutePath());
		}
	}

	/** @param shown the issues to mark and list, errors first, at most {@value #MAX_SHOWN} */
	private static void annotate(Workbook workbook, String fileName, List<Issue> shown, Tally tally, long more) {
		CellMarks marks = new CellMarks(workbook);
		IssueListSheet list = new IssueListSheet(workbook, fileName);
		marks.undoEarlierRound();
		list.removeEarlier();
		marks.mark(shown);
		list.write(shown, tally, more, List.of(FIX_THIS_COPY));
		if (workbook instanceof XSSFWorkbook xssf) {
			OpaqueColors.repair(xssf);
		}
	}

	/** Through {@link FileReplacement}: nobody sees half a copy, and a long original name still fits. */
	private static void save(Workbook workbook, Path target) throws IOException {
		FileReplacement.write(target, workbook::write);
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

	/** Whether a cell of a copy is highlighted as an error (red) rather than a warning (yellow). */
	public static boolean isErrorFill(CellStyle style) {
		return CellMarks.isErrorFill(style);
	}

}
