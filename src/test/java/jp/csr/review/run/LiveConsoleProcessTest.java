package jp.csr.review.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console as cron keeps it (stdout to a file), read while the run goes on: each file's line is
 * there as soon as the chunk holding the file commits, never for a chunk rolled back, and a run killed midway
 * leaves the lines of every committed chunk; its restart prints the other files, each once. Real processes, as
 * {@link jp.csr.review.testing.ReviewProcesses} starts them, one file per chunk and slowed by
 * {@code --review.test.load-delay}.
 */
class LiveConsoleProcessTest {

	private static final String[] SLOW_ONE_BY_ONE = { "--review.load-chunk=1", "--review.load-threads=1",
			"--review.test.load-delay=400ms" };

	/** A file's line: 受理 or 差戻し, the file's path, its department. */
	private static final Pattern FILE_LINE = Pattern.compile("^(?:受理|差戻し)\\s+(.+?)  部署 ", Pattern.MULTILINE);

	/** How status and the lock write a time: in review.zone (Asia/Tokyo), labelled. */
	private static final String TOKYO_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+09:00";

	@TempDir
	Path temp;

	@Test
	void eachFileIsPrintedWhenItsChunkCommitsAndARestartPrintsTheRestOnce() throws Exception {
		Folders f = Folders.in(temp);
		// the sample's DEV file, and a newer one of DEV that is rejected: the review keeps the accepted one
		Path sentBack = f.input().resolve("53期_DEV_再提出.xlsx");
		Drops.drop(f.input(), "DEV", sentBack.getFileName().toString(),
				wb -> Drops.cell(wb, "KPI!F2").setCellValue("少し"), Instant.now().minusSeconds(10));
		List<String> scanOrder = new ArrayList<>();

		// ---- the third chunk fails after its writer: rolled back, its file has no line ----
		Child failing = f.start("run", with("--review.test.fail-chunk=3"));
		String first = awaitFileLine(failing, 1);
		assertThat(failing.isAlive()).as("the first file's line came while the run was going on").isTrue();
		assertThat(Files.readString(failing.log())).as("nothing of the run's end yet").doesNotContain("ステップ ")
			.doesNotContain("完了 (実行");
		awaitLine(f.store().resolve("logs/review.log"), first); // the log file too: written just after the console
		assertThat(failing.isAlive()).isTrue();
		Result failed = failing.result();
		assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
		assertThat(files(failed.output())).as(failed.output()).hasSize(2).isEqualTo(settled(f));
		assertThat(failed.output()).contains("未処理 ").containsPattern("ステップ load\\s+失敗");
		scanOrder.addAll(f.query("SELECT path FROM scan_candidate ORDER BY seq"));
		assertThat(scanOrder).hasSize(8).endsWith(sentBack.toString());

		// ---- the restart is killed (SIGKILL) just after its first file: that line stays in the cron log ----
		Child killed = f.start("restart", SLOW_ONE_BY_ONE);
		awaitFileLine(killed, 1);
		killed.kill();
		String killedOutput = Files.readString(killed.log(), StandardCharsets.UTF_8);
		assertThat(killedOutput).doesNotContain("完了 (実行");
		List<String> printed = new ArrayList<>(files(failed.output()));
		printed.addAll(files(killedOutput));
		assertThat(printed).as(killedOutput).hasSizeGreaterThan(2).isEqualTo(settled(f));

		// ---- the last restart prints the files not printed yet, each once, then what the review does with DEV;
		// status meanwhile: the lock's holder (the killed run, or the restart) and the runs in review.zone, labelled
		Child status = f.start("status");
		Result done = f.run("restart", SLOW_ONE_BY_ONE[0], SLOW_ONE_BY_ONE[1]);
		assertThat(done.exit()).as(done.output()).isEqualTo(3);
		printed.addAll(files(done.output()));
		assertThat(printed).as(done.output()).isEqualTo(scanOrder);
		// the holder as status finds it: the killed run's lock file, or the restart already holding it (実行中: …)
		assertThat(status.result().output()).containsPattern("PID \\d+, ホスト .+, 開始 " + TOKYO_TIME)
			.containsPattern("実行 1  開始 " + TOKYO_TIME + "  終了 " + TOKYO_TIME);
		Path accepted = f.input().resolve("53期_DEV_システム開発部.xlsx");
		assertThat(done.output()).containsSubsequence("差戻し   " + sentBack + "  部署 DEV  エラー 1件",
				"注意     受理した " + accepted + " は振り返りに使われますが、同じ部署 DEV のより新しい " + sentBack
						+ " が差戻しのため、部署の状態は差戻しです",
				"ステップ load  完了", "注記付きの写し: ", "完了 (実行 3)");
	}

	private static String[] with(String... more) {
		List<String> all = new ArrayList<>(List.of(SLOW_ONE_BY_ONE));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	/** The paths of the file lines of a console, in the order printed. */
	private static List<String> files(String console) {
		List<String> paths = new ArrayList<>();
		Matcher m = FILE_LINE.matcher(console);
		while (m.find()) {
			paths.add(m.group(1));
		}
		return paths;
	}

	/** The files the store has settled, in scan order: those of the chunks committed. */
	private static List<String> settled(Folders f) throws Exception {
		return f.query("SELECT path FROM scan_candidate WHERE outcome IS NOT NULL ORDER BY seq");
	}

	private static void awaitLine(Path log, String line) {
		await().alias(line + " in " + log).atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5)).until(() -> Files.readString(log, StandardCharsets.UTF_8).contains(line));
	}

	/** Waits for the child's {@code n}-th file line (reading its console as it grows) and returns it. */
	private static String awaitFileLine(Child child, int n) {
		return await().alias("file line " + n + " in " + child.log()).atMost(Duration.ofSeconds(60))
			.pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> fileLine(child, n), Objects::nonNull);
	}

	/** The child's {@code n}-th file line so far, or null; fails at once if the child ended without it. */
	private static String fileLine(Child child, int n) throws IOException {
		String console = Files.readString(child.log(), StandardCharsets.UTF_8);
		Matcher m = FILE_LINE.matcher(console);
		for (int i = 1; m.find(); i++) {
			if (i == n) {
				int end = console.indexOf('\n', m.start());
				return console.substring(m.start(), end < 0 ? console.length() : end);
			}
		}
		assertThat(child.isAlive()).as("ended before its file line %d:%n%s", n, console).isTrue();
		return null;
	}

}
