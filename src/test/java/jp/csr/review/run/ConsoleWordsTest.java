package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console and {@code status} in the README's words: the four steps and nothing else, a file the run skipped
 * called スキップ on its own line, in its step's line and in the summary alike, each count named for what it
 * counts, and how a run ended in words, not Spring Batch's statuses.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleWordsTest {

	static final Path ROOT = SampleFolders.copy("console-words");

	/** Spring Batch's words, and the generic counts that meant nothing to the office. */
	static final List<String> BATCH_WORDS = List.of("COMPLETED", "FAILED", "STARTED", "読込", "書込", "除外", "answer");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Test
	void aSecondRunSaysSkippedEverywhereAndStatusSaysHowEachRunEnded(CapturedOutput output) throws Exception {
		Path broken = Files.writeString(ROOT.resolve("input/壊れた提出.xlsx"), "not a workbook");
		// older than review.settle, as the sample's files are
		Files.setLastModifiedTime(broken, FileTime.from(SampleFolders.RECEIVED));
		assertThat(typed.exit("run")).isEqualTo(3);
		String first = output.getOut();
		assertThat(first).contains("ステップ scan  完了  ファイル 8件: 取り込み対象 8 / スキップ・読取不可・対象外 0  ",
				"ステップ load  完了  取り込み対象 8件  ", "ステップ judge 完了  判定 KPI 13件 / 取り組み 25件  ",
				"ステップ write 完了  振り返りを書き出し  ", "完了 (実行 1): 受理 7 / 差戻し 1 / スキップ 0");

		int mark = output.getOut().length();
		assertThat(typed.exit("run")).isZero();
		String quiet = output.getOut().substring(mark);
		assertThat(quiet.lines().filter(l -> l.contains(".xlsx  ")).toList()).hasSize(8).allMatch(l -> l.startsWith("スキップ "));
		assertThat(quiet).containsSubsequence("ステップ scan  完了  ファイル 8件: 取り込み対象 0 / スキップ・読取不可・対象外 8  ",
				"ステップ load  完了  取り込み対象 0件  ", "ステップ judge 変更なしのため実行せず",
				"ステップ write 完了  振り返りは変更なし、注記付きの写し 0件  ", "完了 (実行 2): 受理 0 / 差戻し 0 / スキップ 8 / ");

		mark = output.getOut().length();
		assertThat(typed.exit("status")).isZero();
		String status = output.getOut().substring(mark);
		assertThat(status).containsPattern("実行 2  開始 .*  終了 .*  完了 \\(終了コード 0\\)\\R")
			.containsPattern("実行 1  開始 .*  終了 .*  完了 \\(差戻しあり、終了コード 3\\)\\R")
			.containsSubsequence("実行 2 ", "ステップ scan  完了  ファイル 8件: 取り込み対象 0 / スキップ・読取不可・対象外 8",
					"ステップ judge 変更なしのため実行せず", "ステップ write 完了  振り返りは変更なし", "実行 1 ",
					"ステップ load  完了  取り込み対象 8件", "ステップ judge 完了  判定 KPI 13件 / 取り組み 25件",
					"ステップ write 完了  振り返りを書き出し");

		for (String console : List.of(first, quiet, status)) {
			assertThat(console.lines().filter(l -> l.startsWith("ステップ ") || l.startsWith("    ステップ ")))
				.allMatch(l -> l.strip().matches("ステップ (scan |load |office|judge|write) .*"));
			for (String word : BATCH_WORDS) {
				assertThat(console).doesNotContain(word);
			}
		}
	}

}
