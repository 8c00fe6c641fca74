package jp.csr.review;

import java.nio.file.Path;
import java.time.Instant;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §3, versions: files first seen by the same run are taken oldest first by modification time, to the
 * fraction of a second. Two saves within one second (…08:00:00 and …08:00:00.5) are two versions, and the later
 * one is the department's word, whatever the width of the times' text.
 */
@SpringBootTest
@SharedStoreToo
class VersionsInTheSameSecondTest {

	static final Path ROOT = SampleFolders.planOnly("same-second");

	static final Path INPUT = ROOT.resolve("input");

	static final Instant SAVED = Instant.parse("2025-10-21T08:00:00Z");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ofTwoVersionsReceivedInTheSameSecondTheLaterOneIsInUse() throws Exception {
		// K03 counts incidents: the first save says 2, the one half a second later 1
		Drops.drop(INPUT, "PRIV", "53期_PRIV_個人情報保護部.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue(2), SAVED);
		Drops.drop(INPUT, "PRIV", "53期_PRIV_個人情報保護部_最終.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue(1),
				SAVED.plusMillis(500));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		ReviewWorkbook review = ReviewWorkbook.open(ROOT.resolve("output/53期_行動計画振り返り.xlsx"));
		assertThat(review.row("提出状況", "部署コード", "PRIV").get("使用中のファイル")).isEqualTo("53期_PRIV_個人情報保護部_最終.xlsx");
		assertThat(review.row("KPI達成状況", "KPI ID", "K03").get("実績")).isEqualTo("1");
		assertThat(jdbc.sql("SELECT file_in_use FROM review_submission WHERE term = 53 AND department_code = 'PRIV'")
			.query(String.class).single()).as("the view alike").isEqualTo("53期_PRIV_個人情報保護部_最終.xlsx");
	}

}
