package jp.csr.review.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.csr.review.bench.ScaleBenchmark;
import jp.csr.review.sample.SampleWorkbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's questions, answered from its indexes as a scan of its rows would answer them. */
class PlanTest {

	@Test
	void answersAsAScanOfTheSheetsWould() {
		for (Plan plan : List.of(SampleWorkbooks.plan(), ScaleBenchmark.plan(60), withOddRows())) {
			assertThat(plan.commitments()).isEqualTo(scannedCommitments(plan));
			for (String code : codes(plan)) {
				assertThat(plan.department(code)).isEqualTo(
						plan.departments().stream().filter(d -> d.code().equals(code)).findFirst());
				assertThat(plan.kpisOf(code)).isEqualTo(
						plan.kpis().stream().filter(k -> k.departmentCode().equals(code)).toList());
				assertThat(plan.initiativesOf(code)).isEqualTo(
						plan.initiatives().stream().filter(i -> i.departmentCode().equals(code)).toList());
				assertThat(plan.commitmentsOf(code)).isEqualTo(scannedCommitments(plan).stream()
					.filter(c -> plan.kpis().stream().anyMatch(k -> k.commitment().equals(c.text()) && k.departmentCode().equals(code))
							|| plan.initiatives().stream()
								.anyMatch(i -> i.commitment().equals(c.text()) && i.departmentCode().equals(code)))
					.toList());
			}
			for (Commitment c : plan.commitments()) {
				assertThat(plan.kpisOf(c)).isEqualTo(plan.kpis().stream().filter(k -> k.commitment().equals(c.text())).toList());
				assertThat(plan.initiativesOf(c))
					.isEqualTo(plan.initiatives().stream().filter(i -> i.commitment().equals(c.text())).toList());
			}
			plan.kpis().forEach(k -> assertThat(plan.kpi(k.id())).isEqualTo(
					plan.kpis().stream().filter(x -> x.id().equals(k.id())).findFirst()));
			plan.initiatives().forEach(i -> assertThat(plan.initiative(i.id())).isEqualTo(
					plan.initiatives().stream().filter(x -> x.id().equals(i.id())).findFirst()));
			assertThat(plan.materialities())
				.isEqualTo(scannedCommitments(plan).stream().map(Commitment::materiality).distinct().toList());
		}
	}

	/**
	 * A large group asks every question once per department (the validator per file, the report per
	 * commitment): scanning the plan for each made a group of 2,000 departments spend minutes where a
	 * lookup takes milliseconds. Every list is built once, with the plan: asked again, the plan hands out
	 * the very list it gave before, where a scan per question would build a new one.
	 */
	@Test
	void aLargeGroupIsAnsweredWithoutScanningThePlanPerQuestion() {
		Plan plan = ScaleBenchmark.plan(2000);
		long answers = 0;
		for (Department d : plan.departments()) {
			answers += plan.department(d.code()).isPresent() ? 1 : 0;
			assertThat(plan.kpisOf(d.code())).isSameAs(plan.kpisOf(d.code()));
			assertThat(plan.initiativesOf(d.code())).isSameAs(plan.initiativesOf(d.code()));
			assertThat(plan.commitmentsOf(d.code())).isSameAs(plan.commitmentsOf(d.code()));
			for (Kpi k : plan.kpisOf(d.code())) {
				answers += plan.kpi(k.id()).isPresent() ? 1 : 0;
			}
			for (Initiative i : plan.initiativesOf(d.code())) {
				answers += plan.initiative(i.id()).isPresent() ? 1 : 0;
			}
			for (Commitment c : plan.commitmentsOf(d.code())) {
				assertThat(plan.kpisOf(c)).isSameAs(plan.kpisOf(c));
				assertThat(plan.initiativesOf(c)).isSameAs(plan.initiativesOf(c));
				answers += plan.kpisOf(c).size() + plan.initiativesOf(c).size();
			}
		}
		// per department: itself, 5 KPIs, 10 initiatives, and its one commitment's 500 KPIs and 1,000 initiatives
		assertThat(answers).isEqualTo(2000 + 10_000 + 20_000 + 2000 * 1500L);
	}

	@Test
	void unknownKeysHaveNoAnswerAndTheListsCannotBeChanged() {
		Plan plan = SampleWorkbooks.plan();
		assertThat(plan.department("NONE")).isEmpty();
		assertThat(plan.kpi("NONE")).isEmpty();
		assertThat(plan.initiative("NONE")).isEmpty();
		assertThat(plan.kpisOf("NONE")).isEmpty();
		assertThat(plan.initiativesOf("NONE")).isEmpty();
		assertThat(plan.commitmentsOf("NONE")).isEmpty();
		assertThat(plan.kpisOf(new Commitment("m", "NONE"))).isEmpty();
		assertThat(plan.initiativesOf(new Commitment("m", "NONE"))).isEmpty();
		assertThat(plan).isEqualTo(new Plan(plan.group(), plan.term(), plan.start(), plan.end(), plan.deadline(),
				plan.departments(), plan.kpis(), plan.initiatives()));
		for (List<?> list : List.of(plan.commitments(), plan.materialities(), plan.kpisOf("ISEC"), plan.commitmentsOf("ISEC"))) {
			assertThat(list).isUnmodifiable();
		}
	}

	/** Rows the reader would refuse but a caller may build: repeated IDs, a department with nothing, a KPI-only commitment. */
	private static Plan withOddRows() {
		Plan sample = SampleWorkbooks.plan();
		List<Department> departments = new ArrayList<>(sample.departments());
		departments.add(new Department("IDLE", "何もない部", ""));
		departments.add(new Department("ISEC", "重複した部署", ""));
		List<Kpi> kpis = new ArrayList<>(sample.kpis());
		Kpi first = kpis.get(0);
		kpis.add(new Kpi(first.id(), "IDLE", first.materiality(), first.commitment(), "重複", "重複", first.judgement(),
				first.target(), first.unit(), null));
		kpis.add(new Kpi("K-ONLY", "ISEC", "別のマテリアリティ", "KPIだけのコミットメント", "KPIだけ", "KPIだけ", Criterion.QUALITATIVE,
				null, "", null));
		return new Plan(sample.group(), sample.term(), sample.start(), sample.end(), sample.deadline(), departments, kpis,
				sample.initiatives());
	}

	private static List<Commitment> scannedCommitments(Plan plan) {
		Set<Commitment> ordered = new LinkedHashSet<>();
		plan.initiatives().forEach(i -> ordered.add(new Commitment(i.materiality(), i.commitment())));
		plan.kpis().forEach(k -> ordered.add(new Commitment(k.materiality(), k.commitment())));
		return new ArrayList<>(ordered);
	}

	private static Set<String> codes(Plan plan) {
		Set<String> codes = new LinkedHashSet<>();
		plan.departments().forEach(d -> codes.add(d.code()));
		plan.kpis().forEach(k -> codes.add(k.departmentCode()));
		codes.add("NONE");
		return codes;
	}

}
