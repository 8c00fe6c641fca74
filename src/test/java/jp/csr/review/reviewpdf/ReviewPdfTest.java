package jp.csr.review.reviewpdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jp.csr.review.content.Medium;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF's layout where the sample does not reach: a commitment taller than a page, an initiative taller than a
 * page, characters the font lacks. Needs a Japanese TrueType font on the machine (.ci/run installs
 * fonts-ipaexfont): without one it fails, it does not skip.
 */
class ReviewPdfTest {

	@TempDir
	Path dir;

	@Test
	void aCommitmentTallerThanAPageGoesOnOverPagesNothingCutOffItsLabelsRepeated() throws IOException {
		Plan sample = SampleWorkbooks.plan();
		Initiative first = sample.initiatives().get(0);
		List<String> initiativeText = sentences("取り組み", 120);
		List<String> highlightText = sentences("ハイライト", 400);
		List<Initiative> initiatives = new ArrayList<>(sample.initiatives());
		initiatives.set(0, new Initiative(first.id(), first.departmentCode(), first.materiality(), first.commitment(),
				String.join("\n", initiativeText)));
		Plan plan = new Plan(sample.group(), sample.term(), sample.start(), sample.end(), sample.deadline(),
				sample.departments(), sample.kpis(), initiatives);
		ReviewData data = new ReviewData(plan, Map.of(), Map.of(), Map.of(first.commitment(),
				List.of(new ReviewData.Highlight(first.departmentCode(), String.join("\n", highlightText), null))),
				List.of(), sink -> {
				});

		try (PDDocument pdf = Loader.loadPDF(write(data).toFile())) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(6);
			String all = normalized(new PDFTextStripper().getText(pdf));
			// each sentence a line of its own: a page breaks between lines
			assertThat(initiativeText).filteredOn(s -> !all.contains(s)).as("initiative lines missing").isEmpty();
			assertThat(highlightText).filteredOn(s -> !all.contains(s)).as("highlight lines missing").isEmpty();
			// the commitment goes on over the first pages: each shows its materiality and commitment again
			for (int page = 1; page <= 3; page++) {
				assertThat(normalized(text(pdf, page))).contains(normalized(ReviewTable.title(plan, Medium.PRINT)), "具体的な取り組み",
						first.materiality(), first.commitment());
			}
			assertThat(normalized(text(pdf, pdf.getNumberOfPages()))).contains("△アクションが完了していない");
			// nothing outside the table's frame: above the page number, inside the margins
			for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
				PDPage p = pdf.getPage(page - 1);
				for (TextPosition glyph : glyphs(pdf, page)) {
					if (!glyph.getUnicode().contains("/") && !glyph.getUnicode().isBlank()
							&& !Character.isDigit(glyph.getUnicode().charAt(0))) {
						assertThat(glyph.getYDirAdj()).as("page %d: %s", page, glyph).isLessThan(p.getMediaBox().getHeight() - 40);
						assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThan(p.getMediaBox().getWidth() - 28);
					}
				}
			}
		}
	}

	@Test
	void aCommitmentTallerThanAPageStartsOnANewPageAsInTheWorkbook() throws IOException {
		Plan plan = SampleWorkbooks.plan();
		ReviewData plain = new ReviewData(plan, Map.of(), Map.of(), Map.of(), List.of(), sink -> {
		});
		ReviewTable.Band second = ReviewTable.of(plain).bands().get(1);
		List<String> highlightText = sentences("ハイライト", 200);
		ReviewData data = new ReviewData(plan, Map.of(), Map.of(), Map.of(second.commitment(),
				List.of(new ReviewData.Highlight(plan.departments().get(0).code(), String.join("\n", highlightText), null))),
				List.of(), sink -> {
				});

		try (PDDocument pdf = Loader.loadPDF(write(data).toFile())) {
			// the first commitment alone on page 1, though most of the page is free; the tall one from page 2 on
			assertThat(normalized(text(pdf, 1))).doesNotContain(normalized(second.commitment()));
			assertThat(normalized(text(pdf, 2))).contains(normalized(second.commitment()), highlightText.get(0));
			String all = normalized(new PDFTextStripper().getText(pdf));
			assertThat(highlightText).filteredOn(s -> !all.contains(s)).as("highlight lines missing").isEmpty();
		}
	}

	@Test
	void controlCharactersAreDroppedAndAGlyphTheFontLacksPrintsAsGeta() throws IOException {
		Plan sample = SampleWorkbooks.plan();
		Initiative first = sample.initiatives().get(0);
		List<Initiative> initiatives = new ArrayList<>(sample.initiatives());
		initiatives.set(0, new Initiative(first.id(), first.departmentCode(), first.materiality(), first.commitment(),
				"制御\u0007文字\tと絵文字\uD83D\uDE00\u200Bと\r\n改行"));
		Plan plan = new Plan(sample.group(), sample.term(), sample.start(), sample.end(), sample.deadline(),
				sample.departments(), sample.kpis(), initiatives);
		ReviewData data = new ReviewData(plan, Map.of(), Map.of(), Map.of(), List.of(), sink -> {
		});

		try (PDDocument pdf = Loader.loadPDF(write(data).toFile())) {
			assertThat(normalized(new PDFTextStripper().getText(pdf))).contains("制御文字と絵文字〓と改行");
		}
	}

	@Test
	void theTermsMonthsAreJoinedByAWaveDashNotByATildeTheFontDrawsRaised() throws IOException {
		ReviewData data = new ReviewData(SampleWorkbooks.plan(), Map.of(), Map.of(), Map.of(), List.of(), sink -> {
		});

		try (PDDocument pdf = Loader.loadPDF(write(data).toFile())) {
			for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
				assertThat(normalized(text(pdf, page))).as("page %d", page)
					.contains("53期(2024年10月\u301C2025年9月)マイナビグループ行動計画振り返り", "53期KPI(2024年10月\u301C2025年9月)",
							"53期実績(2024年10月\u301C2025年9月)", "53期実績(2024年10月\u301C2025年9月)主な取り組みとハイライト")
					.doesNotContain("~");
			}
			assertThat(pdf.getDocumentInformation().getTitle())
				.isEqualTo("53期(2024年10月\u301C2025年9月) マイナビグループ行動計画振り返り");
		}
	}

	private Path write(ReviewData data) throws IOException {
		JapaneseFont.Choice font = JapaneseFont.find(null);
		assertThat(font.problem()).as("a Japanese TrueType font (apt-get install fonts-ipaexfont)").isNull();
		return new ReviewPdf().write(data, dir, font);
	}

	private static List<String> sentences(String prefix, int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("%sの文%03d番はここまでです。", prefix, i)).toList();
	}

	static String normalized(String text) {
		return text.codePoints().filter(cp -> !Character.isWhitespace(cp))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
	}

	private static String text(PDDocument pdf, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(pdf);
	}

	private static List<TextPosition> glyphs(PDDocument pdf, int page) throws IOException {
		List<TextPosition> glyphs = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition text) {
				glyphs.add(text);
			}
		};
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		stripper.getText(pdf);
		return glyphs;
	}

}
