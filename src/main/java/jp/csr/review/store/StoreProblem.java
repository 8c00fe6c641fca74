package jp.csr.review.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the store cannot be used, for an admin: the file, what is wrong with it in words, and what to do (each
 * a command that can be typed as it is).
 *
 * @param file the file or folder at fault, absolute
 * @param what what is wrong, one sentence naming {@code file}
 * @param todo what to do, one line each
 */
public record StoreProblem(Path file, String what, List<String> todo) {

	public StoreProblem {
		todo = List.copyOf(todo);
	}

	/** The console lines: what, then each thing to do. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(what);
		lines.addAll(todo);
		return lines;
	}

	@Override
	public String toString() {
		return String.join("\n", lines());
	}

}
