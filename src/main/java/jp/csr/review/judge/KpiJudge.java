package jp.csr.review.judge;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Kpi;
import jp.csr.review.workbook.Numbers;

/** PRODUCT.md §5: a KPI's 実績 against its 判定. */
final class KpiJudge {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private KpiJudge() {
	}

	/**
	 * @param value the 実績 as validated: a number's plain text or a word; null when not reported
	 * @param number the 実績 as a number for numeric judgements
	 * @param baseline the baseline of 増加/減少, null when there is none
	 */
	public static Verdict judge(Kpi kpi, String value, BigDecimal number, BigDecimal baseline) {
		if (value == null || value.isEmpty()) {
			return Verdict.of(Outcome.NOT_REPORTED);
		}
		return switch (kpi.judgement()) {
			case AT_LEAST -> atLeast(number, kpi.target());
			case AT_MOST -> atMost(number, kpi.target());
			case MAINTAIN -> maintain(value);
			case INCREASE -> compare(number, baseline, 1);
			case DECREASE -> compare(number, baseline, -1);
			case QUALITATIVE -> qualitative(value);
		};
	}

	private static Verdict atLeast(BigDecimal value, BigDecimal target) {
		if (value == null || target == null) {
			return Verdict.of(Outcome.UNDETERMINED);
		}
		boolean achieved = value.compareTo(target) >= 0;
		// not capped: 120% is 120%; a target of 0 is met by any 実績
		BigDecimal rate = target.signum() == 0 ? HUNDRED : percent(value, target);
		return new Verdict(achieved ? Outcome.ACHIEVED : Outcome.NOT_ACHIEVED, rate);
	}

	private static Verdict atMost(BigDecimal value, BigDecimal target) {
		if (value == null || target == null) {
			return Verdict.of(Outcome.UNDETERMINED);
		}
		if (value.compareTo(target) <= 0) {
			return new Verdict(Outcome.ACHIEVED, HUNDRED);
		}
		BigDecimal rate = target.signum() == 0 ? BigDecimal.ZERO : percent(target, value);
		return new Verdict(Outcome.NOT_ACHIEVED, rate);
	}

	private static Verdict maintain(String value) {
		if (SubmissionFormat.YES_WORDS.contains(value)) {
			return new Verdict(Outcome.ACHIEVED, HUNDRED);
		}
		if (SubmissionFormat.NO_WORDS.contains(value)) {
			return new Verdict(Outcome.NOT_ACHIEVED, BigDecimal.ZERO);
		}
		return Verdict.of(Outcome.UNDETERMINED);
	}

	private static Verdict compare(BigDecimal value, BigDecimal baseline, int direction) {
		if (value == null || baseline == null) {
			return Verdict.of(Outcome.UNDETERMINED);
		}
		return Verdict.of(value.compareTo(baseline) * direction > 0 ? Outcome.ACHIEVED : Outcome.NOT_ACHIEVED);
	}

	private static Verdict qualitative(String value) {
		return switch (value) {
			case "達成" -> Verdict.of(Outcome.ACHIEVED);
			case "未達" -> Verdict.of(Outcome.NOT_ACHIEVED);
			case "継続中" -> Verdict.of(Outcome.IN_PROGRESS);
			default -> Verdict.of(Outcome.UNDETERMINED);
		};
	}

	private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
		BigDecimal rate = numerator.multiply(HUNDRED).divide(denominator, 1, RoundingMode.HALF_UP).stripTrailingZeros();
		return rate.scale() < 0 ? rate.setScale(0) : rate;
	}

	/**
	 * The line the review's 実績 cell prints for this KPI: the department's 実績表記, else
	 * {@code 指標名 実績単位}. A KPI with nothing to state prints nothing: not reported, not submitted, or
	 * a 定性 KPI still 継続中 without a 実績表記 (its highlight tells the story). PRODUCT.md §6: the number keeps
	 * the decimals the department gave and is printed with thousands separators, as the office publishes figures
	 * ({@code 11,800t-CO2}), whether it was typed with them, without them, or as a number cell.
	 */
	public static String resultLine(Kpi kpi, String value, String display, Outcome outcome) {
		if (display != null && !display.isEmpty()) {
			return display;
		}
		if (outcome == Outcome.NOT_REPORTED || outcome == Outcome.NOT_SUBMITTED || value == null) {
			return null;
		}
		if (kpi.judgement() == jp.csr.review.plan.Criterion.QUALITATIVE && outcome == Outcome.IN_PROGRESS) {
			return null;
		}
		if (!kpi.judgement().isNumeric()) {
			return kpi.indicator() + " " + value;
		}
		return kpi.indicator() + " " + Numbers.grouped(value) + kpi.unit();
	}

}
