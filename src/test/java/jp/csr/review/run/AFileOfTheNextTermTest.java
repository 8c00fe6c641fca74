package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.ReviewWorkbook;
import jp.csr.review.SampleFolders;
import jp.csr.review.feedback.Drops;
import jp.csr.review.nextterm.NextTerm;
import jp.csr.review.nextterm.PlanWriter;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §8: a department sends its 54期 file while the runs still use the 53期 plan. A file of another term
 * changes nothing of this term (ISEC stays 受理 on its 53期 file, is sent no 差戻し), the console says why it is not
 * taken, and the run of 54期 takes it: its bytes were never recorded, so they are not a duplicate there.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class AFileOfTheNextTermTest {

	static final Path ROOT = SampleFolders.copy("next-term-early");

	static final Path PLAN = ROOT.resolve("plan.xlsx");

	static final Path INPUT = ROOT.resolve("input");

	static final String EARLY = "54期_ISEC_情報セキュリティ部.xlsx";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFileOfTheNextTermIsLeftForTheRunOfItsOwnTerm(CapturedOutput output) throws Exception {
		Plan next = NextTerm.of(PlanReader.read(PLAN), Map.of(), Map.of());
		Path plan54 = ROOT.resolve("plan54.xlsx");
		new PlanWriter().write(next, plan54);
		Drops.drop(INPUT, next, "ISEC", EARLY, wb -> {
		}, SampleFolders.RECEIVED.plusSeconds(86_400));

		// ---- 53期, twice: the 54期 file is answered each time and recorded never ----
		run();
		run();
		assertThat(output).contains("スキップ " + INPUT.resolve(EARLY)
				+ "  (別の期 (54期) のファイル: この期 (53期) の実行では取り込みません)");
		ReviewWorkbook review53 = ReviewWorkbook.open(ROOT.resolve("output/53期_行動計画振り返り.xlsx"));
		Map<String, String> isec = review53.row("提出状況", "部署コード", "ISEC");
		assertThat(isec.get("状態")).isEqualTo("受理");
		assertThat(isec.get("使用中のファイル")).isEqualTo("53期_ISEC_情報セキュリティ部.xlsx");
		assertThat(isec.get("差戻しファイル")).isEmpty();
		assertThat(review53.table("検証結果")).noneMatch(r -> r.get("ファイル").equals(EARLY));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM submission_file WHERE file_name = ?").param(EARLY).query(Integer.class)
			.single()).as("no submission of 53期").isZero();
		assertThat(Files.exists(ROOT.resolve("output/差戻し/ISEC"))).as("no annotated copy").isFalse();

		// ---- 54期: taken by its own run ----
		Files.copy(plan54, PLAN, StandardCopyOption.REPLACE_EXISTING);
		run();
		assertThat(output).contains("受理     " + INPUT.resolve(EARLY) + "  部署 ISEC");
		Map<String, String> isec54 = ReviewWorkbook.open(ROOT.resolve("output/54期_行動計画振り返り.xlsx"))
			.row("提出状況", "部署コード", "ISEC");
		assertThat(isec54.get("状態")).isEqualTo("受理");
		assertThat(isec54.get("使用中のファイル")).isEqualTo(EARLY);
		assertThat(jdbc.sql("SELECT term || ' ' || status FROM submission_file WHERE file_name = ?").param(EARLY)
			.query(String.class).single()).isEqualTo("54 ACCEPTED");
	}

	private void run() throws Exception {
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

}
