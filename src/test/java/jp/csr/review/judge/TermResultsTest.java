package jp.csr.review.judge;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;

import jp.csr.review.SampleFolders;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.InitiativeValue;
import jp.csr.review.store.Submissions.KpiValue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge step's queries for the whole term answer as the per-file and per-KPI queries they replace: the values
 * of the files in use only (the newest accepted file of each department, PRODUCT.md §3), of this term only.
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
		// 52期: DEV's file, its values no part of 53期's
		file(901, 1, "2024-10-20T00:00:00Z", "ACCEPTED", 52, "DEV");
		kpi(901, "K09", "3", "3");
		// 53期: DEV sent two versions and a third that was rejected, COMP one
		file(911, 3, "2025-10-01T00:00:00Z", "ACCEPTED", 53, "DEV");
		file(912, 3, "2025-10-02T00:00:00Z", "ACCEPTED", 53, "DEV");
		file(914, 3, "2025-10-03T00:00:00Z", "REJECTED", 53, "DEV");
		file(913, 3, "2025-10-01T00:00:00Z", "ACCEPTED", 53, "COMP");
		kpi(911, "K09", "1", "1");
		kpi(912, "K09", "2", "2");
		kpi(913, "K06", "98", "98");
		kpi(914, "K09", "99", "99");
		jdbc.sql("INSERT INTO initiative_result VALUES (912, 'I20', '完了', NULL, '◎', '', '取り組み!C2')").update();
		jdbc.sql("INSERT INTO initiative_result VALUES (911, 'I20', '未着手', NULL, '△', '', '取り組み!C2')").update();

		TermResults results = new TermResults(jdbc);
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
