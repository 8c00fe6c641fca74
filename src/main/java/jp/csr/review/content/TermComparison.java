package jp.csr.review.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.content.ReviewData.KpiStatus;
import jp.csr.review.content.ReviewData.PastKpi;
import jp.csr.review.content.ReviewData.PreviousTerm;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;

/**
 * This term beside the previous one (PRODUCT.md §6, 前期比較): per KPI ID found in both, and the attainment rate of
 * both per materiality. What {@code 前期比較} lists and {@code サマリー} charts.
 */
public final class TermComparison {

	static final String TOTAL = "合計";

	private final ReviewData data;

	private final PreviousTerm previous;

	/** @param data a review; without {@link ReviewData#previous()}, the previous term's rates are null */
	public TermComparison(ReviewData data) {
		this.data = data;
		this.previous = data.previous();
	}

	public int previousTerm() {
		return previous.term();
	}

	public int term() {
		return data.plan().term();
	}

	/**
	 * A KPI of both terms.
	 *
	 * @param current null when 未提出
	 * @param currentNumber this term's 実績 as a number; null when none or not a number
	 */
	public record Row(Kpi kpi, PastKpi past, KpiStatus current, BigDecimal currentNumber) {

		public String currentOutcome() {
			return current == null ? ReviewMarks.NOT_SUBMITTED : current.outcome();
		}

		/** 今期 − 前期, where both are numbers. */
		public BigDecimal change() {
			return past.number() == null || currentNumber == null ? null : currentNumber.subtract(past.number());
		}

	}

	/** A materiality's attainment rate in each term (fractions), null where it had no KPI judged either way. */
	public record Rate(String materiality, Double previous, Double current) {
	}

	/** One row per KPI of this plan that the previous term judged too, in this plan's order. */
	public List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (Kpi kpi : data.plan().kpis()) {
			PastKpi past = previous.kpis().get(kpi.id());
			if (past != null) {
				rows.add(new Row(kpi, past, data.kpis().get(kpi.id()), previous.numbers().get(kpi.id())));
			}
		}
		return rows;
	}

	/**
	 * Per materiality, this plan's first, then any only the previous term had; the previous term's KPIs under
	 * the materiality its plan gave them (this plan's, for verdicts kept before it was recorded). Then the total.
	 */
	public List<Rate> rates() {
		Plan plan = data.plan();
		Map<String, List<String>> current = new LinkedHashMap<>();
		Map<String, List<String>> past = new LinkedHashMap<>();
		plan.materialities().forEach(m -> {
			current.put(m, new ArrayList<>());
			past.put(m, new ArrayList<>());
		});
		List<String> allCurrent = new ArrayList<>();
		for (Kpi kpi : plan.kpis()) {
			KpiStatus status = data.kpis().get(kpi.id());
			String outcome = status == null ? ReviewMarks.NOT_SUBMITTED : status.outcome();
			current.get(kpi.materiality()).add(outcome);
			allCurrent.add(outcome);
		}
		List<String> allPast = new ArrayList<>();
		(previous == null ? Map.<String, PastKpi>of() : previous.kpis()).forEach((id, k) -> {
			String materiality = k.materiality() != null ? k.materiality()
					: plan.kpi(id).map(Kpi::materiality).orElse("");
			past.computeIfAbsent(materiality, m -> new ArrayList<>()).add(k.outcome());
			allPast.add(k.outcome());
		});
		List<Rate> rates = new ArrayList<>();
		past.forEach((materiality, outcomes) -> rates.add(new Rate(materiality, AttainmentRate.ofOutcomes(outcomes),
				AttainmentRate.ofOutcomes(current.getOrDefault(materiality, List.of())))));
		rates.add(new Rate(TOTAL, AttainmentRate.ofOutcomes(allPast), AttainmentRate.ofOutcomes(allCurrent)));
		return rates;
	}

}
