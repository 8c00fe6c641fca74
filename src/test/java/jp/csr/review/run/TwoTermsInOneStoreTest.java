package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.ReviewWorkbook;
import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.feedback.Drops;
import jp.csr.review.nextterm.NextTerm;
import jp.csr.review.nextterm.PlanWriter;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.testing.SharedStoreToo;
import jp.csr.review.write.AnswerTasklet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §8, the term cycle in one store: 53期 (the sample, with one department sent back), then
 * {@code next-term}, then 54期 on the rolled plan with the departments' new files dropped into the same folder.
 * 53期's data, review, annotated copy and fingerprint are left as they were; the 54期 review compares the two
 * terms (前期比較, サマリー) and judges 増加/減少 against 53期, from the rolled plan's 前期実績 or, without it,
 * from the store; {@code status} lists both terms.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class TwoTermsInOneStoreTest {

	static final Path ROOT = SampleFolders.copy("two-terms");

	static final Path PLAN = ROOT.resolve("plan.xlsx");

	static final Path INPUT = ROOT.resolve("input");

	static final Path REVIEW_53 = ROOT.resolve("output/53期_行動計画振り返り.xlsx");

	static final Path REVIEW_54 = ROOT.resolve("output/54期_行動計画振り返り.xlsx");

	/** DEV's 53期 correction, sent back: 53期 shows DEV 差戻し until it sends a 53期 file that is accepted. */
	static final Path DEV_COPY_53 = ROOT.resolve("output/差戻し/DEV/53期_DEV_システム開発部_修正.xlsx");

	static final Instant RECEIVED_54 = Instant.parse("2026-10-20T01:00:00Z");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thisTermIsLeftAsItWasAndTheNextIsComparedWithIt(CapturedOutput output) throws Exception {
		// ---- 53期: the sample, and a correction of DEV's that is sent back ----
		Drops.drop(INPUT, "DEV", "53期_DEV_システム開発部_修正.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("1.5件"),
				SampleFolders.RECEIVED.plusSeconds(86_400));
		JobExecution run53 = run();
		assertThat(DEV_COPY_53).isRegularFile();
		Map<String, Long> rows53 = rowsOf53(run53);
		Map<String, String> cells53 = ReviewWorkbook.open(REVIEW_53).cells();
		FileTime written53 = Files.getLastModifiedTime(REVIEW_53);
		Path plan53 = Files.copy(PLAN, ROOT.resolve("plan53.xlsx"));

		// ---- next-term, and the departments' 54期 files in the same folder as the 53期 ones ----
		Path plan54 = ROOT.resolve("plan54.xlsx");
		assertThat(typed.exit("next-term", "--out", plan54.toString())).isZero();
		Plan next = PlanReader.read(plan54);
		for (String code : List.of("ISEC", "PRIV", "COMP", "RISK", "DEV", "BCP")) {
			Drops.drop(INPUT, next, code, "54期_" + code + ".xlsx", wb -> {
				switch (code) {
					case "ISEC" -> {
						Drops.cell(wb, "KPI!F2").setCellValue(0);
						Drops.cell(wb, "KPI!G2").setCellValue("重大インシデント件数0件");
					}
					case "COMP" -> Drops.cell(wb, "KPI!F3").setCellValue("99.1%");
					case "DEV" -> {
						Drops.cell(wb, "KPI!F2").setCellValue(1);
						Drops.cell(wb, "KPI!G2").setCellValue("システム起因インシデント1件");
					}
					default -> {
					}
				}
			}, RECEIVED_54);
		}
		// AD's is sent back; RISK's copy of a 53期 file, new bytes, comes in before its 54期 one
		Drops.drop(INPUT, next, "AD", "54期_AD.xlsx", wb -> Drops.cell(wb, "取り組み!C2").setCellValue("ほぼ完了"),
				RECEIVED_54);
		Drops.drop(INPUT, "RISK", "53期_RISK_再提出.xlsx", wb -> Drops.cell(wb, "KPI!H2").setCellValue("再提出"),
				RECEIVED_54.minusSeconds(3_600));

		// ---- 54期 ----
		Files.copy(plan54, PLAN, StandardCopyOption.REPLACE_EXISTING);
		JobExecution run54 = run();
		ReviewWorkbook review = ReviewWorkbook.open(REVIEW_54);
		assertThat(review.sheetNames()).containsExactly("振り返り", "KPI達成状況", "サマリー", "前期比較", "提出状況", "検証結果");

		// 前期比較: every KPI ID of both terms, cell by cell for those that moved
		List<Map<String, String>> compared = review.table("前期比較");
		assertThat(compared).extracting(r -> r.get("KPI ID"))
			.containsExactly("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "K11", "K12", "K13");
		assertThat(comparison(review, "K01")).containsExactly("重大インシデント件数0件", "以下", "件", "1", "0", "-1", "未達", "達成");
		assertThat(comparison(review, "K02")).containsExactly("ISMS維持(取得部門についてのみ)", "維持", "", "維持", "維持", "", "達成",
				"達成");
		assertThat(comparison(review, "K06")).containsExactly("相談・通報ホットラインの認知率向上", "増加", "%", "98.4", "99.1", "0.7",
				"判定不能", "達成");
		assertThat(comparison(review, "K09")).containsExactly("システム起因インシデント件数減少", "減少", "件", "2", "1", "-1", "判定不能",
				"達成");
		assertThat(comparison(review, "K10")).containsExactly("適切な広告コンテンツの維持", "定性", "", "継続中", "", "", "継続中", "未提出");
		// beside the table, the attainment rate of both terms: 53期 3 of 6 judged, 54期 6 of 8
		Map<String, String> cells = review.cells();
		assertThat(List.of(cells.get("前期比較!K1"), cells.get("前期比較!L1"), cells.get("前期比較!M1")))
			.containsExactly("マテリアリティ", "53期 達成率", "54期 達成率");
		assertThat(List.of(cells.get("前期比較!K2"), cells.get("前期比較!L2"), cells.get("前期比較!M2")))
			.containsExactly("責任ある企業活動の実施", "50.0%", "75.0%");
		assertThat(List.of(cells.get("前期比較!K3"), cells.get("前期比較!L3"), cells.get("前期比較!M3")))
			.containsExactly("合計", "50.0%", "75.0%");
		// サマリー: the same rates under its table, and a chart of the two series
		assertThat(List.of(cells.get("サマリー!A5"), cells.get("サマリー!B5"), cells.get("サマリー!C5")))
			.containsExactly("マテリアリティ", "53期 達成率", "54期 達成率");
		assertThat(List.of(cells.get("サマリー!A6"), cells.get("サマリー!B6"), cells.get("サマリー!C6")))
			.containsExactly("責任ある企業活動の実施", "50.0%", "75.0%");
		List<XSSFChart> charts = review.sheet("サマリー").getDrawingPatriarch().getCharts();
		assertThat(charts).hasSize(3);
		XSSFChart twoTerms = charts.get(2);
		assertThat(twoTerms.getTitleText().getString()).isEqualTo("KPI達成率 (53期・54期)");
		assertThat(twoTerms.getChartSeries().get(0).getSeriesCount()).isEqualTo(2);
		// 減少 judged against 53期, the baseline the rolled plan carries, shown in KPI達成状況
		Map<String, String> k09 = review.row("KPI達成状況", "KPI ID", "K09");
		assertThat(List.of(k09.get("基準値"), k09.get("基準値の出典"), k09.get("実績"), k09.get("結果")))
			.containsExactly("2", "前期実績 (行動計画)", "1", "達成");
		// 54期 from its own files only: AD sent back; RISK's 53期 file is no 54期 submission, left for a 53期 run
		assertThat(review.row("提出状況", "部署コード", "DEV").get("状態")).isEqualTo("受理");
		assertThat(review.row("提出状況", "部署コード", "RISK").get("状態")).isEqualTo("受理");
		assertThat(review.row("提出状況", "部署コード", "AD").get("状態")).isEqualTo("差戻し");
		assertThat(review.table("検証結果")).noneMatch(issue -> issue.get("ファイル").equals("53期_RISK_再提出.xlsx"));
		assertThat(output).contains("53期_RISK_再提出.xlsx  (別の期 (53期) のファイル: この期 (54期) の実行では取り込みません)");

		// ---- 53期 untouched: its rows, its review, DEV's annotated copy ----
		assertThat(rowsOf53(run53)).isEqualTo(rows53);
		assertThat(Files.getLastModifiedTime(REVIEW_53)).isEqualTo(written53);
		assertThat(DEV_COPY_53).as("DEV's 54期 file settles nothing of 53期").isRegularFile();

		// ---- status lists both terms ----
		assertThat(typed.exit("status")).isZero();
		assertThat(output).contains("ストアの期:")
			.contains("53期  マイナビグループ  ファイル 受理 7 / 差戻し 1  最終集計 実行 " + run53.getId() + "  ")
			.contains("54期  マイナビグループ  ファイル 受理 6 / 差戻し 1  最終集計 実行 " + run54.getId() + "  ");

		// ---- back on the 53期 plan: RISK's 53期 file, left by the 54期 runs, is taken by 53期's ----
		Files.copy(plan53, PLAN, StandardCopyOption.REPLACE_EXISTING);
		run();
		assertThat(ReviewWorkbook.open(REVIEW_53).row("提出状況", "部署コード", "RISK").get("使用中のファイル"))
			.isEqualTo("53期_RISK_再提出.xlsx");
		cells53 = ReviewWorkbook.open(REVIEW_53).cells();
		written53 = Files.getLastModifiedTime(REVIEW_53);
		// ---- and nothing of 53期 changed since, so its review is kept as it is ----
		JobExecution quiet = run();
		assertThat(steps(quiet)).containsExactly("scan", "load", "office", AnswerTasklet.STEP);
		assertThat(Files.getLastModifiedTime(REVIEW_53)).isEqualTo(written53);
		// and written again, it is the same review, cell by cell
		Files.delete(REVIEW_53);
		assertThat(steps(run())).containsExactly("scan", "load", "office", "judge", "write");
		assertThat(ReviewWorkbook.open(REVIEW_53).cells()).containsExactlyEntriesOf(cells53);
		assertThat(DEV_COPY_53).isRegularFile();

		// ---- a 54期 plan without 前期実績: 増加 and 減少 take 53期's results in the store ----
		Plan bare = NextTerm.of(PlanReader.read(plan53), Map.of(), Map.of());
		new PlanWriter().write(bare, PLAN);
		run();
		review = ReviewWorkbook.open(REVIEW_54);
		k09 = review.row("KPI達成状況", "KPI ID", "K09");
		assertThat(List.of(k09.get("基準値"), k09.get("基準値の出典"), k09.get("結果")))
			.containsExactly("2", "53期実績 (提出済み)", "達成");
		Map<String, String> k06 = review.row("KPI達成状況", "KPI ID", "K06");
		assertThat(List.of(k06.get("基準値"), k06.get("基準値の出典"), k06.get("結果")))
			.containsExactly("98.4", "53期実績 (提出済み)", "達成");
	}

	private JobExecution run() throws Exception {
		JobExecution execution = runs.start();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return execution;
	}

	private static List<String> steps(JobExecution execution) {
		return execution.getStepExecutions().stream().map(s -> s.getStepName()).toList();
	}

	/** A KPI's row of 前期比較 after its ID. */
	private static List<String> comparison(ReviewWorkbook review, String kpi) {
		Map<String, String> row = review.row("前期比較", "KPI ID", kpi);
		return List.of(row.get("KPI"), row.get("判定"), row.get("単位"), row.get("前期実績"), row.get("今期実績"), row.get("増減"),
				row.get("前期結果"), row.get("今期結果"));
	}

	/** How many rows the store holds of 53期: its files and what was read from them, and its run's verdicts. */
	private Map<String, Long> rowsOf53(JobExecution run53) {
		Map<String, Long> rows = new LinkedHashMap<>();
		rows.put("submission_file", count("SELECT COUNT(*) FROM submission_file WHERE term = 53"));
		for (String table : List.of("kpi_result", "initiative_result", "highlight", "validation_issue")) {
			rows.put(table, count("SELECT COUNT(*) FROM " + table
					+ " t JOIN submission_file f ON f.id = t.file_id WHERE f.term = 53"));
		}
		for (String table : List.of("kpi_judgement", "initiative_mark")) {
			rows.put(table, count("SELECT COUNT(*) FROM " + table + " WHERE job_instance_id = " + run53.getJobInstanceId()));
		}
		rows.put("validation_issue (ERROR)", count("""
				SELECT COUNT(*) FROM validation_issue i JOIN submission_file f ON f.id = i.file_id
				WHERE f.term = 53 AND i.severity = 'ERROR'"""));
		assertThat(rows.get("submission_file")).isEqualTo(8);
		return rows;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
