package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import jp.csr.review.TestStore;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.csr.review.testing.ReviewProcesses.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run lock of the shared store is its session's advisory lock: a session can end while its run lives (an
 * admin's pg_terminate_backend, a timeout on the role). The run then stops safely before its next commit, and
 * another host's run leaves the live run alone (exit 4) instead of recording it as dead.
 */
@SharedStoreToo
class LostLockProcessTest {

	@TempDir
	Path temp;

	@Test
	void aRunWhoseLockSessionIsTerminatedStopsRestartablyAndASecondRunExits4MeanwhileNotCallingItDead()
			throws Exception {
		Assumptions.assumeTrue(TestStore.postgres(), "the lock is a database session's only on PostgreSQL");
		Folders a = Folders.in(temp);
		Folders b = a.otherHost("store-b");
		// four to a chunk, two checked at once (the default checks a chunk's files concurrently, where Batch calls no
		// chunk listener); the first chunk waits at the gate (LoadGateConfiguration) until the other host's run has
		// tried while this run is alive and has not reached its commit
		Path gate = temp.resolve("gate");
		Child slow = a.start("run", "--review.test.load-gate=" + gate, "--review.load-chunk=4", "--review.load-threads=2");
		await().atMost(TIMEOUT)
			.until(() -> a.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load' AND STATUS = 'STARTED'") > 0);
		try (Connection c = a.connect(); Statement s = c.createStatement()) {
			s.execute("SELECT pg_terminate_backend(session) FROM review_run_lock");
		}

		Result second = b.run("run");
		assertThat(slow.isAlive()).as("the first run still loads").isTrue();
		assertThat(second.exit()).as(second.output()).isEqualTo(4);
		assertThat(second.output()).contains("別の実行が進行中です (PID " + slow.process().pid())
			.doesNotContain("異常終了していました");

		Files.createFile(gate);
		Result stopped = slow.result();
		assertThat(stopped.exit()).as(stopped.output()).isEqualTo(1);
		assertThat(stopped.output()).contains("停止 (実行 1): 実行ロックを失ったため、ステップ「load」で安全に停止しました")
			.contains("./review restart 1")
			.doesNotContain("Exception");
		assertThat(a.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STOPPED");
		assertThat(a.query("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load'")).containsExactly("STOPPED");
		assertThat(a.count("SELECT COUNT(*) FROM submission_file")).as("the chunk in progress was not committed").isZero();

		Result restarted = b.run("restart");
		assertThat(restarted.exit()).as(restarted.output()).isIn(0, 3);
		assertThat(a.query("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")).containsExactly("STOPPED",
				"COMPLETED");
	}

}
