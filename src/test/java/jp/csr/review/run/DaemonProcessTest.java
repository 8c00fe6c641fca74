package jp.csr.review.run;

import java.nio.file.Path;

import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.csr.review.testing.ReviewProcesses.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daemon of PRODUCT.md §7 in a real process: its schedule and a SIGTERM between runs are the same on either
 * store, so it runs on SQLite only; a SIGTERM during a run, which the job repository records, is
 * {@link OperationsProcessTest}'s, on both stores.
 */
class DaemonProcessTest {

	@TempDir
	Path temp;

	@Test
	void theDaemonRunsOnItsScheduleAndStopsCleanlyOnSigterm() throws Exception {
		Folders f = Folders.in(temp);
		Child daemon = f.start("daemon", "--review.schedule=*/2 * * * * *");
		await().atMost(TIMEOUT)
			.until(() -> f.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'") > 0);
		daemon.destroy(); // SIGTERM
		Result stopped = Result.of(daemon);
		assertThat(stopped.exit()).as(stopped.output()).isZero();
		assertThat(stopped.output()).contains("デーモン開始").contains("次回").contains("定時実行の終了")
			.contains("デーモンを停止しました");
		assertThat(f.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).allMatch(s -> s.equals("COMPLETED") || s.equals("STOPPED"));
	}

}
