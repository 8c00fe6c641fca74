package jp.csr.review.office;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.csr.review.ReviewWorkbook;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.csr.review.testing.ReviewProcesses.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PRODUCT.md §11 and §7 together: a run killed (SIGKILL) while it records the office's decisions, then
 * {@code restart}, leaves every decision recorded exactly once and the review showing them. Killed twice: once with
 * the decisions written but not committed ({@link OfficeStallConfiguration}, before-commit), once right after the
 * commit, before the step was recorded as done, so that the restart reads the same workbooks again. The restart is
 * given no office folder: it reads the run's.
 */
class OfficeDecisionsCrashProcessTest {

	static final String DECISIONS = "53期_事務局確認.xlsx";

	@TempDir
	Path temp;

	@Test
	void aRunKilledWhileRecordingTheOfficesDecisionsRecordsEachOnceOnRestart() throws Exception {
		Folders f = Folders.in(temp);
		Path office = Files.createDirectories(temp.resolve("office"));
		String officeDir = "--review.office-dir=" + office;
		Result first = f.run("run", officeDir);
		assertThat(first.exit()).as(first.output()).isIn(0, 3);
		OfficeReviewTest.fill(f.output().resolve(DECISIONS), office.resolve("確認_山田.xlsx"),
				Map.of("AD", approved(), "BCP", approved(), "COMP", approved(), "DEV", approved(), "ISEC", approved(),
						"RISK", approved(), "PRIV", new String[] { "差戻し", "K03 の根拠を添えてください" }),
				List.of(List.of("PRIV", "K03", "件数の根拠資料を添付してください")), Instant.parse("2025-11-04T01:00:00Z"));

		// killed with the seven decisions and the comment written, not committed: nothing of them is in the store
		killedInTheOfficeStep(f, officeDir, "before-commit");
		assertThat(f.count("SELECT COUNT(*) FROM office_decision")).isZero();
		restart(f);
		assertRecordedOnce(f, 7, 1);
		ReviewWorkbook review = ReviewWorkbook.open(f.output().resolve("53期_行動計画振り返り.xlsx"));
		assertThat(review.row("提出状況", "部署コード", "PRIV")).containsEntry("状態", "差戻し (事務局)").containsEntry("確認", "差戻し");
		assertThat(review.row("提出状況", "部署コード", "AD")).containsEntry("確認", "承認").containsEntry("確認者", "山田 花子");
		assertThat(title(f)).endsWith("速報版 (未承認 1部署)");

		// killed right after the commit of PRIV's approval: the restart reads both workbooks again, records nothing twice
		OfficeReviewTest.fill(f.output().resolve(DECISIONS), office.resolve("確認_山田_2.xlsx"), Map.of("PRIV", approved()),
				List.of(), Instant.parse("2025-11-05T01:00:00Z"));
		// (the workbook holds every decision again, prefilled, and PRIV's row comment: seven and one more cells)
		killedInTheOfficeStep(f, officeDir, "after-commit");
		assertThat(f.count("SELECT COUNT(*) FROM office_decision")).as("committed before the kill").isEqualTo(14);
		assertThat(f.count("SELECT COUNT(*) FROM office_row_comment")).as("committed before the kill").isEqualTo(2);
		restart(f);
		assertRecordedOnce(f, 14, 2);
		assertThat(ReviewWorkbook.open(f.output().resolve("53期_行動計画振り返り.xlsx")).row("提出状況", "部署コード", "PRIV"))
			.containsEntry("状態", "受理").containsEntry("確認", "承認");
		assertThat(title(f)).endsWith("確定版");
	}

	private static String[] approved() {
		return new String[] { "承認", null };
	}

	private void killedInTheOfficeStep(Folders f, String officeDir, String when) throws Exception {
		Path stalled = temp.resolve("stalled-" + when);
		Child run = f.start("run", officeDir, "--review.test.office-stall=" + when, "--review.test.office-stall-file=" + stalled);
		await().atMost(TIMEOUT).until(() -> Files.exists(stalled) || !run.isAlive());
		assertThat(run.isAlive()).as("stalled in the office step").isTrue();
		run.kill();
		assertThat(f.query("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'office' ORDER BY STEP_EXECUTION_ID DESC"))
			.as("killed during the office step").first().isEqualTo("STARTED");
	}

	private static void restart(Folders f) throws Exception {
		Result restarted = f.run("restart");
		assertThat(restarted.exit()).as(restarted.output()).isIn(0, 3);
		assertThat(restarted.output()).contains("異常終了していました").containsPattern("ステップ office\\s*完了");
	}

	/** Each decision and row comment once: as many rows as the office's workbooks hold, no two from the same cell. */
	private static void assertRecordedOnce(Folders f, int decisions, int comments) {
		assertThat(f.count("SELECT COUNT(*) FROM office_decision")).isEqualTo(decisions);
		assertThat(f.count("SELECT COUNT(*) FROM (SELECT DISTINCT workbook_sha256, sheet, cell FROM office_decision) d"))
			.isEqualTo(decisions);
		assertThat(f.count("SELECT COUNT(*) FROM office_row_comment")).isEqualTo(comments);
	}

	private static String title(Folders f) throws Exception {
		return ReviewWorkbook.open(f.output().resolve("53期_行動計画振り返り.xlsx")).sheet("振り返り").getRow(0).getCell(0)
			.getStringCellValue();
	}

}
