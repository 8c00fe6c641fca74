package jp.csr.review.content;

import java.util.Collection;

/**
 * PRODUCT.md §6: the attainment rate of a set of KPIs is achieved / (achieved + not achieved), over the KPIs
 * judged either way; 継続中, 判定不能, 未報告 and 未提出 are not failures. One definition for every rate the review
 * prints, of this term and of the previous one.
 */
public final class AttainmentRate {

	static final String ACHIEVED = "達成";

	static final String NOT_ACHIEVED = "未達";

	private AttainmentRate() {
	}

	/** As a fraction, for a percent-formatted cell; null when no KPI was judged either way. */
	public static Double of(long achieved, long notAchieved) {
		return achieved + notAchieved == 0 ? null : (double) achieved / (achieved + notAchieved);
	}

	/** The rate of the given results (達成, 未達, 継続中 …). */
	static Double ofOutcomes(Collection<String> outcomes) {
		return of(outcomes.stream().filter(ACHIEVED::equals).count(), outcomes.stream().filter(NOT_ACHIEVED::equals).count());
	}

}
