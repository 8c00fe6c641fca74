package jp.csr.review.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.csr.review.cli.ReviewCommandLine.Answer;

/**
 * Writes every help text the command line answers with exit code 0 into a folder, one file per way of asking
 * ({@code help}, {@code --help}, {@code -h}, {@code help run}, {@code run --help}, {@code run -h}…), named by the
 * words asked with spaces as underscores. The launcher prepares them once per build and prints {@code ./review help}
 * from them: a JVM, picocli and its model cost a few tenths of a second for a fixed text, a file costs nothing. The texts
 * are the command line's own answers, so they are the same byte for byte.
 */
public final class UsageTexts {

	private UsageTexts() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Files.createDirectories(Path.of(args[0]));
		for (List<String> asked : asked()) {
			if (ReviewCommandLine.parse(asked.toArray(String[]::new), null) instanceof Answer answer && !answer.error()) {
				Files.writeString(folder.resolve(String.join("_", asked) + ".txt"), answer.text(), StandardCharsets.UTF_8);
			}
		}
	}

	static List<List<String>> asked() {
		List<List<String>> asked = new ArrayList<>(List.of(List.of("help"), List.of("--help"), List.of("-h")));
		for (Command command : Command.values()) {
			asked.add(List.of("help", command.word()));
			asked.add(List.of(command.word(), "--help"));
			asked.add(List.of(command.word(), "-h"));
		}
		return asked;
	}

}
