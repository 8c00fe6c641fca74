package jp.csr.review.run;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import jp.csr.review.TestStore;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.csr.review.testing.ReviewProcesses.TIMEOUT;
import static jp.csr.review.testing.ReviewProcesses.cells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations of PRODUCT.md §7 as an admin meets them: real processes (a crash, a second run, a
 * signal need one), each on its own temporary store, input and output folders, started as
 * {@link jp.csr.review.testing.ReviewProcesses} starts them; {@code --review.test.load-delay} (see
 * {@link SlowLoadConfiguration}) makes the load step slow enough to kill it or ask its status, and
 * {@code --review.test.load-stall-after} and {@code --review.test.load-gate} hold it for as long as a test needs.
 */
@SharedStoreToo
class OperationsProcessTest {

	@TempDir
	static Path shared;

	private static Folders clean;

	private static List<String> cleanReview;

	@TempDir
	Path temp;

	/** A clean run of the bundled sample: the review every recovered run must equal. */
	@BeforeAll
	static void cleanRun() throws Exception {
		clean = Folders.in(shared.resolve("clean"));
		Result run = clean.run("run");
		assertThat(run.exit()).as(run.output()).isIn(0, 3);
		cleanReview = cells(clean.review());
		assertThat(cleanReview).hasSizeGreaterThan(100);
	}

	@Test
	void aFailedWriteStepIsResumedAloneByRestart() throws Exception {
		Folders f = Folders.in(temp);
		Files.delete(f.output());
		Files.writeString(f.output(), "a file where the output folder should be"); // blocks root as well

		Result failed = f.run("run");
		assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("ステップ「write」").contains("./review restart 1")
			.as("no stack trace on the console").doesNotContain("\tat ").doesNotContain("Caused by");
		assertThat(Files.readString(f.store().resolve("logs/review.log"))).contains("\tat ").contains(" ERROR ");

		Files.delete(f.output());
		Result restarted = f.run("restart");
		assertThat(restarted.exit()).as(restarted.output()).isIn(0, 3);
		assertThat(restarted.output()).containsPattern("ステップ write\\s+完了")
			.doesNotContainPattern("ステップ (scan|load|judge)\\s+完了");
		assertThat(f.query("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = 2")).containsExactly("write");
		assertThat(cells(f.review())).isEqualTo(cleanReview);
	}

	/**
	 * A chunk rolled back (here its commit fails; a lost run lock does the same) is not counted: the load's line and
	 * {@code status} say what the store holds, not what was attempted.
	 */
	@Test
	void theLoadLineOfAFailedRunCountsOnlyTheFilesCommitted() throws Exception {
		Folders f = Folders.in(temp);
		Result failed = f.run("run", "--review.test.fail-chunk=2", "--review.load-chunk=2", "--review.load-threads=1");
		assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
		assertThat(f.count("SELECT COUNT(*) FROM scan_candidate WHERE outcome IS NOT NULL")).as("the first chunk's files")
			.isEqualTo(2);
		assertThat(failed.output()).containsPattern("ステップ load\\s+失敗\\s+取り込み対象 2件\\s");
		assertThat(f.query("SELECT READ_COUNT || '/' || WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load'"))
			.containsExactly("2/2");
		assertThat(f.run("status").output()).containsPattern("ステップ load\\s+失敗\\s+取り込み対象 2件\\s");
	}

