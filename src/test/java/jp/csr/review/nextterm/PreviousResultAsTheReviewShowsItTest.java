package jp.csr.review.nextterm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.csr.review.ReviewWorkbook;
import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §8: the 前期実績 {@code next-term} writes is the numeric 実績 this term's review shows, from the file
 * the review uses. COMP's first file reports K06 (98.4%); its corrected, newer file drops K06's row: the review
 * shows K06 未報告, and the next term's plan carries nothing for it, not the superseded 98.4.
 */
@SpringBootTest
@SharedStoreToo
class PreviousResultAsTheReviewShowsItTest {

	static final Path ROOT = SampleFolders.copy("next-term-as-shown");

	static final Path REVIEW = ROOT.resolve("output/53期_行動計画振り返り.xlsx");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Test
	void aKpiTheReviewShowsUnreportedHasNoPreviousResultInTheNextTermsPlan() throws Exception {
		Drops.drop(ROOT.resolve("input"), "COMP", "53期_COMP_修正.xlsx", wb -> Drops.removeRow(wb, "KPI", "K06"),
				SampleFolders.RECEIVED.plusSeconds(86_400));
		assertThat(typed.exit("run")).isZero();
		ReviewWorkbook review = ReviewWorkbook.open(REVIEW);
		assertThat(review.row("KPI達成状況", "KPI ID", "K06")).containsEntry("結果", "未報告").containsEntry("実績", "");
		assertThat(review.row("KPI達成状況", "KPI ID", "K05")).containsEntry("結果", "未達");

		Path next = ROOT.resolve("54期_行動計画.xlsx");
		assertThat(typed.exit("next-term", "--out", next.toString())).isZero();
		assertThat(previousResults(next)).containsExactly(Map.entry("K01", "1"), Map.entry("K02", ""),
				Map.entry("K03", "1"), Map.entry("K04", ""), Map.entry("K05", "98.9"), Map.entry("K06", ""),
				Map.entry("K07", "0"), Map.entry("K08", ""), Map.entry("K09", "2"), Map.entry("K10", ""),
				Map.entry("K11", ""), Map.entry("K12", ""), Map.entry("K13", ""));
	}

	/** KPI ID → 前期実績 as the KPI sheet of a plan shows it. */
	private static Map<String, String> previousResults(Path plan) throws Exception {
		Map<String, String> results = new LinkedHashMap<>();
		ReviewWorkbook.open(plan).table("KPI").forEach(r -> results.put(r.get("KPI ID"), r.get("前期実績")));
		return results;
	}

}
