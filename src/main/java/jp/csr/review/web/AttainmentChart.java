package jp.csr.review.web;

import java.util.ArrayList;
import java.util.List;

import jp.csr.review.content.TermComparison;

/**
 * The attainment rate per materiality as horizontal bars, computed here so that the page draws it as inline SVG
 * with no script: this term's bar, and the previous term's under it when the store holds that term.
 *
 * @param bars one group per materiality, then the total
 * @param height of the whole drawing, in pixels
 */
public record AttainmentChart(int term, Integer previousTerm, List<Bars> bars, int width, int height) {

	/** Where the bars begin: the materiality's name is written left of it. */
	public static final int LABEL_WIDTH = 260;

	/** A rate of 100%. */
	public static final int FULL = 360;

	private static final int BAR = 14;

	/**
	 * @param y top of the group
	 * @param current this term's bar; its width is null when no KPI was judged either way
	 */
	public record Bars(String materiality, int y, Bar current, Bar previous) {
	}

	/** @param width in pixels, 0 when there is no rate; {@code text} says 42% or 判定なし */
	public record Bar(int y, int width, String text, int textX) {

		static Bar of(Double rate, int y) {
			int width = rate == null ? 0 : (int) Math.round(rate * FULL);
			String text = rate == null ? "判定なし" : Math.round(rate * 100) + "%";
			return new Bar(y, width, text, LABEL_WIDTH + width + 6);
		}

	}

	static AttainmentChart of(TermComparison comparison, boolean withPrevious) {
		List<Bars> bars = new ArrayList<>();
		int groupHeight = withPrevious ? 2 * BAR + 14 : BAR + 14;
		int y = 8;
		for (TermComparison.Rate rate : comparison.rates()) {
			Bar current = Bar.of(rate.current(), y);
			Bar previous = withPrevious ? Bar.of(rate.previous(), y + BAR + 2) : null;
			bars.add(new Bars(rate.materiality(), y, current, previous));
			y += groupHeight;
		}
		return new AttainmentChart(comparison.term(), withPrevious ? comparison.previousTerm() : null, bars,
				LABEL_WIDTH + FULL + 70, y);
	}

	public int barHeight() {
		return BAR;
	}

	public int labelWidth() {
		return LABEL_WIDTH;
	}

	/** The materiality's name, baseline-aligned with its first bar. */
	public int labelY(Bars group) {
		return group.y() + BAR - 3;
	}

}
