package jp.csr.review.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.workbook.FileFormat;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.Text;
import jp.csr.review.workbook.WorkbookOpener;
import jp.csr.review.workbook.WorkbookOpener.Submission.OverLimits;
import jp.csr.review.workbook.WorkbookOpener.Submission.Read;
import jp.csr.review.workbook.WorkbookOpener.Submission.Unopened;
import jp.csr.review.workbook.WorkbookOpener.Submission.Unsupported;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.xssf.XLSBUnsupportedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;

/**
 * Opens a submission and, when it cannot be read, tells the department what its file is and what to save it as:
 * failing to open is the file's form, not a bug. What a reader threw goes to the log, never to the department.
 */
final class SubmissionOpening {

	private static final Logger log = LoggerFactory.getLogger(SubmissionOpening.class);


	static final String SAVE_AS = "Excelで開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してから提出してください";

	private static final String PASSWORD = "パスワードで保護されたブックは読み込めません。パスワードを解除して保存し直してから提出してください";

	private static final String OLD_EXCEL = "Excel 95 以前の形式のブックは読み込めません。" + SAVE_AS;

	private static final String TRUNCATED = "ファイルが途中で切れているか壊れています (コピーや保存が最後まで終わっていない可能性があります)。"
			+ "元のブックを" + SAVE_AS;

	private final WorkbookOpener opener;

	SubmissionOpening(WorkbookOpener opener) {
		this.opener = opener;
	}

	/**
	 * PRODUCT.md §3 v3: the sheets the product reads, by their normalised names. Only they are parsed and held to the
	 * size limits: a sheet of the department's own (raw data pasted as evidence) is left alone.
	 */
	static final Predicate<String> FORM_SHEETS = List.of(SubmissionFormat.COVER, SubmissionFormat.KPI,
			SubmissionFormat.INITIATIVES, SubmissionFormat.HIGHLIGHTS)::contains;

	/**
	 * Every sheet of the file, the form's read and the others by name alone ({@link #FORM_SHEETS}), or empty with
	 * an error saying why none can be read. A workbook whose sheet names show it holds none of the form's sheets
	 * gives no sheets without its cells being read: the answer (each sheet missing) is the same, in a moment instead
	 * of the seconds a large {@code .xls} takes to open.
	 */
	Optional<List<Grid>> sheets(Path file, String name, Findings findings) {
		Optional<List<String>> names = opener.sheetNames(file);
		if (names.isPresent() && names.get().stream().map(Text::normalize).noneMatch(FORM_SHEETS)) {
			return Optional.of(List.of());
		}
		WorkbookOpener.Submission opened = opener.submission(file, FORM_SHEETS);
		if (opened instanceof Read read) {
			return Optional.of(read.sheets());
		}
		if (opened instanceof OverLimits over) {
			findings.error(over.excess().sheet(), "", over.excess().message());
		}
		else if (opened instanceof Unsupported unsupported) {
			findings.error("", "", unsupported(unsupported.format()));
		}
		else if (opened instanceof Unopened unopened) {
			log.debug("{}: 読み込めないファイル ({})", name, unopened.failure().toString());
			findings.error("", "", unopened(unopened.failure()));
		}
		return Optional.empty();
	}

	/**
	 * The 表紙 alone, of a file whose sheets could not all be read (another of the form's sheets over the limits): its
	 * 部署コード still says whose the rejected file is.
	 */
	Optional<Grid> cover(Path file) {
		if (opener.submission(file, SubmissionFormat.COVER::equals) instanceof Read read) {
			List<Grid> covers = Grid.allNamed(read.sheets(), SubmissionFormat.COVER);
			return covers.size() == 1 ? Optional.of(covers.get(0)) : Optional.empty();
		}
		return Optional.empty();
	}


	/** What the file is, and what to save it as. */
	static String unsupported(FileFormat format) {
		return switch (format) {
			case ENCRYPTED_ODS -> PASSWORD;
			case XLSB -> "Excel バイナリ ブック (.xlsb) は読み込めません。" + SAVE_AS;
			case STRICT_OOXML -> "Strict Open XML 形式のブックは読み込めません。" + SAVE_AS;
			case OLD_EXCEL -> OLD_EXCEL;
			case NUMBERS -> "Numbers のファイルは読み込めません。Numbersの「ファイル」→「書き出す」→「Excel」で .xlsx に書き出すか、"
					+ "配布された様式のブックに入力し、「Excel ブック (*.xlsx)」で保存してから提出してください";
			case CSV -> "CSV ファイルは読み込めません (シートがありません)。配布された様式のブックに入力し、"
					+ "「Excel ブック (*.xlsx)」で保存してから提出してください";
			case EMPTY -> "空のファイル (0 バイト) です。保存やコピーが最後まで終わっているか確かめ、" + SAVE_AS;
			case TRUNCATED -> TRUNCATED;
			case PDF -> notAWorkbook("PDF");
			case WORD -> notAWorkbook("Word 文書");
			case HTML -> notAWorkbook("Web ページ (HTML)");
			case OOXML, OLE2, ODS, OTHER -> notAWorkbook(null);
		};
	}

	private static String notAWorkbook(String what) {
		return "ブックではありません" + (what == null ? "" : " (中身は" + what + "です)")
				+ "。配布された様式のブックに入力し、「Excel ブック (*.xlsx)」で保存してから提出してください";
	}

	/** Why a reader could not open a file of a format it reads. */
	private static String unopened(Exception failure) {
		if (failure instanceof EncryptedDocumentException) {
			return PASSWORD;
		}
		if (isZipBomb(failure)) {
			// POI's guard against zip bombs: say what it is, not just "unreadable"
			return "ブックの圧縮率が極端に高いため、安全のため読み込みません。同じ文字や行の大量の繰り返し、不要な行・列を削除して保存し直してから提出してください";
		}
		if (failure instanceof OldExcelFormatException) {
			return OLD_EXCEL;
		}
		if (failure instanceof XLSBUnsupportedException) {
			return unsupported(FileFormat.XLSB);
		}
		if (failure instanceof EmptyFileException) {
			return unsupported(FileFormat.EMPTY);
		}
		// a record or a part that ends early or points past the end: the file was cut or damaged
		return TRUNCATED;
	}

	/** POI throws its zip-bomb guard's {@code IOException} without a cause, under whatever wraps it. */
	private static boolean isZipBomb(Exception failure) {
		String message = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
		return message != null && message.contains("Zip bomb");
	}

}