	@Test
	void aRunKilledDuringLoadIsRecoveredAndCompletedWithoutDuplicates() throws Exception {
		Folders f = Folders.in(temp);
		// chunks of 2: the first is committed, then the load waits for the kill between chunks, some files committed
		// and some not
		Child slow = f.start("run", "--review.test.load-stall-after=2", "--review.load-chunk=2");
		await().atMost(TIMEOUT)
			.until(() -> f.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load' AND WRITE_COUNT >= 1") > 0);
		slow.kill(); // SIGKILL: no hook, no cleanup
		assertThat(f.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STARTED");
		assertThat(f.query("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load'")).as("killed during load")
			.containsExactly("STARTED");

		assertRestartedWithoutDuplicates(f, f.run("restart"));
	}

	@Test
	void ofTwoRunsStartedTogetherOneExits4() throws Exception {
		Folders f = Folders.in(temp);
		Child a = f.start("run", gate());
		Child b = f.start("run", gate());
		// the one holding the lock waits in its load until the other has answered
		await().atMost(TIMEOUT).until(() -> !a.isAlive() || !b.isAlive());
		open();
		Result ra = Result.of(a);
		Result rb = Result.of(b);
		List<Integer> exits = List.of(ra.exit(), rb.exit());
		assertThat(exits).as(ra.output() + "\n---\n" + rb.output()).contains(4).containsAnyOf(0, 3);
		Result locked = ra.exit() == 4 ? ra : rb;
		assertThat(locked.output()).contains("別の実行が進行中です (PID ");
		assertThat(f.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("COMPLETED");
		assertThat(f.count("SELECT COUNT(*) FROM kpi_result")).isEqualTo(clean.count("SELECT COUNT(*) FROM kpi_result"));
		assertThat(cells(f.review())).isEqualTo(cleanReview);
	}

	@Test
	void sigtermDuringARunLeavesItStoppedAndRestartable() throws Exception {
		Folders f = Folders.in(temp);
		Child daemon = f.start("daemon", "--review.schedule=*/2 * * * * *", "--review.test.load-delay=2s",
				"--review.load-chunk=2");
		await().atMost(TIMEOUT)
			.until(() -> f.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load' AND STATUS = 'STARTED'") > 0);
		daemon.destroy();
		Result stopped = Result.of(daemon);
		assertThat(stopped.exit()).as(stopped.output()).isZero();
		assertThat(stopped.output()).contains("停止を要求しました").contains("./review restart 1");
		assertThat(f.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STOPPED");

		Result restarted = f.run("restart");
		assertThat(restarted.exit()).as(restarted.output()).isIn(0, 3);
		assertThat(cells(f.review())).isEqualTo(cleanReview);
	}

	@Test
	void statusShowsARunInProgressWithoutWaitingForIt() throws Exception {
		Folders f = Folders.in(temp);
		Child slow = f.start("run", "--review.test.load-delay=3s");
		try {
			await().atMost(TIMEOUT)
				.until(() -> f.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load' AND STATUS = 'STARTED'") > 0);
			Result status = f.run("status");
			assertThat(status.exit()).as(status.output()).isZero();
			assertThat(status.output()).contains("実行中: PID").containsPattern("終了 -  実行中\\R")
				.containsPattern("ステップ load\\s+実行中").contains("部署の状況").contains("未提出");
			assertThat(slow.isAlive()).as("status returned while the run was still loading").isTrue();
		}
		finally {
			slow.kill();
		}
	}

	/**
	 * PRODUCT.md §10: two hosts (two store folders) on one PostgreSQL database never run at once; the second
	 * names the first, whose lock and record it cannot see on its own disk.
	 */
	@Test
	void ofTwoHostsOnOneDatabaseOneRunsAndTheOtherExits4NamingIt() throws Exception {
		Assumptions.assumeTrue(TestStore.postgres(), "hosts share a store only on PostgreSQL");
		Folders a = Folders.in(temp);
		Folders b = a.otherHost("store-b");
		Child ra = a.start("run", gate());
		Child rb = b.start("run", gate());
		await().atMost(TIMEOUT).until(() -> !ra.isAlive() || !rb.isAlive());
		open();
		Result resultA = Result.of(ra);
		Result resultB = Result.of(rb);
		assertThat(List.of(resultA.exit(), resultB.exit())).as(resultA.output() + "\n---\n" + resultB.output()).contains(4)
			.containsAnyOf(0, 3);
		boolean aRan = resultB.exit() == 4;
		Result locked = aRan ? resultB : resultA;
		long holder = (aRan ? ra : rb).process().pid();
		assertThat(locked.output()).contains("別の実行が進行中です (PID " + holder + ", ホスト ").contains(", 開始 ");
		assertThat(a.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("COMPLETED");
		assertThat(a.count("SELECT COUNT(*) FROM review_run_lock")).as("released").isZero();
	}

	/**
	 * A run killed on one host leaves the lock free (its session is gone): from the other host {@code status}
	 * says so, and {@code restart} settles it and completes it with nothing duplicated. The run's paths are the
	 * first host's: one this host does not have stops the restart (exit 2) naming that host, the setting and the
	 * two ways on; typed on the restart's command line, this host's path takes its place, and the console says so.
	 */
	@Test
	void aRunKilledOnOneHostIsRestartedFromTheOther() throws Exception {
		Assumptions.assumeTrue(TestStore.postgres(), "hosts share a store only on PostgreSQL");
		Folders a = Folders.in(temp);
		Folders b = a.otherHost("store-b");
		// the first chunk (2 files) is committed, then the load waits for the kill: no race with a busy machine
		Child slow = a.start("run", "--review.test.load-stall-after=2", "--review.load-chunk=2");
		await().atMost(TIMEOUT)
			.until(() -> a.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load' AND WRITE_COUNT >= 1") > 0);
		Result running = b.run("status");
		assertThat(running.output()).contains("ストア: " + b.url() + " (PostgreSQL、共有)")
			.contains("実行中: PID " + slow.process().pid() + ", ホスト ").containsPattern("終了 -  実行中\\R");
		slow.kill(); // SIGKILL: its connection, and with it the lock, goes
		assertThat(a.query("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load'")).as("killed during load")
			.containsExactly("STARTED");

		Result dead = b.run("status");
		assertThat(dead.output()).contains("停止したプロセスの記録があります (PID " + slow.process().pid())
			.contains("実行中のままプロセス停止 (次の run / restart が失敗として記録し、続けます)").doesNotContain("実行中: PID");

		// the run as host-a recorded it: its output folder is a path of host-a's only
		Path theirs = temp.resolve("host-a/output");
		try (Connection c = a.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE BATCH_JOB_EXECUTION_PARAMS SET PARAMETER_VALUE = 'host-a' WHERE PARAMETER_NAME = 'review.host'");
			s.executeUpdate("UPDATE BATCH_JOB_EXECUTION_PARAMS SET PARAMETER_VALUE = '" + theirs
					+ "' WHERE PARAMETER_NAME = 'review.output-dir'");
		}
		String here = InetAddress.getLocalHost().getHostName();
		List<String> withoutOutput = b.line("restart").stream().filter(o -> !o.startsWith("--review.output-dir=")).toList();
		Result refused = b.start(withoutOutput).result();
		assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("異常終了していました")
			.contains("実行 1 はホスト host-a で開始されました。このホスト " + here + " から再開します")
			.contains("review.output-dir: 実行 1 の設定 " + theirs + " はホスト host-a のもので、このホスト " + here + " にはありません")
			.contains("このホストの場所を --review.output-dir=… で指定して再開するか (./review restart 1 ")
			.contains("新しく実行してください (./review run ")
			.contains("review.plan: 実行 1 の設定 " + a.plan() + " を使います (ホスト host-a の設定。このホストにもあります)");
		assertThat(a.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("nothing started").isEqualTo(1);

		Result restarted = b.run("restart"); // its line types --review.output-dir
		assertThat(restarted.output()).contains("review.output-dir: 実行 1 の設定 " + theirs + " に代えて、この起動の " + b.output()
				+ " を使います (別のホスト " + here + " から再開)");
		assertThat(a.query("SELECT PARAMETER_NAME || '=' || PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = 2"
				+ " AND PARAMETER_NAME IN ('review.host', 'review.output-dir') ORDER BY PARAMETER_NAME"))
			.as("the restart records whose paths it ran with").containsExactly("review.host=" + here, "review.output-dir=" + b.output());
		assertThat(Files.exists(theirs)).isFalse();
		// the other host's upkeep finds every archived file: the bytes are in the database, not on A's disk
		assertThat(restarted.output()).doesNotContain("保管ファイルがありません");
		assertRestartedWithoutDuplicates(a, refused, restarted);
	}

	/**
	 * {@code --review.test.load-gate} (see {@link LoadGateConfiguration}): a run started so waits before each file of
	 * its load, holding the run lock, until {@link #open()}.
	 */
	private String gate() {
		return "--review.test.load-gate=" + temp.resolve("gate");
	}

	private void open() throws Exception {
		Files.createFile(temp.resolve("gate"));
	}

	/** A restart of a run killed during its load: the dead run FAILED, then the same store and review as a clean run. */
	private static void assertRestartedWithoutDuplicates(Folders f, Result restarted) throws Exception {
		assertRestartedWithoutDuplicates(f, restarted, restarted);
	}

	/** The same, when an earlier command ({@code settling}) recorded the dead run as failed. */
	private static void assertRestartedWithoutDuplicates(Folders f, Result settling, Result restarted) throws Exception {
		assertThat(settling.output()).contains("異常終了していました");
		assertThat(restarted.exit()).as(restarted.output()).isIn(0, 3);
		assertThat(restarted.output()).contains("ステップ scan  前回完了のため実行せず");
		assertThat(f.query("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")).containsExactly("FAILED",
				"COMPLETED");
		for (String table : List.of("submission_file", "kpi_result", "initiative_result", "validation_issue")) {
			assertThat(f.count("SELECT COUNT(*) FROM " + table)).as(table)
				.isEqualTo(clean.count("SELECT COUNT(*) FROM " + table));
		}
		assertThat(f.count("SELECT COUNT(DISTINCT sha256) FROM submission_file")).isEqualTo(f.count("SELECT COUNT(*) FROM submission_file"));
		assertThat(cells(f.review())).isEqualTo(cleanReview);
	}

}
