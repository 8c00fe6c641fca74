package jp.csr.review.nextterm;

import java.math.BigDecimal;
import java.util.Map;

import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;

/**
 * The next term's plan from this term's plan and results (PRODUCT.md §8): 期 + 1; 開始年月, 終了年月 and
 * 提出期限 one year later; the same departments, materialities, commitments, KPIs and initiatives with their
 * IDs; each KPI's 前期実績 the numeric 実績 this term's review shows, each initiative's 前期評価 the mark it got.
 */
public final class NextTerm {

	private NextTerm() {
	}

	/** {@code 54期_行動計画.xlsx}: the plan of a term, as {@code next-term} names it by default. */
	public static String fileName(int term) {
		return term + "期_行動計画.xlsx";
	}

	/**
	 * @param results per KPI ID, the 実績 this term's review shows when it is a number; a KPI missing here gets no 前期実績
	 *        (this plan's own, last term's, is not carried: it is two terms old)
	 * @param marks per 取り組みID, the mark (◎ ○ △) computed this term; missing or null: no 前期評価
	 */
	public static Plan of(Plan plan, Map<String, BigDecimal> results, Map<String, String> marks) {
		return new Plan(plan.group(), plan.term() + 1, plan.start().plusYears(1), plan.end().plusYears(1),
				plan.deadline() == null ? null : plan.deadline().plusYears(1), plan.departments(),
				plan.kpis().stream()
					.map(k -> new Kpi(k.id(), k.departmentCode(), k.materiality(), k.commitment(), k.text(), k.indicator(),
							k.judgement(), k.target(), k.unit(), results.get(k.id())))
					.toList(),
				plan.initiatives().stream()
					.map(i -> new Initiative(i.id(), i.departmentCode(), i.materiality(), i.commitment(), i.text(),
							marks.get(i.id())))
					.toList());
	}

}
