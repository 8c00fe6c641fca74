package jp.csr.review.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a measured run must have left in its output folder (docs/PRODUCT.md v3, §6, §11, §12): the review
 * workbook, its PDF, the web page, the status board, the office's decision workbook, and an annotated copy per
 * department whose newest file was rejected. A run that skipped one of them cannot be counted as fast: the
 * benchmark fails it.
 */
final class Outputs {

	private static final String REVIEW = "_行動計画振り返り";

	private Outputs() {
	}

	/**
	 * What is missing from the output folder, in words (empty if nothing is). {@code annotatedCopies} is how many
	 * annotated copies the group should give, -1 if unknown (then at least one is expected).
	 */
	static List<String> missing(Path output, int annotatedCopies) throws IOException {
		List<String> missing = new ArrayList<>();
		if (!Files.isDirectory(output)) {
			return List.of("the output folder " + output);
		}
		expect(output, REVIEW + ".xlsx", "the review workbook", missing);
		expect(output, REVIEW + ".pdf", "the review's PDF", missing);
		expect(output, REVIEW + ".html", "the review's web page", missing);
		expect(output, "_事務局確認.xlsx", "the office's decision workbook", missing);
		if (!Files.isRegularFile(output.resolve("index.html"))) {
			missing.add("the status board (index.html)");
		}
		long copies = annotatedCopies(output);
		if (annotatedCopies >= 0 ? copies != annotatedCopies : copies == 0) {
			missing.add(String.format("annotated copies: %d under %s/, the group should give %s", copies,
					"差戻し", annotatedCopies >= 0 ? annotatedCopies : "at least one"));
		}
		return missing;
	}

	/** A one-line account of the folder, for the console. */
	static String describe(Path output) throws IOException {
		long files;
		try (Stream<Path> all = Files.list(output)) {
			files = all.filter(Files::isRegularFile).count();
		}
		return String.format("outputs: %d files beside %d annotated copies", files, annotatedCopies(output));
	}

	private static void expect(Path output, String ending, String what, List<String> missing) throws IOException {
		try (Stream<Path> all = Files.list(output)) {
			if (all.noneMatch(p -> p.getFileName().toString().endsWith(ending) && Files.isRegularFile(p))) {
				missing.add(what + " (*" + ending + ")");
			}
		}
	}

	private static long annotatedCopies(Path output) throws IOException {
		Path folder = output.resolve("差戻し");
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			return all.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xlsx")).count();
		}
	}

}
