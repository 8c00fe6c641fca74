package jp.csr.review.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.csr.review.content.ReviewTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewRowsTest {

	private static final ReviewTable.Origin NOWHERE = new ReviewTable.Origin(List.of(), List.of());

	/**
	 * The body as the page's template wrote it when it evaluated every cell itself (Thymeleaf 3.1's output, kept
	 * byte for byte): a materiality of one row, one spanning two, a cell spanning rows, empty and missing texts,
	 * markup typed by a department.
	 */
	private static final String BODY = "<tbody>\n"
			+ "<tr>\n"
			+ "\n"
			+ "<th scope=\"rowgroup\" data-label=\"マ\">&lt;b&gt;&#39;x&#39;&lt;/b&gt; &amp; &quot;q&quot;</th>\n"
			+ "\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"commitment\" data-label=\"コ\">C1</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"kpi\" data-label=\"K (x)\">K1</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"initiative\" data-label=\"具\">&lt;b&gt;&#39;x&#39;&lt;/b&gt; &amp; &quot;q&quot;</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"mark\" data-label=\"自己\">◎</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"result\" data-label=\"実\">R1</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"highlight\" data-label=\"ハ\">H1</td>\n"
			+ "\n"
			+ "</tr>\n"
			+ "<tr>\n"
			+ "\n"
			+ "<th scope=\"rowgroup\" rowspan=\"2\"\n"
			+ "\tdata-label=\"マ\">M2</th>\n"
			+ "\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"commitment\" rowspan=\"2\"\n"
			+ "\tdata-label=\"コ\">C2</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"kpi\" rowspan=\"2\"\n"
			+ "\tdata-label=\"K (x)\"></td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"initiative\" data-label=\"具\">a\n"
			+ "b</td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"mark\" data-label=\"自己\"></td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"result\" rowspan=\"2\"\n"
			+ "\tdata-label=\"実\"></td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"highlight\" rowspan=\"2\"\n"
			+ "\tdata-label=\"ハ\">H2</td>\n"
			+ "\n"
			+ "</tr>\n"
			+ "<tr>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"initiative\" data-label=\"具\"></td>\n"
			+ "\n"
			+ "\n"
			+ "<td class=\"mark\" data-label=\"自己\"></td>\n"
			+ "\n"
			+ "</tr>\n"
			+ "</tbody>";

	@Test
	void theRowsAreTheTemplatesOwnWithEveryTypedTextEscaped(@TempDir Path dir) throws Exception {
		String typed = "<b>'x'</b> & \"q\"";
		List<ReviewTable.Band> bands = List.of(
				new ReviewTable.Band(typed, true, "C1", "K1", "R1", "H1", List.of(new ReviewTable.Line("I1", typed, "◎")),
						NOWHERE, NOWHERE),
				new ReviewTable.Band("M2", true, "C2", null, "", "H2",
						List.of(new ReviewTable.Line("I2", "a\nb", null), new ReviewTable.Line(null, null, null)), NOWHERE,
						NOWHERE));
		ReviewTable table = new ReviewTable("T", List.of("マ", "コ", "K\n(x)", "具", "自\n己", "実", "ハ"), bands,
				List.of("◎"), null);

		String page = Files.readString(new WebPages().writePage(table, dir.resolve("page.html")));

		assertThat(page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>") + "</tbody>".length()))
			.isEqualTo(BODY);
		assertThat(page).doesNotContain("<b>").doesNotContain("<!--");
	}

	@Test
	void aReviewWithoutRowsHasAnEmptyBody(@TempDir Path dir) throws Exception {
		ReviewTable table = new ReviewTable("T", List.of("マ", "コ", "K", "具", "自", "実", "ハ"), List.of(), List.of(), null);

		String page = Files.readString(new WebPages().writePage(table, dir.resolve("page.html")));

		assertThat(page).contains("<tbody>\n\n</tbody>");
	}

}
