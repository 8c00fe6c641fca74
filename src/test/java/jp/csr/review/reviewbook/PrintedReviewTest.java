package jp.csr.review.reviewbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.Highlight;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The review workbook as a spreadsheet application prints it: the pages the review decided, on one paper. */
class PrintedReviewTest {

	private static final String RESPONSIBLE = "責任ある企業活動の実施";

	private static final String SECURITY = "情報セキュリティ体制の構築";

	private static final String COMPLIANCE = "コンプライアンス・リスクマネジメント経営の推進";

	@TempDir
	Path out;

	@Test
	void everyPrintedPageOfTheReviewShowsItsMateriality() throws IOException {
		try (XSSFWorkbook workbook = open(new ReviewWorkbookWriter().write(twoPages(), out))) {
			Sheet sheet = workbook.getSheet("振り返り");
			// as POI reads them, row breaks are the (0-based) rows that end a page
			int[] breaks = sheet.getRowBreaks();
			assertThat(breaks).as("the long highlight pushes the second commitment onto page 2").containsExactly(4);

			for (CellRangeAddress region : sheet.getMergedRegions()) {
				for (int brk : breaks) {
					assertThat(region.getFirstRow() <= brk && brk < region.getLastRow())
						.as("%s is cut by the page break below row %d", region.formatAsString(), brk + 1)
						.isFalse();
				}
			}
			assertThat(sheet.getMergedRegions()).map(CellRangeAddress::formatAsString).contains("A3:A5", "A6:A7");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(RESPONSIBLE);
			assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).as("the first row of page 2").isEqualTo(RESPONSIBLE);
			assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo(COMPLIANCE);
		}
	}

	@Test
	void everySheetOfTheReviewPrintsOnA3Landscape() throws IOException {
		try (XSSFWorkbook workbook = open(new ReviewWorkbookWriter().write(twoPages(), out))) {
			assertThat(workbook.getNumberOfSheets()).isGreaterThanOrEqualTo(5);
			for (Sheet sheet : workbook) {
				PrintSetup print = sheet.getPrintSetup();
				assertThat(print.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A3_PAPERSIZE);
				assertThat(print.getLandscape()).as(sheet.getSheetName()).isTrue();
			}
		}
	}

	/** The writer's test data with a highlight of about 600 points: the next commitment no longer fits page 1. */
	private static ReviewData twoPages() {
		ReviewData base = ReviewWorkbookWriterTest.data(List.of());
		Map<String, List<Highlight>> highlights = new LinkedHashMap<>(base.highlights());
		highlights.put(SECURITY, List.of(new Highlight("D01", varied(1330), null)));
		return new ReviewData(base.plan(), base.kpis(), base.initiatives(), highlights, base.departments(),
				base.issues());
	}

	/** Kanji that do not repeat: a long run of one character compresses so well that POI takes it for a zip bomb. */
	private static String varied(int length) {
		StringBuilder text = new StringBuilder(length);
		long x = 7;
		for (int i = 0; i < length; i++) {
			x = x * 6364136223846793005L + 1442695040888963407L;
			text.append((char) (0x4E00 + (int) ((x >>> 33) % 20_000)));
		}
		return text.toString();
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

}
