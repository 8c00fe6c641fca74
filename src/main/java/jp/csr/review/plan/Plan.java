package jp.csr.review.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The term's action plan (行動計画). Row order of its sheets is the order of the review.
 *
 * @param deadline 提出期限; null when the plan sets none
 */
public record Plan(String group, int term, YearMonth start, YearMonth end, LocalDate deadline,
		List<Department> departments, List<Kpi> kpis, List<Initiative> initiatives) {

	public Plan {
		departments = List.copyOf(departments);
		kpis = List.copyOf(kpis);
		initiatives = List.copyOf(initiatives);
	}

	/** {@code 2024年10月~2025年9月}: months not zero-padded, as the reference prints them. */
	public String period() {
		return start.getYear() + "年" + start.getMonthValue() + "月~" + end.getYear() + "年" + end.getMonthValue() + "月";
	}

	public Optional<Department> department(String code) {
		return departments.stream().filter(d -> d.code().equals(code)).findFirst();
	}

	public Optional<Kpi> kpi(String id) {
		return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
	}

	public Optional<Initiative> initiative(String id) {
		return initiatives.stream().filter(i -> i.id().equals(id)).findFirst();
	}

	public List<Kpi> kpisOf(String departmentCode) {
		return kpis.stream().filter(k -> k.departmentCode().equals(departmentCode)).toList();
	}

	public List<Initiative> initiativesOf(String departmentCode) {
		return initiatives.stream().filter(i -> i.departmentCode().equals(departmentCode)).toList();
	}

	public List<Kpi> kpisOf(Commitment commitment) {
		return kpis.stream().filter(k -> k.commitment().equals(commitment.text())).toList();
	}

	public List<Initiative> initiativesOf(Commitment commitment) {
		return initiatives.stream().filter(i -> i.commitment().equals(commitment.text())).toList();
	}

	/** Commitments in review order: as the initiatives list them, then any that only have KPIs. */
	public List<Commitment> commitments() {
		Set<Commitment> ordered = new LinkedHashSet<>();
		initiatives.forEach(i -> ordered.add(new Commitment(i.materiality(), i.commitment())));
		kpis.forEach(k -> ordered.add(new Commitment(k.materiality(), k.commitment())));
		return new ArrayList<>(ordered);
	}

	public List<String> materialities() {
		return commitments().stream().map(Commitment::materiality).distinct().toList();
	}

	/** Commitments a department serves (it has a KPI or an initiative there), in review order. */
	public List<Commitment> commitmentsOf(String departmentCode) {
		return commitments().stream()
			.filter(c -> kpisOf(c).stream().anyMatch(k -> k.departmentCode().equals(departmentCode))
					|| initiativesOf(c).stream().anyMatch(i -> i.departmentCode().equals(departmentCode)))
			.toList();
	}

}
