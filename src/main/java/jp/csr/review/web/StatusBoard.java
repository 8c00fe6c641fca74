package jp.csr.review.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.DepartmentStatus;
import jp.csr.review.content.TermComparison;
import jp.csr.review.feedback.AnnotatedCopies;

/** The office's status board made from the review's data and what lies in the output folder. */
final class StatusBoard {

	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private StatusBoard() {
	}

	/**
	 * @param outputs the review's files written beside the board (a missing PDF is left out)
	 */
	static Board of(ReviewData data, Board.Run run, Path outputDir, List<Path> outputs) throws IOException {
		Path base = outputDir.toAbsolutePath().normalize();
		List<Board.Link> links = new ArrayList<>();
		for (Path output : outputs) {
			if (output != null && Files.exists(output)) {
				links.add(link(base, output, kind(output)));
			}
		}
		Set<String> codes = data.departments().stream().map(DepartmentStatus::code).collect(Collectors.toSet());
		Map<String, List<Board.Issue>> issues = new LinkedHashMap<>();
		List<Board.Issue> elsewhere = new ArrayList<>();
		data.issues().forEach(row -> {
			Board.Issue issue = new Board.Issue(row.severity(), row.file(), where(row), row.message());
			if (codes.contains(row.department())) {
				issues.computeIfAbsent(row.department(), d -> new ArrayList<>()).add(issue);
			}
			else {
				elsewhere.add(issue);
			}
		});
		Map<Path, List<Path>> copies = copies(base.resolve(AnnotatedCopies.FOLDER));
		List<Board.Department> departments = new ArrayList<>();
		for (DepartmentStatus d : data.departments()) {
			Path folder = AnnotatedCopies.departmentFolder(base, d.code());
			List<Board.Link> own = copies.getOrDefault(folder, List.of()).stream()
				.map(copy -> link(base, copy, copy.getFileName().toString()))
				.toList();
			departments.add(new Board.Department(d.code(), d.name(), d.state(), d.file(),
					d.receivedAt() == null ? null : MINUTES.format(d.receivedAt()), d.late() ? "はい" : "いいえ", d.errors(),
					d.warnings(), issues.getOrDefault(d.code(), List.of()), own, confirmation(d.confirmation())));
			copies.remove(folder);
		}
		List<Board.Link> others = copies.values().stream()
			.flatMap(List::stream)
			.map(copy -> link(base, copy, base.resolve(AnnotatedCopies.FOLDER).relativize(copy).toString()))
			.toList();
		// PRODUCT.md §11: whether the review is final, in the heading
		String title = data.plan().term() + "期 " + data.plan().group() + " 行動計画 提出状況"
				+ (data.edition() == null ? "" : " " + data.edition());
		return new Board(title, run, links, departments, elsewhere, others,
				AttainmentChart.of(new TermComparison(data), data.previous() != null));
	}

	private static String where(ReviewData.IssueRow row) {
		if (row.sheet() == null || row.sheet().isBlank()) {
			return row.cell() == null ? "" : row.cell();
		}
		return row.cell() == null || row.cell().isBlank() ? row.sheet() : row.sheet() + "!" + row.cell();
	}

	private static String kind(Path output) {
		String name = output.getFileName().toString();
		if (name.endsWith(".xlsx")) {
			return "振り返り (Excel)";
		}
		if (name.endsWith(".pdf")) {
			return "振り返り (PDF)";
		}
		return "振り返り (Web)";
	}

	/** Every annotated copy by its folder: they were written before the board, so each link finds its file. */
	private static Map<Path, List<Path>> copies(Path folder) throws IOException {
		Map<Path, List<Path>> copies = new LinkedHashMap<>();
		if (!Files.isDirectory(folder)) {
			return copies;
		}
		try (Stream<Path> files = Files.walk(folder, 2)) {
			files.filter(Files::isRegularFile)
				.filter(f -> !f.getFileName().toString().startsWith("."))
				.sorted()
				.forEach(f -> copies.computeIfAbsent(f.getParent(), p -> new ArrayList<>()).add(f));
		}
		return copies;
	}

	/** A link relative to the board, each name part percent-encoded as a URL path needs. */
	private static Board.Link link(Path base, Path file, String label) {
		Path relative = base.relativize(file.toAbsolutePath().normalize());
		List<String> parts = new ArrayList<>();
		relative.forEach(part -> parts.add(encode(part.toString())));
		return new Board.Link(label, String.join("/", parts));
	}

	private static String encode(String part) {
		return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** 確認 as the board shows it: the decision, who made it and when; empty for a review without the office's. */
	private static String confirmation(ReviewData.Confirmation c) {
		if (c == null) {
			return "";
		}
		if (c.date() == null) {
			return c.decision();
		}
		return c.decision() + " (" + (c.reviewer() == null ? "" : c.reviewer() + " ") + c.date() + ")";
	}

}
