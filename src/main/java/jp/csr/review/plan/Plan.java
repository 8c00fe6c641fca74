package jp.csr.review.plan;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The term's action plan (行動計画). Row order of its sheets is the order of the review.
 *
 * <p>A value like a record, but not one: every question the validator asks per file and the report asks per
 * commitment is answered from indexes built once here, so a file's cost does not grow with the size of the plan
 * (a group of 2,000 departments spent most of its load step scanning the plan). Lists returned are in plan order
 * and unmodifiable.
 */
public final class Plan implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String group;

	private final int term;

	private final YearMonth start;

	private final YearMonth end;

	private final LocalDate deadline;

	private final List<Department> departments;

	private final List<Kpi> kpis;

	private final List<Initiative> initiatives;

	private final Map<String, Department> departmentByCode;

	private final Map<String, Kpi> kpiById;

	private final Map<String, Initiative> initiativeById;

	private final Map<String, List<Kpi>> kpisByDepartment;

	private final Map<String, List<Initiative>> initiativesByDepartment;

	/** By commitment text alone, as the plan reader makes a text belong to one materiality. */
	private final Map<String, List<Kpi>> kpisByCommitment;

	private final Map<String, List<Initiative>> initiativesByCommitment;

	private final List<Commitment> commitments;

	private final List<String> materialities;

	private final Map<String, List<Commitment>> commitmentsByDepartment;

	/**
	 * @param deadline 提出期限; null when the plan sets none
	 */
	public Plan(String group, int term, YearMonth start, YearMonth end, LocalDate deadline,
			List<Department> departments, List<Kpi> kpis, List<Initiative> initiatives) {
		this.group = group;
		this.term = term;
		this.start = start;
		this.end = end;
		this.deadline = deadline;
		this.departments = List.copyOf(departments);
		this.kpis = List.copyOf(kpis);
		this.initiatives = List.copyOf(initiatives);
		// the first of equal keys wins, as a search from the top of the sheet would find it
		this.departmentByCode = first(this.departments, Department::code);
		this.kpiById = first(this.kpis, Kpi::id);
		this.initiativeById = first(this.initiatives, Initiative::id);
		this.kpisByDepartment = grouped(this.kpis, Kpi::departmentCode);
		this.initiativesByDepartment = grouped(this.initiatives, Initiative::departmentCode);
		this.kpisByCommitment = grouped(this.kpis, Kpi::commitment);
		this.initiativesByCommitment = grouped(this.initiatives, Initiative::commitment);
		Set<Commitment> ordered = new LinkedHashSet<>();
		this.initiatives.forEach(i -> ordered.add(new Commitment(i.materiality(), i.commitment())));
		this.kpis.forEach(k -> ordered.add(new Commitment(k.materiality(), k.commitment())));
		this.commitments = List.copyOf(ordered);
		this.materialities = this.commitments.stream().map(Commitment::materiality).distinct().toList();
		this.commitmentsByDepartment = commitmentsByDepartment();
	}

	public String group() {
		return group;
	}

	public int term() {
		return term;
	}

	public YearMonth start() {
		return start;
	}

	public YearMonth end() {
		return end;
	}

	/** 提出期限; null when the plan sets none. */
	public LocalDate deadline() {
		return deadline;
	}

	/**
	 * PRODUCT.md §3: a file received at or after this instant is late (the end of the 提出期限 day in {@code zone});
	 * null when the plan sets no deadline. Decided from this plan whenever asked, never kept with a file: an
	 * extended deadline or another zone decides again.
	 */
	public Instant lateFrom(ZoneId zone) {
		return deadline == null ? null : deadline.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/** {@link #lateFrom}: whether a file received then is late. */
	public boolean isLate(Instant receivedAt, ZoneId zone) {
		Instant from = lateFrom(zone);
		return from != null && receivedAt != null && !receivedAt.isBefore(from);
	}

	public List<Department> departments() {
		return departments;
	}

	public List<Kpi> kpis() {
		return kpis;
	}

	public List<Initiative> initiatives() {
		return initiatives;
	}

	/** {@code 2024年10月~2025年9月}: months not zero-padded, as the reference prints them. */
	public String period() {
		return start.getYear() + "年" + start.getMonthValue() + "月~" + end.getYear() + "年" + end.getMonthValue() + "月";
	}

	public Optional<Department> department(String code) {
		return Optional.ofNullable(departmentByCode.get(code));
	}

	public Optional<Kpi> kpi(String id) {
		return Optional.ofNullable(kpiById.get(id));
	}

	public Optional<Initiative> initiative(String id) {
		return Optional.ofNullable(initiativeById.get(id));
	}

	public List<Kpi> kpisOf(String departmentCode) {
		return kpisByDepartment.getOrDefault(departmentCode, List.of());
	}

	public List<Initiative> initiativesOf(String departmentCode) {
		return initiativesByDepartment.getOrDefault(departmentCode, List.of());
	}

	public List<Kpi> kpisOf(Commitment commitment) {
		return kpisByCommitment.getOrDefault(commitment.text(), List.of());
	}

	public List<Initiative> initiativesOf(Commitment commitment) {
		return initiativesByCommitment.getOrDefault(commitment.text(), List.of());
	}

	/** Commitments in review order: as the initiatives list them, then any that only have KPIs. */
	public List<Commitment> commitments() {
		return commitments;
	}

	public List<String> materialities() {
		return materialities;
	}

	/** Commitments a department serves (it has a KPI or an initiative there), in review order. */
	public List<Commitment> commitmentsOf(String departmentCode) {
		return commitmentsByDepartment.getOrDefault(departmentCode, List.of());
	}

	private Map<String, List<Commitment>> commitmentsByDepartment() {
		Map<String, List<Commitment>> served = new HashMap<>();
		for (Commitment commitment : commitments) {
			Set<String> codes = new LinkedHashSet<>();
			kpisOf(commitment).forEach(k -> codes.add(k.departmentCode()));
			initiativesOf(commitment).forEach(i -> codes.add(i.departmentCode()));
			codes.forEach(code -> served.computeIfAbsent(code, c -> new ArrayList<>()).add(commitment));
		}
		return unmodifiable(served);
	}

	private static <T> Map<String, T> first(List<T> rows, Function<T, String> key) {
		Map<String, T> map = new HashMap<>();
		rows.forEach(row -> map.putIfAbsent(key.apply(row), row));
		return map;
	}

	private static <T> Map<String, List<T>> grouped(List<T> rows, Function<T, String> key) {
		Map<String, List<T>> map = new HashMap<>();
		rows.forEach(row -> map.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
		return unmodifiable(map);
	}

	private static <T> Map<String, List<T>> unmodifiable(Map<String, List<T>> lists) {
		Map<String, List<T>> copy = new HashMap<>();
		lists.forEach((k, v) -> copy.put(k, List.copyOf(v)));
		return copy;
	}

	/** Equal when the sheets are: the indexes follow from them. */
	@Override
	public boolean equals(Object other) {
		return other instanceof Plan p && term == p.term && Objects.equals(group, p.group)
				&& Objects.equals(start, p.start) && Objects.equals(end, p.end) && Objects.equals(deadline, p.deadline)
				&& departments.equals(p.departments) && kpis.equals(p.kpis) && initiatives.equals(p.initiatives);
	}

	@Override
	public int hashCode() {
		return Objects.hash(group, term, start, end, deadline, departments, kpis, initiatives);
	}

	/** Serialised as its sheets ({@link PlanCache} keeps a parsed plan): the indexes are built again when read. */
	private Object writeReplace() {
		return new Sheets(group, term, start, end, deadline, departments, kpis, initiatives);
	}

	private void readObject(ObjectInputStream in) throws InvalidObjectException {
		throw new InvalidObjectException("a plan is read through its sheets");
	}

	private record Sheets(String group, int term, YearMonth start, YearMonth end, LocalDate deadline,
			List<Department> departments, List<Kpi> kpis, List<Initiative> initiatives) implements Serializable {

		private Object readResolve() {
			return new Plan(group, term, start, end, deadline, departments, kpis, initiatives);
		}

	}

	@Override
	public String toString() {
		return "Plan[group=" + group + ", term=" + term + ", start=" + start + ", end=" + end + ", deadline=" + deadline
				+ ", departments=" + departments.size() + ", kpis=" + kpis.size() + ", initiatives=" + initiatives.size()
				+ "]";
	}

}
