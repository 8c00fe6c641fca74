package jp.csr.review.judge;

import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.Set;

import jp.csr.review.store.Submissions.InitiativeValue;
import jp.csr.review.store.Submissions.KpiValue;

import jp.csr.review.SampleFolders;
import jp.csr.review.store.Submissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge step's queries for the whole term answer as the per-file and per-KPI queries they replace: the
 * order of versions of PRODUCT.md §3 (a later run's file is newer whatever its date), rejected files
 * ignored, and a newest file without a number leaves the baseline to an older one.
 */
@SpringBootTest
class TermResultsTest {

	static final Path ROOT = SampleFolders.planOnly("term-results");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Submissions submissions;

	@Test
	void answersAsTheQueriesPerFileAndPerKpi() {
		// 52期: run 1 sent A then B (later, K09 not a number) and a rejected C; run 2 sent D, dated earlier
		file(901, 1, "2024-10-20T00:00:00Z", "ACCEPTED", 52, "DEV");
		file(902, 1, "2024-10-25T00:00:00Z", "ACCEPTED", 52, "DEV");
		file(903, 1, "2024-10-26T00:00:00Z", "REJECTED", 52, "DEV");
		file(904, 2, "2024-10-01T00:00:00Z", "ACCEPTED", 52, "COMP");
		kpi(901, "K09", "3", "3");
		kpi(901, "K06", "95", "95");
		kpi(902, "K09", "判定不能な値", null);
		kpi(902, "K06", "96", "96");
		kpi(903, "K09", "99", "99");
		kpi(904, "K06", "97.5", "97.5");
		// 53期: DEV sent two versions, COMP one
		file(911, 3, "2025-10-01T00:00:00Z", "ACCEPTED", 53, "DEV");
		file(912, 3, "2025-10-02T00:00:00Z", "ACCEPTED", 53, "DEV");
		file(913, 3, "2025-10-01T00:00:00Z", "ACCEPTED", 53, "COMP");
		kpi(911, "K09", "1", "1");
		kpi(912, "K09", "2", "2");
		kpi(913, "K06", "98", "98");
		jdbc.sql("INSERT INTO initiative_result VALUES (912, 'I20', '完了', NULL, '◎', '', '取り組み!C2')").update();
		jdbc.sql("INSERT INTO initiative_result VALUES (911, 'I20', '未着手', NULL, '△', '', '取り組み!C2')").update();

		TermResults results = new TermResults(jdbc);
		var previous = results.resultsOfTerm(52);
		// K09: 902 is newer but not a number, 903 rejected; K06: 904 came in a later run, so it is newer
		assertThat(previous.get("K01")).isNull();
		assertThat(previous.get("K09")).isEqualByComparingTo("3");
		assertThat(previous.get("K06")).isEqualByComparingTo("97.5");

		Set<Long> inUse = Set.of(submissions.inUse(53).get("DEV").id(), submissions.inUse(53).get("COMP").id());
		assertThat(inUse).containsExactlyInAnyOrder(912L, 913L);
		var kpis = results.kpiValues(53, inUse);
		assertThat(kpis).containsOnlyKeys(912L, 913L);
		assertThat(kpis.get(912L)).containsExactlyEntriesOf(
				java.util.Map.of("K09", new KpiValue(912, "K09", "2", new BigDecimal("2"), "", "KPI!F2")));
		assertThat(kpis.get(913L).get("K06")).isEqualTo(new KpiValue(913, "K06", "98", new BigDecimal("98"), "", "KPI!F2"));
		var initiatives = results.initiativeValues(53, inUse);
		assertThat(initiatives).containsOnlyKeys(912L);
		assertThat(initiatives.get(912L).get("I20"))
			.isEqualTo(new InitiativeValue(912, "I20", "完了", null, "◎", "取り組み!C2"));
	}

	private void file(long id, long run, String modifiedAt, String status, int term, String department) {
		jdbc.sql("""
				INSERT INTO submission_file (id, sha256, file_name, original_path, size, modified_at, job_instance_id, status,
				  term, department_code, errors, warnings, archive_path)
				VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 0, 0, ?)""")
			.params(id, "sha-" + id, id + ".xlsx", id + ".xlsx", modifiedAt, run, status, term, department,
					"archive/" + id + ".xlsx")
			.update();
	}

	private void kpi(long file, String kpi, String value, String number) {
		jdbc.sql("INSERT INTO kpi_result VALUES (?, ?, ?, ?, '', '', 'KPI!F2')").params(file, kpi, value, number).update();
	}

}
