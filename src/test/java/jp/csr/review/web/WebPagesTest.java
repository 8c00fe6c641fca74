package jp.csr.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.SampleFolders;
import jp.csr.review.sample.SampleWorkbooks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real job on the bundled sample, with markup in a highlight and one department's newer file rejected: the
 * review's web page and the status board, read by a parser and shown in a real browser (PRODUCT.md §12).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesTest {

	static final Path ROOT = SampleFolders.copy("web-pages");

	static final Path OUTPUT = ROOT.resolve("output");

	static final String HOSTILE = "広告の取り組み<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\"></table>";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	Path page;

	Path board;

	@BeforeAll
	void run() throws Exception {
		Path ad = ROOT.resolve("input/53期_AD_広告審査部.xlsx");
		try (XSSFWorkbook workbook = open(ad)) {
			for (Row row : workbook.getSheet("ハイライト")) {
				if (row.getRowNum() > 0) {
					row.getCell(1).setCellValue(HOSTILE);
				}
			}
			save(workbook, ad, SampleFolders.RECEIVED);
		}
		// ISEC sends a newer file with a count that is not one: rejected, its accepted file stays in use
		try (XSSFWorkbook workbook = SampleWorkbooks.filled("ISEC")) {
			for (Row row : workbook.getSheet("KPI")) {
				if ("K01".equals(row.getCell(0).getStringCellValue())) {
					row.getCell(5).setCellValue("たくさん");
				}
			}
			save(workbook, ROOT.resolve("input/ISEC/53期_ISEC_再提出 #2.xlsx"), SampleFolders.RECEIVED.plusSeconds(3600));
		}
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		page = OUTPUT.resolve("53期_行動計画振り返り.html");
		board = OUTPUT.resolve("index.html");
	}

	@Test
	void thePageShowsTheReviewWorkbooksTableCellByCellSpansIncluded() throws IOException {
		Element table = Jsoup.parse(page.toFile()).selectFirst("table.review");
		try (XSSFWorkbook workbook = open(OUTPUT.resolve("53期_行動計画振り返り.xlsx"))) {
			assertThat(Tables.of(table))
				.isEqualTo(Tables.of(workbook.getSheet("振り返り"), table.select("tbody > tr").size()));
		}
		assertThat(table.select("tbody > tr")).hasSize(25);
		assertThat(table.select("thead th[scope=col]")).hasSize(7);
	}

	@Test
	void aHighlightHoldingMarkupShowsAsTextOnThePage() throws IOException {
		Document html = Jsoup.parse(page.toFile());
		assertThat(html.select("script, img")).isEmpty();
		assertThat(html.select("table")).hasSize(1);
		assertThat(html.select("table.review td").eachText()).anyMatch(t -> t.contains(HOSTILE));
	}

	@Test
	void theBoardShowsEachDepartmentItsOpenIssuesAndLinksOnlyToFilesThatExist() throws IOException {
		Document html = Jsoup.parse(board.toFile());
		List<String> hrefs = html.select("a[href]").eachAttr("href");
		assertThat(hrefs).contains("53%E6%9C%9F_%E8%A1%8C%E5%8B%95%E8%A8%88%E7%94%BB%E6%8C%AF%E3%82%8A%E8%BF%94%E3%82%8A.xlsx",
				"53%E6%9C%9F_%E8%A1%8C%E5%8B%95%E8%A8%88%E7%94%BB%E6%8C%AF%E3%82%8A%E8%BF%94%E3%82%8A.html");
		for (String href : hrefs) {
			assertThat(OUTPUT.resolve(URLDecoder.decode(href, StandardCharsets.UTF_8))).as(href).isRegularFile();
		}
		Element isec = html.select("table.departments tbody tr").stream()
			.filter(row -> row.child(0).text().equals("ISEC"))
			.findFirst()
			.orElseThrow();
		assertThat(isec.select("td[data-label=状態]").text()).isEqualTo("差戻し");
		assertThat(isec.select("ul.issues li.error").eachText()).anyMatch(t -> t.startsWith("エラー KPI!F") && t.contains("たくさん"));
		assertThat(isec.select("ul.copies a").eachText()).containsExactly("53期_ISEC_再提出 #2.xlsx");
		assertThat(html.select("table.departments tbody tr")).hasSize(7);
		assertThat(html.select("p.run").text()).contains("受理 7 / 差戻し 1").contains("終了コード 3");
		assertThat(html.select("svg rect.current")).isNotEmpty();
		assertThat(html.select("script")).isEmpty();
	}

	@Test
	void inABrowserThePageReadsWholeOnADesktopAndOnAPhoneAndRunsNothingADepartmentTyped() throws IOException {
		List<String> initiatives = SampleWorkbooks.plan().initiatives().stream().map(i -> i.text()).toList();
		try (Browser browser = Browser.open()) {
			for (int width : new int[] { 1366, 390 }) {
				browser.show(page, width);
				browser.screenshot("review-" + width);
				assertThat(browser.viewportWidth()).as("viewport").isLessThanOrEqualTo(width);
				assertThat(browser.horizontalOverflow()).as("sideways scroll at %d px", width).isZero();
				String visible = browser.driver().findElement(By.cssSelector("table.review")).getText();
				assertThat(initiatives).allSatisfy(text -> assertThat(visible).contains(text));
				assertThat(visible).contains(HOSTILE);
				assertThat(browser.script("return window.injected === undefined;")).isEqualTo(true);
				assertThat(browser.driver().getTitle()).isEqualTo("53期(2024年10月〜2025年9月) マイナビグループ行動計画振り返り 速報版 (未承認 7部署)");
				assertThat(browser.script("return document.querySelectorAll('script, img, iframe').length;")).isEqualTo(0L);

				browser.show(board, width);
				browser.screenshot("board-" + width);
				assertThat(browser.horizontalOverflow()).as("board sideways scroll at %d px", width).isZero();
				assertThat(browser.driver().findElement(By.cssSelector("table.departments")).getText()).contains("ISEC",
						"差戻し", "情報セキュリティ部");
			}
		}
	}

	@Test
	void printedFromTheBrowserThePageTakesTheWorkbooksTwoA3PagesHeaderRepeatedNoInitiativeSplit() throws IOException {
		List<String> initiatives = SampleWorkbooks.plan().initiatives().stream().map(i -> i.text()).toList();
		try (Browser browser = Browser.open()) {
			browser.show(page, 1366);
			try (PDDocument pdf = Loader.loadPDF(browser.printA3Landscape())) {
				assertThat(pdf.getNumberOfPages()).isEqualTo(2);
				PDRectangle size = pdf.getPage(0).getMediaBox();
				// A3 landscape in points: 420 × 297 mm
				assertThat(size.getWidth()).isCloseTo(1190.55f, within(2f));
				assertThat(size.getHeight()).isCloseTo(841.89f, within(2f));
				List<String> pages = List.of(flat(text(pdf, 1)), flat(text(pdf, 2)));
				assertThat(pages).allSatisfy(p -> assertThat(p).contains("マテリアリティ", "具体的な取り組み"));
				assertThat(initiatives).allSatisfy(i -> assertThat(pages).anySatisfy(p -> assertThat(p).contains(flat(i))));
			}
		}
	}

	/** Last: it runs the job again. */
	@Test
	@Order(Integer.MAX_VALUE)
	void aNightWithNothingNewKeepsBothPagesAndABoardDeletedIsWrittenAgain() throws Exception {
		FileTime pageWritten = Files.getLastModifiedTime(page);
		FileTime boardWritten = Files.getLastModifiedTime(board);
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.getLastModifiedTime(page)).isEqualTo(pageWritten);
		assertThat(Files.getLastModifiedTime(board)).isEqualTo(boardWritten);

		Files.delete(board);
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(board).isRegularFile();
		assertThat(Jsoup.parse(board.toFile()).select("table.departments tbody tr")).hasSize(7);
	}

	/** The text without the line breaks and spaces where the browser wrapped it. */
	private static String flat(String text) {
		return text.replaceAll("\\s", "");
	}

	private static String text(PDDocument pdf, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(pdf);
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static void save(XSSFWorkbook workbook, Path file, Instant modified) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

}
