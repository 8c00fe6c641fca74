package jp.csr.review.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.unbescape.html.HtmlEscape;

/**
 * The department rows of the status board, written straight to the page around which {@code board.html} draws
 * the rest: at 2,000 departments a template evaluating a dozen expressions per row takes a second of the night. Every text
 * is escaped as Thymeleaf escapes {@code th:text} and attributes ({@link HtmlEscape#escapeHtml4Xml}).
 */
final class BoardRows {

	private BoardRows() {
	}

	/** The rows, one after the other, each but the first after a line break. */
	static void write(List<Board.Department> departments, Writer out) throws IOException {
		for (int r = 0; r < departments.size(); r++) {
			if (r > 0) {
				out.write('\n');
			}
			row(departments.get(r), out);
		}
	}

	private static void row(Board.Department d, Writer out) throws IOException {
		out.write("<tr>\n<th scope=\"row\">" + escape(d.code()) + "</th>\n");
		out.write("<td data-label=\"部署名\">" + escape(d.name()) + "</td>\n");
		out.write("<td data-label=\"状態\" class=\"" + escape(d.stateClass()) + "\">" + escape(d.state()) + "</td>\n");
		out.write("<td data-label=\"使用中のファイル\">" + escape(d.file()) + "</td>\n");
		out.write("<td data-label=\"受信日時\">" + escape(d.receivedAt()) + "</td>\n");
		out.write("<td data-label=\"期限超過\">" + escape(d.late()) + "</td>\n");
		out.write("<td data-label=\"エラー\" class=\"count\">" + d.errors() + "</td>\n");
		out.write("<td data-label=\"警告\" class=\"count\">" + d.warnings() + "</td>\n");
		out.write("<td data-label=\"指摘\">");
		if (!d.issues().isEmpty()) {
			out.write("<ul class=\"issues\">\n");
			for (int i = 0; i < d.issues().size(); i++) {
				Board.Issue issue = d.issues().get(i);
				out.write((i > 0 ? "\n" : "") + "<li class=\"" + (issue.error() ? "error" : "warning") + "\">"
						+ escape(issue.severity() + " " + issue.where() + ": " + issue.message()) + "</li>");
			}
			out.write("\n</ul>");
		}
		out.write("</td>\n<td data-label=\"差戻しファイル\">");
		if (!d.copies().isEmpty()) {
			out.write("<ul class=\"copies\">\n");
			for (int i = 0; i < d.copies().size(); i++) {
				Board.Link copy = d.copies().get(i);
				out.write((i > 0 ? "\n" : "") + "<li><a href=\"" + escape(copy.href()) + "\">" + escape(copy.label())
						+ "</a></li>");
			}
			out.write("\n</ul>");
		}
		out.write("</td>\n<td data-label=\"確認\">" + escape(d.confirmation()) + "</td>\n</tr>");
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
	}

}
