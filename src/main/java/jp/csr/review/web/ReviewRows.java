package jp.csr.review.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import jp.csr.review.content.ReviewTable;
import org.unbescape.html.HtmlEscape;

/**
 * The body rows of the review's web page, written straight to the page: at 2,000 departments they are 20,000
 * rows, and a template evaluating its expressions for each of their cells takes seconds of the night. The
 * template ({@code review.html}) draws the page around them; every text is escaped as Thymeleaf escapes
 * {@code th:text} and attributes ({@link HtmlEscape#escapeHtml4Xml}), so whatever a department typed shows as
 * text.
 */
final class ReviewRows {

	/** The class of each column's cells. */
	private final List<String> classes;

	/** Each column's name on a phone, where the header row is not shown. */
	private final List<String> labels;

	ReviewRows(List<String> classes, List<String> labels) {
		this.classes = classes;
		this.labels = labels;
	}

	/** The rows, one after the other, each but the first after a line break. */
	void write(List<ReviewTable.Row> rows, Writer out) throws IOException {
		for (int r = 0; r < rows.size(); r++) {
			if (r > 0) {
				out.write('\n');
			}
			out.write("<tr>\n");
			for (ReviewTable.Cell cell : rows.get(r).cells()) {
				cell(cell, out);
			}
			out.write("\n</tr>");
		}
	}

	/** A materiality cell heads its rows ({@code th}); any other is a {@code td} of its column's class. */
	private void cell(ReviewTable.Cell cell, Writer out) throws IOException {
		int column = cell.column();
		boolean head = column == ReviewTable.MATERIALITY;
		out.write(head ? "\n<th scope=\"rowgroup\"" : "\n\n<td class=\"" + escape(classes.get(column)) + "\"");
		if (cell.rows() > 1) {
			out.write(" rowspan=\"" + cell.rows() + "\"\n\t");
		}
		else {
			out.write(' ');
		}
		out.write("data-label=\"");
		out.write(escape(labels.get(column)));
		out.write("\">");
		out.write(escape(cell.text()));
		out.write(head ? "</th>\n\n" : "</td>\n");
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
	}

}
