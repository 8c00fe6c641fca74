package jp.csr.review.reviewpdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** review.pdf.font: a file that cannot serve is named with why, and the setting's line says what to give. */
class JapaneseFontTest {

	@TempDir
	Path dir;

	@Test
	void aConfiguredFontThatIsMissingIsNamedNotReplacedByAnother() {
		Path missing = dir.resolve("ipaexg.ttf");
		JapaneseFont.Choice choice = JapaneseFont.find(missing);
		assertThat(choice.usable()).isFalse();
		assertThat(choice.problem()).isEqualTo("review.pdf.font のフォント " + missing
				+ " を使えないため作成しませんでした (ファイルがありません)。TrueType アウトラインの日本語フォント (例: "
				+ "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf) を指定してください");
	}

	@Test
	void aConfiguredFileThatIsNoFontIsRefused() throws IOException {
		Path text = Files.writeString(dir.resolve("font.ttf"), "not a font at all, just some text");
		assertThat(JapaneseFont.find(text).problem()).contains(text.toString(), "フォントとして読めません");
	}

	@Test
	void theFontFoundOnTheSystemHasTrueTypeOutlinesAndJapaneseGlyphs() throws IOException {
		JapaneseFont.Choice found = JapaneseFont.find(null);
		assertThat(found.problem()).as("a Japanese TrueType font (apt-get install fonts-ipaexfont)").isNull();
		try (JapaneseFont.Opened opened = JapaneseFont.open(found)) {
			assertThat(opened.font.getGlyph()).as("TrueType outlines").isNotNull();
			assertThat(opened.font.getUnicodeCmapLookup().getGlyphId('振')).isPositive();
		}
		// the same font given by name is the same choice
		assertThat(JapaneseFont.find(found.file()).identity()).isEqualTo(found.identity());
	}

}
