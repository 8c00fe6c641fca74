package jp.csr.review.plan;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A row of the plan's {@code KPI} sheet.
 *
 * @param text the target as the review prints it (e.g. 重大インシデント件数0件)
 * @param indicator the label printed before the result (e.g. 重大インシデント件数)
 * @param target 目標値; null when the plan leaves it empty
 * @param previousResult 前期実績, the baseline of 増加/減少; null when absent
 */
public record Kpi(String id, String departmentCode, String materiality, String commitment, String text,
		String indicator, Criterion judgement, BigDecimal target, String unit, BigDecimal previousResult)
		implements Serializable {

	/** PRODUCT.md §3: units that count things take whole numbers ≥ 0 only. */
	public static final Set<String> COUNT_UNITS = Set.of("件", "人", "名", "回", "台", "枚", "社", "拠点", "部門");

	public boolean countsThings() {
		return COUNT_UNITS.contains(unit);
	}

	public boolean isPercent() {
		return "%".equals(unit);
	}

}
