package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quiet night as the admin reads it: {@code run} says the review was left as it was and why, names
 * the steps it did without, and exits as any run; {@code status} says the same. A {@code restart} of a run
 * whose write step failed writes the review, even when what it would be built from is back to what the review
 * on disk was built from.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class QuietNightConsoleTest {

	static final Path ROOT = SampleFolders.copy("quiet-night-console");

	static final Path OUTPUT = ROOT.resolve("output");

	static final Path REVIEW = OUTPUT.resolve("53期_行動計画振り返り.xlsx");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aQuietNightSaysWhatItDidWithoutAndARestartAfterAFailedWriteWrites(CapturedOutput output) throws Exception {
		assertThat(exit("run")).isZero();
		FileTime written = Files.getLastModifiedTime(REVIEW);

		int mark = output.getOut().length();
		assertThat(exit("run")).isZero();
		String quiet = output.getOut().substring(mark);
		assertThat(quiet).containsSubsequence("ステップ load ", "ステップ judge 変更なしのため実行せず",
				"ステップ write 完了  振り返りは変更なし、注記付きの写し 0件",
				"振り返り: " + REVIEW + " (変更なし: 前回の実行 1 から新しい取り込みなし)", "完了 (実行 2)");
		assertThat(Files.getLastModifiedTime(REVIEW)).isEqualTo(written);

		mark = output.getOut().length();
		assertThat(exit("status")).isZero();
		assertThat(output.getOut().substring(mark)).containsSubsequence("実行 2 ", "ステップ load ",
				"ステップ judge 変更なしのため実行せず", "ステップ write 完了  振り返りは変更なし", "実行 1 ",
				"ステップ judge 完了", "ステップ write 完了  振り返りを書き出し");

		// ---- the plan is edited, and the output folder cannot be written: the run fails in its write step ----
		byte[] plan = Files.readAllBytes(ROOT.resolve("plan.xlsx"));
		Plan sample = SampleWorkbooks.plan();
		SampleWorkbooks.writePlan(new Plan(sample.group() + "改訂版", sample.term(), sample.start(), sample.end(),
				sample.deadline(), sample.departments(), sample.kpis(), sample.initiatives()), ROOT.resolve("plan.xlsx"));
		Path aside = Files.move(OUTPUT, ROOT.resolve("output.aside"));
		Files.writeString(OUTPUT, "a file where the output folder should be");
		assertThat(exit("run")).isEqualTo(1);
		assertThat(lastSteps()).containsExactly("scan", "load", "office", "judge", "write");

		// ---- the admin puts everything back as it was, the plan too, and restarts: the run writes its review ----
		Files.delete(OUTPUT);
		Files.move(aside, OUTPUT);
		Files.write(ROOT.resolve("plan.xlsx"), plan);
		mark = output.getOut().length();
		assertThat(exit("restart")).isZero();
		assertThat(output.getOut().substring(mark)).containsSubsequence("ステップ scan  前回完了のため実行せず",
				"ステップ load  前回完了のため実行せず", "ステップ judge 前回完了のため実行せず", "ステップ write 完了",
				"振り返り: " + REVIEW + "\n");
		assertThat(lastSteps()).containsExactly("write");
		assertThat(Files.getLastModifiedTime(REVIEW)).isNotEqualTo(written);

		// and the night after, nothing new: kept, as written by the restart
		mark = output.getOut().length();
		assertThat(exit("run")).isZero();
		assertThat(output.getOut().substring(mark)).contains("(変更なし: 前回の実行 4 から新しい取り込みなし)");
	}

	private int exit(String... args) throws Exception {
		return typed.exit(args);
	}

	/** The steps of the newest job execution, in the order they ran. */
	private List<String> lastSteps() {
		return jdbc.sql("""
				SELECT STEP_NAME FROM BATCH_STEP_EXECUTION
				WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
				ORDER BY STEP_EXECUTION_ID""").query(String.class).list();
	}

}
