package jp.csr.review.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.workbook.FileReplacement;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the review's web page ({@code <期>期_行動計画振り返り.html}) and the office's status board ({@code index.html})
 * into the output folder (PRODUCT.md §12). Thymeleaf escapes every text it prints, so whatever a department typed
 * shows as text.
 */
public final class WebPages {

	/** The status board's name: a browser opens it for the folder. */
	public static final String BOARD = "index.html";

	/** The class of each column's cells, and the column's name on a phone, where the header row is not shown. */
	private static final List<String> CLASSES = List.of("materiality", "commitment", "kpi", "initiative", "mark",
			"result", "highlight");

	/** Where a template wants its rows written ({@link ReviewRows}, {@link BoardRows}). */
	private static final String ROWS = "<!--rows-->";

	private final TemplateEngine engine = new TemplateEngine();

	public WebPages() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("web/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		engine.setTemplateResolver(resolver);
	}

	/** The web page beside a review workbook. */
	public static Path pageBeside(Path review) {
		String name = review.getFileName().toString();
		return review.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".html");
	}

	/** The board in the folder of a review workbook. */
	public static Path boardBeside(Path review) {
		return review.resolveSibling(BOARD);
	}

	/** Writes 振り返り as a web page; the table is the one the PDF prints, so that their words agree. */
	public Path writePage(ReviewTable table, Path target) throws IOException {
		List<String> labels = table.headers().stream().map(h -> h.replace("\n(", " (").replace("\n", "")).toList();
		ReviewRows rows = new ReviewRows(CLASSES, labels);
		return write("review", Map.of("table", table), writer -> rows.write(table.rows(), writer), target);
	}

	/**
	 * Writes the status board beside the review; the annotated copies it links to must be written already.
	 *
	 * @param outputs the review's workbook, PDF (null when none) and web page
	 */
	public Path writeBoard(ReviewData data, Board.Run run, Path review, Path pdf, Path page) throws IOException {
		Path target = boardBeside(review);
		Board board = StatusBoard.of(data, run, target.getParent(), Arrays.asList(review, pdf, page));
		return write("board", Map.of("board", board), writer -> BoardRows.write(board.departments(), writer), target);
	}

	/** Writes the rows of a table where the template marks them ({@link #ROWS}). */
	@FunctionalInterface
	private interface Rows {

		void write(Writer writer) throws IOException;

	}

	/**
	 * The template is the page around the rows, a few expressions to evaluate; the rows, thousands at 2,000
	 * departments, are written in Java where it marks them.
	 */
	private Path write(String template, Map<String, Object> variables, Rows rows, Path target) throws IOException {
		String page = engine.process(template, new Context(Locale.JAPAN, variables));
		int at = page.indexOf(ROWS);
		if (at < 0) {
			throw new IllegalStateException("web/" + template + ".html has no " + ROWS);
		}
		return FileReplacement.write(target, out -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			writer.write(page, 0, at);
			rows.write(writer);
			writer.write(page, at + ROWS.length(), page.length() - at - ROWS.length());
			writer.flush();
		});
	}

}
