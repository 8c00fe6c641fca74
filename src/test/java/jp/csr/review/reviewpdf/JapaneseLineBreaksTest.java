package jp.csr.review.reviewpdf;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Japanese line breaking (禁則) with every character one unit wide, Latin half. */
class JapaneseLineBreaksTest {

	private static final JapaneseLineBreaks.Widths WIDTHS = cp -> cp < 0x2E80 ? 0.5f : 1f;

	@Test
	void breaksBetweenAnyTwoJapaneseCharacters() {
		assertThat(JapaneseLineBreaks.wrap("情報セキュリティ体制の構築", 5, WIDTHS)).containsExactly("情報セキュ", "リティ体制", "の構築");
	}

	@Test
	void closingPunctuationNeverBeginsALineItTakesTheCharacterBeforeAlong() {
		// 。 would begin the second line: 了 goes down with it
		assertThat(JapaneseLineBreaks.wrap("研修を完了。", 5, WIDTHS)).containsExactly("研修を完", "了。");
		assertThat(JapaneseLineBreaks.wrap("体制（本部）、訓練", 5, WIDTHS)).containsExactly("体制（本", "部）、訓練");
		assertThat(JapaneseLineBreaks.wrap("通報「ホット」です", 3, WIDTHS)).allSatisfy(line -> {
			assertThat(line).doesNotStartWith("」").doesNotStartWith("、").doesNotEndWith("「");
		});
	}

	@Test
	void openingPunctuationNeverEndsALine() {
		assertThat(JapaneseLineBreaks.wrap("訓練の「実施」", 4, WIDTHS)).containsExactly("訓練の", "「実施」");
	}

	@Test
	void latinWordsAndNumbersStayWholeUnlessWiderThanTheLine() {
		assertThat(JapaneseLineBreaks.wrap("実績は11,800t-CO2でした", 6, WIDTHS)).containsExactly("実績は", "11,800t-CO2", "でした");
		assertThat(JapaneseLineBreaks.wrap("ISMS and e-learning", 3, WIDTHS)).containsExactly("ISMS", "and", "e-lear", "ning");
	}

	@Test
	void keepsHardLineBreaksAndDropsSpacesAtABreak() {
		assertThat(JapaneseLineBreaks.wrap("一行目\n\n三行目です", 3, WIDTHS)).containsExactly("一行目", "", "三行目", "です");
		assertThat(JapaneseLineBreaks.wrap("新 IT-BCPガイドライン", 5, WIDTHS)).containsExactly("新 IT-BCP", "ガイドライ", "ン");
	}

	@Test
	void everyLineFitsAndNothingIsLost() {
		String text = "53期の主な取り組みは下記の通り。社内向けセキュリティサービスの提供については、開発者以外も検知できるシステム(ASM)を追加導入した。";
		List<String> lines = JapaneseLineBreaks.wrap(text, 7, WIDTHS);
		assertThat(String.join("", lines)).isEqualTo(text);
		assertThat(lines).allSatisfy(line -> assertThat(line.codePoints().mapToDouble(WIDTHS::of).sum()).isLessThanOrEqualTo(7));
	}

}
