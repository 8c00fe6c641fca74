package jp.csr.review.reviewpdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps text into lines no wider than a cell, the way Japanese is set: a line may break between any two
 * characters, except before closing punctuation (。、）」 … and small kana: 禁則) or after opening punctuation
 * (（「 …), and Latin words and numbers ({@code e-learning}, {@code 11,800t-CO2}) stay whole unless a word is
 * wider than the line. The character that would begin a line with 。 moves down with it (追い出し). Hard line
 * breaks are kept; spaces at a break are dropped.
 */
final class JapaneseLineBreaks {

	/** Width of one code point, in the unit of the line width. */
	@FunctionalInterface
	interface Widths {

		float of(int codePoint);

	}

	/** Never begin a line. */
	private static final String CLOSING = "。、，．・：；？！‼⁇⁈⁉゛゜ー―‐〜～…‥）〕］｝〉》」』】〙〗〟’”»"
			+ "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ"
			+ ")]},.!?:;%％℃°′″";

	/** Never end a line. */
	private static final String OPENING = "（〔［｛〈《「『【〘〖〝‘“«([{";

	private JapaneseLineBreaks() {
	}

	static List<String> wrap(String text, float width, Widths widths) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			wrapParagraph(paragraph, width, widths, lines);
		}
		return lines;
	}

	private static void wrapParagraph(String text, float width, Widths widths, List<String> lines) {
		int start = 0;
		float used = 0;
		// the last place, after start, where the line may break, and the width from start up to it
		int lastBreak = -1;
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp);
			if (i > start && breakAllowed(text.codePointBefore(i), cp)) {
				lastBreak = i;
			}
			float w = widths.of(cp);
			// a space past the edge hangs: the line breaks after it
			if (used + w > width && i > start && !Character.isWhitespace(cp)) {
				int at = lastBreak > start ? lastBreak : i;
				lines.add(stripTrailing(text.substring(start, at)));
				start = skipSpaces(text, at);
				used = measure(text, start, i, widths);
				lastBreak = -1;
				// the character that did not fit is looked at again from the new line's start
				continue;
			}
			used += w;
			i = next;
		}
		lines.add(stripTrailing(text.substring(start)));
	}

	/** Between {@code before} and {@code after}. */
	static boolean breakAllowed(int before, int after) {
		if (Character.isWhitespace(after)) {
			return false;
		}
		if (Character.isWhitespace(before)) {
			return true;
		}
		if (CLOSING.indexOf(after) >= 0 || OPENING.indexOf(before) >= 0) {
			return false;
		}
		return !(isWordCharacter(before) && isWordCharacter(after));
	}

	/** Latin letters, digits and the punctuation in and around them ({@code 11,800t-CO2}): set as one unit. */
	private static boolean isWordCharacter(int cp) {
		return cp < 0x2E80 && !Character.isWhitespace(cp);
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static float measure(String text, int from, int to, Widths widths) {
		float sum = 0;
		for (int i = from; i < to;) {
			int cp = text.codePointAt(i);
			sum += widths.of(cp);
			i += Character.charCount(cp);
		}
		return sum;
	}

	private static String stripTrailing(String line) {
		return line.stripTrailing();
	}

}
