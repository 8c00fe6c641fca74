package jp.csr.review.judge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.ReviewWorkbook;
import jp.csr.review.SampleFolders;
import jp.csr.review.feedback.Drops;
import jp.csr.review.nextterm.NextTerm;
import jp.csr.review.nextterm.PlanWriter;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §5 and §8 agree: where the plan has no 前期実績, 増加/減少 compare with the previous term's 実績 as that
 * term's review showed it, from the file it used. COMP's corrected 53期 file drops K06's row (53期 shows it
 * 未報告), so 54期 has no baseline for K06, not the 98.4% of COMP's superseded first file; DEV's K09 is compared
 * with the 2 53期 showed.
 */
@SpringBootTest
@SharedStoreToo
class BaselineAsLastTermsReviewShowedItTest {

	static final Path ROOT = SampleFolders.copy("baseline-as-shown");

	static final Path INPUT = ROOT.resolve("input");

	static final Instant RECEIVED_54 = Instant.parse("2026-10-20T01:00:00Z");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Test
	void aKpiLastTermsReviewShowedUnreportedHasNoBaselineFromAnOlderFile() throws Exception {
		Drops.drop(INPUT, "COMP", "53期_COMP_修正.xlsx", wb -> Drops.removeRow(wb, "KPI", "K06"), SampleFolders.RECEIVED.plusSeconds(86_400));
		run();
		assertThat(ReviewWorkbook.open(ROOT.resolve("output/53期_行動計画振り返り.xlsx")).row("KPI達成状況", "KPI ID", "K06"))
			.containsEntry("結果", "未報告");

		// 54期 on a plan without any 前期実績: every baseline comes from the store
		Plan next = NextTerm.of(SampleWorkbooks.plan(), Map.of(), Map.of());
		Files.delete(ROOT.resolve("plan.xlsx"));
		new PlanWriter().write(next, ROOT.resolve("plan.xlsx"));
		Drops.drop(INPUT, next, "COMP", "54期_COMP.xlsx", wb -> Drops.cell(wb, "KPI!F3").setCellValue("99.1%"), RECEIVED_54);
		Drops.drop(INPUT, next, "DEV", "54期_DEV.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue(1), RECEIVED_54);
		run();

		ReviewWorkbook review = ReviewWorkbook.open(ROOT.resolve("output/54期_行動計画振り返り.xlsx"));
		assertThat(review.row("KPI達成状況", "KPI ID", "K06")).containsEntry("実績", "99.1")
			.containsEntry("基準値", "")
			.containsEntry("基準値の出典", "")
			.containsEntry("結果", "判定不能");
		assertThat(review.row("KPI達成状況", "KPI ID", "K09")).containsEntry("実績", "1")
			.containsEntry("基準値", "2")
			.containsEntry("基準値の出典", "53期実績 (提出済み)")
			.containsEntry("結果", "達成");
	}

	private void run() throws Exception {
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

}
