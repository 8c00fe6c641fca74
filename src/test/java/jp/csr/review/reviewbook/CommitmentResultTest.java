package jp.csr.review.reviewbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.ReviewWorkbook;
import jp.csr.review.SampleFolders;
import jp.csr.review.feedback.Drops;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §5, per commitment: 未提出 when every KPI is 未提出, 未報告 when every KPI is 未報告 or 未提出; nothing
 * sent is never 継続中. On the sample with ISEC's only file sent back and PRIV's file reporting neither of its KPIs.
 */
@SpringBootTest
class CommitmentResultTest {

	static final Path ROOT = SampleFolders.copy("commitment-result");

	static final Path INPUT = ROOT.resolve("input");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Test
	void aCommitmentWithNothingSubmittedReadsNotSubmittedAndOneWithNothingReportedReadsNotReported() throws Exception {
		// ISEC's only file sent back; PRIV's accepted with both 実績 left empty (warnings)
		Drops.drop(INPUT, "ISEC", "53期_ISEC_情報セキュリティ部.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("1.5件"),
				SampleFolders.RECEIVED);
		Drops.drop(INPUT, "PRIV", "53期_PRIV_個人情報保護部.xlsx", wb -> {
			for (String cell : new String[] { "KPI!F2", "KPI!G2", "KPI!F3", "KPI!G3" }) {
				Drops.cell(wb, cell).setBlank();
			}
		}, SampleFolders.RECEIVED);
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		ReviewWorkbook review = ReviewWorkbook.open(ROOT.resolve("output/53期_行動計画振り返り.xlsx"));
		assertThat(review.row("提出状況", "部署コード", "ISEC")).containsEntry("状態", "差戻し");
		assertThat(review.row("提出状況", "部署コード", "PRIV")).containsEntry("状態", "受理");
		Map<String, String> results = new LinkedHashMap<>();
		review.table("KPI達成状況")
			.forEach(r -> results.put(r.get("KPI ID"), r.get("結果") + " " + r.get("コミットメントの結果")));
		assertThat(results).containsExactly(Map.entry("K01", "未提出 未提出"), Map.entry("K02", "未提出 未提出"),
				Map.entry("K03", "未報告 未報告"), Map.entry("K04", "未報告 未報告"), Map.entry("K05", "未達 未達"),
				Map.entry("K06", "判定不能 未達"), Map.entry("K07", "達成 未達"), Map.entry("K08", "継続中 未達"),
				Map.entry("K09", "判定不能 継続中"), Map.entry("K10", "継続中 継続中"), Map.entry("K11", "継続中 継続中"),
				Map.entry("K12", "継続中 継続中"), Map.entry("K13", "継続中 継続中"));
	}

}
