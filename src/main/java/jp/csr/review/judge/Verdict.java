package jp.csr.review.judge;

import java.math.BigDecimal;

/**
 * One KPI judged.
 *
 * @param rate 達成率 in percent (120 means 120%), null where PRODUCT.md §5 gives none
 */
record Verdict(Outcome outcome, BigDecimal rate) {

	static Verdict of(Outcome outcome) {
		return new Verdict(outcome, null);
	}

}
