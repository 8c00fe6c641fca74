package jp.csr.review.reviewbook;

import java.io.IOException;
import java.nio.file.Path;

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
		Path target = outputDir.resolve(fileName(data.plan().term()));
		// close() also deletes SXSSF's temp files. They are left uncompressed: with compression POI 5.5.1 closes each
		// gzip stream twice and logs a "Failed to dispose sheet" warning on every run.
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			fill(workbook, data, table);
			FileReplacement.write(target, workbook::write);
		}
		return target;
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
