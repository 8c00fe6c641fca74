package jp.csr.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §3, versions by arrival: a department fixes its rejected file and copies it in keeping
 * its old modification time ({@code cp -p}, a sync tool). A file first seen by a later run is newer
 * than everything seen before, so the correction is the department's word, not the rejection.
 */
@SpringBootTest
@SharedStoreToo
class CorrectedCopyWithOldTimestampTest {

	static final Path ROOT = SampleFolders.planOnly("corrected-old-time");

	static final Path INPUT = ROOT.resolve("input");

	static final String REJECTED = "53期_PRIV_個人情報保護部.xlsx";

	static final String CORRECTED = "53期_PRIV_個人情報保護部_訂正版.xlsx";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCorrectionCopiedWithAnOlderModificationTimeReplacesTheRejection() throws Exception {
		// K03 counts incidents (件): a word is an error
		drop(REJECTED, kpi -> kpi.getRow(1).getCell(5, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("少し"),
				Instant.parse("2025-10-25T08:00:00Z"));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(review().row("提出状況", "部署コード", "PRIV").get("状態")).isEqualTo("差戻し");

		// the correction was saved on the 21st and copied in with that time, after the rejected file's 25th
		drop(CORRECTED, kpi -> kpi.getRow(1).getCell(5, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(1),
				Instant.parse("2025-10-21T08:00:00Z"));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT status FROM submission_file WHERE file_name = ?").param(CORRECTED).query(String.class)
			.single()).isEqualTo("ACCEPTED");

		ReviewWorkbook review = review();
		var priv = review.row("提出状況", "部署コード", "PRIV");
		assertThat(priv.get("状態")).isEqualTo("受理");
		assertThat(priv.get("使用中のファイル")).isEqualTo(CORRECTED);
		assertThat(review.row("KPI達成状況", "KPI ID", "K03").get("実績")).isEqualTo("1");
	}

	private static ReviewWorkbook review() throws Exception {
		return ReviewWorkbook.open(ROOT.resolve("output/53期_行動計画振り返り.xlsx"));
	}

	/** PRIV's sample submission with its KPI sheet changed, received at {@code at}. */
	private static void drop(String name, Consumer<Sheet> kpi, Instant at) {
		Drops.drop(INPUT, "PRIV", name, wb -> kpi.accept(wb.getSheet("KPI")), at);
	}

}
