package jp.csr.review.reviewbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.workbook.FileReplacement;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the review workbook (PRODUCT.md §6), {@code <期>期_行動計画振り返り.xlsx}.
 *
 * <p>Streams through SXSSF, so memory stays flat however many issues the run found. The workbook is written
 * beside its final name and moved into place in one step: whoever opens the review (a person, a share
 * indexer, the next run) sees the previous complete file or the new complete file, never half of one.
 */
public final class ReviewWorkbookWriter {

	/** Rows SXSSF keeps in memory per sheet before flushing to its temp file. */
	private static final int WINDOW = 200;

	public static String fileName(int term) {
		return ReviewTable.fileStem(term) + ".xlsx";
	}

	/** @return the written workbook */
	public Path write(ReviewData data, Path outputDir) throws IOException {
		return write(data, ReviewTable.of(data), outputDir);
	}

	/**
	 * @param table 振り返り, made from {@code data} once for every format of the review
	 * @return the written workbook
	 */
	public Path write(ReviewData data, ReviewTable table, Path outputDir) throws IOException {
		Files.createDirectories(outputDir);
		Path target = outputDir.resolve(fileName(data.plan().term()));
		// Same directory as the target, so the move is a rename on one file system and can be atomic; a short
		// name of fixed length, so it never outgrows the file system's name limit. Created as any new file is
		// (0666 less the umask), not by createTempFile (0600): the rename keeps the mode, and the review is for
		// whoever the output folder is shared with.
		Path temp = outputDir.resolve(".review-" + UUID.randomUUID() + ".tmp");
		try {
			// close() also deletes SXSSF's temp files. They are left uncompressed: with compression POI 5.5.1
			// closes each gzip stream twice and logs a "Failed to dispose sheet" warning on every run.
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
				fill(workbook, data, table);
				try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
					workbook.write(out);
				}
			}
			return FileReplacement.moveIntoPlace(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void fill(SXSSFWorkbook workbook, ReviewData data, ReviewTable table) {
		Styles styles = new Styles(workbook);
		// 検証結果 comes last, so it can list every cut the sheets before it made (PRODUCT.md §6).
		Cuts cuts = new Cuts();
		new ReviewSheet(table, styles, cuts).write(workbook);
		new KpiSheet(data, styles, cuts).write(workbook);
		new SummarySheet(data, styles, cuts).write(workbook);
		if (data.previous() != null) {
			new ComparisonSheet(data, styles, cuts).write(workbook);
		}
		new SubmissionSheet(data, styles, cuts).write(workbook);
		new IssueSheet(data, styles, cuts).write(workbook);
		workbook.setActiveSheet(0);
	}

}
