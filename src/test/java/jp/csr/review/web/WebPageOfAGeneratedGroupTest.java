package jp.csr.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.content.Medium;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.reviewbook.ReviewWorkbookWriter;
import jp.csr.review.sample.SampleWorkbooks;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The web page of a group of several materialities shows the workbook's 振り返り cell by cell, spans included. */
class WebPageOfAGeneratedGroupTest {

	static final List<String> MATERIALITIES = List.of("責任ある企業活動の実施", "環境への配慮", "人的資本の強化");

	@TempDir
	Path dir;

	@Test
	void thePageShowsTheWorkbooksTableCellByCellOverSeveralMaterialities() throws IOException {
		ReviewData data = generated();
		ReviewTable table = ReviewTable.of(data);
		Path workbook = new ReviewWorkbookWriter().write(data, table, dir);
		Path page = new WebPages().writePage(table.in(Medium.PRINT, data.plan()), WebPages.pageBeside(workbook));

		Document html = Jsoup.parse(page.toFile());
		Element shown = html.selectFirst("table.review");
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
			var sheet = book.getSheet("振り返り");
			List<Tables.Spanned> cells = Tables.of(shown);
			assertThat(cells).isEqualTo(Tables.of(sheet, shown.select("tbody > tr").size()));
			assertThat(shown.select("thead th").eachText())
				.isEqualTo(Tables.headers(sheet).stream().map(h -> h.replace('~', '〜').replace('\n', ' ')).toList());
		}
		// three materialities, each a row group spanning its commitments' rows
		assertThat(shown.select("tbody th[scope=rowgroup]").eachText()).isEqualTo(MATERIALITIES);
		assertThat(html.select("caption").text()).isEqualTo(ReviewTable.title(data.plan(), Medium.PRINT));
		assertThat(html.select("ul.legend li").eachText()).isEqualTo(table.legend());
	}

	@Test
	void markupADepartmentTypedShowsAsTextAndIsNeverMarkup() throws IOException {
		ReviewData data = generated();
		ReviewTable table = ReviewTable.of(data);
		Path page = new WebPages().writePage(table.in(Medium.PRINT, data.plan()), dir.resolve("page.html"));

		Document html = Jsoup.parse(page.toFile());
		assertThat(html.select("script, img, iframe")).isEmpty();
		assertThat(html.select("table.review")).hasSize(1);
		assertThat(html.select("table.review td").eachText()).anyMatch(t -> t.contains("<script>alert(1)</script>"))
			.anyMatch(t -> t.contains("<img src=x onerror=alert(1)>"))
			.anyMatch(t -> t.contains("</table>"));
	}

	/** The sample's plan with its commitments spread over three materialities, and hostile highlights. */
	static ReviewData generated() {
		Plan sample = SampleWorkbooks.plan();
		List<String> commitments = sample.commitments().stream().map(c -> c.text()).toList();
		Map<String, String> materiality = new LinkedHashMap<>();
		for (int i = 0; i < commitments.size(); i++) {
			materiality.put(commitments.get(i), MATERIALITIES.get(i * MATERIALITIES.size() / commitments.size()));
		}
		List<Kpi> kpis = sample.kpis().stream()
			.map(k -> new Kpi(k.id(), k.departmentCode(), materiality.get(k.commitment()), k.commitment(), k.text(),
					k.indicator(), k.judgement(), k.target(), k.unit(), k.previousResult()))
			.toList();
		List<Initiative> initiatives = sample.initiatives().stream()
			.map(i -> new Initiative(i.id(), i.departmentCode(), materiality.get(i.commitment()), i.commitment(), i.text()))
			.toList();
		Plan plan = new Plan(sample.group(), sample.term(), sample.start(), sample.end(), sample.deadline(),
				sample.departments(), kpis, initiatives);
		Map<String, List<ReviewData.Highlight>> highlights = new LinkedHashMap<>();
		List<String> hostile = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</table>");
		for (int i = 0; i < commitments.size(); i++) {
			List<ReviewData.Highlight> paragraphs = new ArrayList<>();
			paragraphs.add(new ReviewData.Highlight("ISEC", "主な取り組み " + (i + 1) + "\n" + hostile.get(i % hostile.size()),
					null));
			highlights.put(commitments.get(i), paragraphs);
		}
		return new ReviewData(plan, Map.of(), Map.of(), highlights, List.of(), sink -> {
		});
	}

}
