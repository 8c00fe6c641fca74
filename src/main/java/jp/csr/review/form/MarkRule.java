package jp.csr.review.form;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The self-evaluation mark of an initiative, computed from its 進捗 (PRODUCT.md §5): words map by
 * configuration ({@code review.marks}); a percentage is ◎ at 100, ○ above 0, △ at 0.
 */
public final class MarkRule {

	private final Map<String, String> words;

	public MarkRule(Map<String, String> words) {
		this.words = Map.copyOf(words);
	}

	public boolean knows(String word) {
		return words.containsKey(word);
	}

	/** The mark, or empty when 進捗 was not filled in. */
	public Optional<String> mark(String progress, BigDecimal percent) {
		if (percent != null) {
			if (percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
				return Optional.of("◎");
			}
			return Optional.of(percent.signum() > 0 ? "○" : "△");
		}
		return Optional.ofNullable(words.get(progress));
	}

}
