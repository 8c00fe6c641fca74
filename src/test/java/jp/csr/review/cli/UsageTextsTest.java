package jp.csr.review.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.csr.review.cli.ReviewCommandLine.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The help texts the launcher prints without starting the application are the command line's own. */
class UsageTextsTest {

	@Test
	void everyWayOfAskingForHelpIsPreparedWithTheTextTheCommandLineAnswers(@TempDir Path folder) throws Exception {
		UsageTexts.main(new String[] { folder.toString() });
		assertThat(folder.resolve("help.txt")).content(StandardCharsets.UTF_8).startsWith("使い方: ./review <コマンド>");
		for (String name : new String[] { "help.txt", "--help.txt", "-h.txt", "help_run.txt", "validate_--help.txt",
				"restart_-h.txt", "help_next-term.txt" }) {
			String[] asked = name.substring(0, name.length() - 4).split("_");
			Answer answer = (Answer) ReviewCommandLine.parse(asked, null);
			assertThat(Files.readString(folder.resolve(name), StandardCharsets.UTF_8)).as(name).isEqualTo(answer.text());
		}
		try (var files = Files.list(folder)) {
			assertThat(files).as("one per way of asking, each answered with 0").hasSize(UsageTexts.asked().size());
		}
	}

}
