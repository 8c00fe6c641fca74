package jp.csr.review.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.WorkbookOpener;
import jp.csr.review.workbook.WorkbookOpener.Submission.OverLimits;
import jp.csr.review.workbook.WorkbookOpener.Submission.Read;
import jp.csr.review.workbook.WorkbookOpener.Submission.Unopened;
import org.apache.poi.EncryptedDocumentException;

import org.springframework.core.NestedExceptionUtils;

/**
 * Opens a submission and, when it cannot be read, tells the department why: failing to open is the file's form,
 * not a bug, and what POI says decides whether it is a workbook at all.
 */
final class SubmissionOpening {

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
	 * an error saying why none can be read.
	 */
	Optional<List<Grid>> sheets(Path file, Findings findings) {
		WorkbookOpener.Submission opened = opener.submission(file, FORM_SHEETS);
		if (opened instanceof Read read) {
			return Optional.of(read.sheets());
		}
		if (opened instanceof OverLimits over) {
			findings.error(over.excess().sheet(), "", over.excess().message());
		}
		else if (opened instanceof Unopened unopened) {
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

	private static String unopened(Exception failure) {
		if (failure instanceof EncryptedDocumentException) {
			return "パスワードで保護されたブックは読み込めません。パスワードを解除して保存し直してから提出してください";
		}
		if (isZipBomb(failure)) {
			// POI's guard against zip bombs: say what it is, not just "unreadable"
			return "ブックの圧縮率が極端に高いため、安全のため読み込みません。同じ文字や行の大量の繰り返し、不要な行・列を削除して保存し直してから提出してください";
		}
		return "Excelブック (.xlsx, .xlsm, .xls) として読み込めません。Excelで開いて保存し直してから提出してください ("
				+ failure.getClass().getSimpleName() + ")";
	}

	/** POI throws its zip-bomb guard's {@code IOException} without a cause, under whatever wraps it. */
	private static boolean isZipBomb(Exception failure) {
		String message = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
		return message != null && message.contains("Zip bomb");
	}

}
