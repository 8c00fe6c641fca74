package jp.csr.review.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A file of the drop that is not checked this run, and why: its {@code scan_candidate} outcome and
 * note. None of these fails a run (PRODUCT.md §3); all but a duplicate are taken again next run,
 * since nothing of them is recorded as ingested.
 */
public record SetAside(String outcome, String note) {

	public static final String SKIPPED = "SKIPPED";

	public static final String CHANGED = "CHANGED";

	public static final String MISSING = "MISSING";

	public static final String UNREADABLE = "UNREADABLE";

	public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";

	/**
	 * The bytes were already brought: by this very file in an earlier run, by another file earlier in this
	 * drop (the oldest copy is taken), or by another file in an earlier run.
	 */
	static SetAside duplicate(Candidate c, String originalPath, long firstJobInstanceId) {
		if (originalPath.equals(c.path().toString())) {
			return new SetAside(SKIPPED, "同じ内容を取り込み済み");
		}
		return new SetAside(SKIPPED, firstJobInstanceId != c.jobInstanceId()
				? "取り込み済みの " + originalPath + " と同じ内容のため" : originalPath + " と同じ内容のため");
	}

	/** No workbook (a PDF, a Word file): listed as 対象外, neither read nor kept, and no department's concern. */
	static SetAside outOfScope() {
		return new SetAside(OUT_OF_SCOPE, "提出ブック (Excel ブック) ではないため読み込みません");
	}

	/** The bytes read by the load are not those the scan saw: the department is still writing or replaced it. */
	public static SetAside changed() {
		return new SetAside(CHANGED, "読み込み中に変更されました");
	}

	/** The file could not be read; a file that is gone is MISSING, anything else UNREADABLE. */
	public static SetAside unreadable(IOException cause) {
		if (cause instanceof NoSuchFileException) {
			return new SetAside(MISSING, "読み込む前に削除されました");
		}
		if (cause instanceof AccessDeniedException) {
			return new SetAside(UNREADABLE, "読み取り権限がありません");
		}
		String reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
				: cause.getMessage();
		return new SetAside(UNREADABLE, "読み取れません (" + cause.getClass().getSimpleName()
				+ (reason == null || reason.isBlank() ? "" : ": " + reason) + ")");
	}

}
