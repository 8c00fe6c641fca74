package jp.csr.review.judge;

import java.nio.file.Path;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.SampleFolders;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §5: without a 前期実績 in the plan, 増加/減少 compare with the previous term's accepted
 * 実績 held in the store, as that term's review showed it; with neither, the KPI is 判定不能.
 */
@SpringBootTest
@SharedStoreToo
class PreviousTermBaselineTest {

	static final Path ROOT = SampleFolders.copy("baseline");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void previousTermResultInTheStoreIsTheBaseline() throws Exception {
		JobExecution first = run();
		assertThat(outcome(first, "K09")).isEqualTo("判定不能");
		assertThat(outcome(first, "K06")).isEqualTo("判定不能");

		// 52期: the same departments reported 3 system incidents and a hotline awareness of 97.5%
		jdbc.sql("""
				INSERT INTO submission_file (id, sha256, file_name, original_path, size, modified_at, job_instance_id, status,
				  term, department_code, errors, warnings, archive_path)
				VALUES (900, 'previous-term', '52期.xlsx', '52期.xlsx', 1, '2024-10-20T00:00:00Z', 0, 'ACCEPTED', 52, 'DEV',
				  0, 0, 'archive/previous-term.xlsx')""").update();
		jdbc.sql("INSERT INTO kpi_result VALUES (900, 'K09', '3', '3', '', '', 'KPI!F2')").update();
		jdbc.sql("INSERT INTO kpi_result VALUES (900, 'K06', '97.5', '97.5', '', '', 'KPI!F3')").update();
		// and the run that judged 52期 showed them
		jdbc.sql("INSERT INTO judged_term (job_instance_id, term, group_name) VALUES (900, 52, ?)")
			.param(SampleWorkbooks.plan().group()).update();
		jdbc.sql("""
				INSERT INTO kpi_judgement (job_instance_id, kpi_id, position, outcome, value, file_id, cell)
				VALUES (900, 'K09', 0, '判定不能', '3', 900, 'KPI!F2'), (900, 'K06', 1, '判定不能', '97.5', 900, 'KPI!F3')""")
			.update();

		JobExecution second = run();
		assertThat(outcome(second, "K09")).isEqualTo("達成");
		assertThat(jdbc.sql("SELECT baseline || ' ' || baseline_source FROM kpi_judgement WHERE job_instance_id = ? AND kpi_id = 'K09'")
			.param(second.getJobInstanceId()).query(String.class).single()).isEqualTo("3 52期実績 (提出済み)");
		assertThat(outcome(second, "K06")).isEqualTo("達成");
	}

	private JobExecution run() throws Exception {
		JobExecution execution = runs.start();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return execution;
	}

	private String outcome(JobExecution execution, String kpi) {
		return jdbc.sql("SELECT outcome FROM kpi_judgement WHERE job_instance_id = ? AND kpi_id = ?")
			.params(execution.getJobInstanceId(), kpi).query(String.class).single();
	}

}
