package jp.csr.review.reviewpdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Calendar;

import jp.csr.review.content.Medium;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.workbook.FileReplacement;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code <期>期_行動計画振り返り.pdf} (PRODUCT.md §6) beside the workbook: 振り返り as published
 * ({@link PdfTable}), its Japanese text in the chosen font ({@link JapaneseFont}), embedded and subsetted, so
 * the text is selectable and searchable. Like the workbook, written beside its final name and renamed into
 * place.
 */
public final class ReviewPdf {

	private static final Logger log = LoggerFactory.getLogger(ReviewPdf.class);

	/** What PDFBox keeps of finished pages in memory before it moves them to a scratch file. */
	private static final long MEMORY = 16L * 1024 * 1024;

	public static String fileName(int term) {
		return ReviewTable.fileStem(term) + ".pdf";
	}

	/** The PDF of a review workbook: the same name, {@code .pdf}. */
	public static Path beside(Path review) {
		return review.resolveSibling(beside(review.getFileName().toString()));
	}

	private static String beside(String workbook) {
		return workbook.replaceFirst("\\.xlsx$", "") + ".pdf";
	}

	/** @return the written PDF, {@link #fileName} in {@code outputDir} */
	public Path write(ReviewData data, Path outputDir, JapaneseFont.Choice font) throws IOException {
		return write(ReviewTable.of(data, Medium.PRINT), outputDir.resolve(fileName(data.plan().term())), font);
	}

	/**
	 * @param table 振り返り, made once for every format of the review, its words those of {@link Medium#PRINT}
	 * @return the written PDF, {@code target}
	 */
	public Path write(ReviewTable table, Path target, JapaneseFont.Choice font) throws IOException {
		long start = System.nanoTime();
		// the font file stays open until the document is saved: subsetting reads its glyphs then
		try (JapaneseFont.Opened opened = JapaneseFont.open(font);
				PDDocument document = new PDDocument(MemoryUsageSetting.setupMixed(MEMORY).streamCache)) {
			// Horizontal Japanese needs none of the font's substitutions (vertical forms, Latin ligatures), and
			// PDFBox applies them per shown string with regular expressions: 90% of the PDF's time at 2,000
			// departments, for identical output
			opened.font.setEnableGsub(false);
			PDType0Font type0 = PDType0Font.load(document, opened.font, true);
			int pages = new PdfTable(document, type0, table).write();
			describe(document, table.title());
			FileReplacement.write(target, out -> {
				BufferedOutputStream buffered = new BufferedOutputStream(out);
				document.save(buffered);
				buffered.flush();
			});
			log.debug("PDF: {} pages, {} ms", pages, (System.nanoTime() - start) / 1_000_000);
		}
		return target;
	}

	/** A viewer's window and a search index show the review's title, in Japanese. */
	private static void describe(PDDocument document, String title) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setCreator("行動計画振り返り");
		info.setCreationDate(Calendar.getInstance());
		document.getDocumentCatalog().setLanguage("ja-JP");
		PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
		preferences.setDisplayDocTitle(true);
		document.getDocumentCatalog().setViewerPreferences(preferences);
	}

}
