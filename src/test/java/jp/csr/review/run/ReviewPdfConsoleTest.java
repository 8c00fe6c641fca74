package jp.csr.review.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import jp.csr.review.SampleFolders;
import jp.csr.review.cli.Commands;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's PDF (PRODUCT.md §6) as the admin meets it: beside the workbook after every run that writes the
 * workbook, named on the console; kept by a quiet night with the workbook, written again when deleted; and
 * without a Japanese font, one line that says which setting fixes it, and the night goes on. These tests need a
 * Japanese TrueType font on the machine (.ci/run installs fonts-ipaexfont): without one they fail.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ReviewPdfConsoleTest {

	static final Path ROOT = SampleFolders.copy("review-pdf-console");

	static final Path OUTPUT = ROOT.resolve("output");

	static final Path REVIEW = OUTPUT.resolve("53期_行動計画振り返り.xlsx");

	static final Path PDF = OUTPUT.resolve("53期_行動計画振り返り.pdf");

	/** The tests' switch of report.JapaneseFont: no font found on the system, as on a machine without one. */
	static final String DISCOVERY = "jp.csr.review.pdf.font-discovery";

	static final String NO_FONT = "PDF: 日本語フォントが見つからないため作成しませんでした。review.pdf.font にフォントファイル "
			+ "(例: /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf) を指定してください";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	Commands commands;

	@AfterEach
	void fontsFoundAgain() {
		System.clearProperty(DISCOVERY);
	}

	@Test
	void withoutAFontOneLineAndExitZeroWithOneBothAQuietNightKeepsThemADeletedPdfIsWrittenAgain(CapturedOutput output)
			throws Exception {
		System.setProperty(DISCOVERY, "false");
		String run = run(output);
		assertThat(run).containsSubsequence("ステップ write 完了", "振り返り: " + REVIEW + "\n", NO_FONT + "\n",
				"完了 (実行");
		assertThat(run.lines().filter(line -> line.contains("PDF"))).containsExactly(NO_FONT);
		assertThat(output.getErr()).doesNotContain("PDF");
		assertThat(REVIEW).exists();
		assertThat(PDF).doesNotExist();

		// a quiet night, still without a font: the workbook kept, the same line
		run = run(output);
		assertThat(run).containsSubsequence("ステップ write 完了  振り返りは変更なし", "振り返り: " + REVIEW + " (変更なし", NO_FONT);

		// the font installed: the PDF is what changed, so the night writes both
		System.clearProperty(DISCOVERY);
		run = run(output);
		assertThat(run).containsSubsequence("ステップ write 完了", "振り返り: " + REVIEW + "\n", "PDF: " + PDF + "\n",
				"完了 (実行");
		assertThat(PDF).exists();
		// created as the workbook is, with the umask's mode: not a temporary file's 0600 renamed into place
		assertThat(Files.getPosixFilePermissions(PDF)).isEqualTo(Files.getPosixFilePermissions(REVIEW));
		FileTime pdfWritten = Files.getLastModifiedTime(PDF);
		FileTime reviewWritten = Files.getLastModifiedTime(REVIEW);

		// nothing new: both kept, both named
		run = run(output);
		assertThat(run).containsSubsequence("ステップ write 完了  振り返りは変更なし", "振り返り: " + REVIEW + " (変更なし",
				"PDF: " + PDF + "\n");
		assertThat(Files.getLastModifiedTime(PDF)).isEqualTo(pdfWritten);
		assertThat(Files.getLastModifiedTime(REVIEW)).isEqualTo(reviewWritten);

		// the PDF deleted by hand: the next night writes it again
		Files.delete(PDF);
		run = run(output);
		assertThat(run).containsSubsequence("ステップ write 完了", "PDF: " + PDF + "\n");
		assertThat(PDF).exists();

		// a PDF that cannot be written (a folder in its place): one line, the night goes on
		Files.delete(PDF);
		Files.createDirectories(PDF.resolve("in the way"));
		run = run(output);
		assertThat(run).containsSubsequence("ステップ write 完了", "振り返り: " + REVIEW + "\n",
				"PDF: 作成できませんでした (", ")。振り返りブックは書きました\n", "完了 (実行");
		assertThat(run.lines().filter(line -> line.contains("PDF"))).hasSize(1);
		Files.delete(PDF.resolve("in the way"));
		Files.delete(PDF);
	}

	@Test
	void thePdfOfTheSampleIsTheReviewTableAsPublished(CapturedOutput output) throws Exception {
		assertThat(run(output)).contains("PDF: " + PDF + "\n");
		List<String[]> rows = new ArrayList<>();
		List<String> top;
		List<String> legend = new ArrayList<>();
		try (InputStream in = Files.newInputStream(REVIEW); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("振り返り");
			top = new ArrayList<>(List.of(text(sheet.getRow(0).getCell(0))));
			for (int c = 0; c < 7; c++) {
				top.add(text(sheet.getRow(1).getCell(c)));
			}
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				if (row.getLastCellNum() == 1) {
					legend.add(text(row.getCell(0)));
					continue;
				}
				String[] cells = new String[7];
				for (int c = 0; c < 7; c++) {
					cells[c] = text(row.getCell(c));
				}
				rows.add(cells);
			}
		}
		assertThat(rows).hasSize(25);
		assertThat(legend).hasSize(3);

		try (PDDocument pdf = Loader.loadPDF(PDF.toFile())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(2);
			for (int page = 1; page <= 2; page++) {
				PDPage p = pdf.getPage(page - 1);
				assertThat(p.getMediaBox().getWidth()).as("A3 landscape").isCloseTo(1190.55f, org.assertj.core.data.Offset.offset(0.5f));
				assertThat(p.getMediaBox().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
				String text = normalized(text(pdf, page, page));
				// the workbook's title and headers, the term's months joined as print joins them (〜, not a raised ~)
				assertThat(top).as("title and headers on page %d", page)
					.allSatisfy(t -> assertThat(text).contains(normalized(t.replace("~", "\u301C"))));
				assertThat(text).doesNotContain("~");
				assertThat(text).contains(page + "/2");
				for (COSName name : p.getResources().getFontNames()) {
					PDFont font = p.getResources().getFont(name);
					assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
					assertThat(font.getName()).as("subset").matches("[A-Z]{6}\\+.+");
				}
			}
			String all = normalized(text(pdf, 1, 2));
			int marks = 0;
			for (String[] row : rows) {
				// every initiative with its mark beside it; every text of the merged cells, whole
				assertThat(all).contains(normalized(row[3] + row[4]));
				for (String cell : List.of(row[0], row[1], row[2], row[5], row[6])) {
					assertThat(all).contains(normalized(cell));
				}
				marks += row[4].isEmpty() ? 0 : 1;
			}
			assertThat(marks).isEqualTo(25);
			assertThat(all.codePoints().filter(cp -> "◎○△".indexOf(cp) >= 0).count()).as("marks and the legend's")
				.isEqualTo(marks + 3);
			assertThat(legend).allSatisfy(line -> assertThat(all).contains(normalized(line)));
		}
	}

	private String run(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();
		commands.run(new DefaultApplicationArguments("run"));
		assertThat(commands.getExitCode()).isZero();
		return output.getOut().substring(mark);
	}

	private static String text(Cell cell) {
		return cell == null ? "" : cell.getStringCellValue();
	}

	private static String text(PDDocument pdf, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(pdf);
	}

	private static String normalized(String text) {
		return text.codePoints().filter(cp -> !Character.isWhitespace(cp))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
	}

}
