package jp.csr.review.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.csr.review.content.ReviewData.KpiStatus;
import jp.csr.review.plan.Commitment;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;

/**
 * 振り返り as a table, whatever draws it (workbook, PDF, a web page): its title, the column headers, one band per
 * commitment, the legend under it. Made once per run from the review's data; every renderer draws the same texts
 * and marks from it, and only the look (widths, fonts, page size) is its own.
 *
 * <p>A band is also the table's page group: a renderer that prints keeps a band on one page where it fits, by
 * {@link PageBreaks}.
 *
 * @param bands in print order: materialities contiguous, since the materiality cell spans all of its bands
 * @param legend the marks' meanings, one line each
 * @param edition 速報版 (未承認 N部署) or 確定版 (PRODUCT.md §11), the title's last words; null when the review names none
 */
public record ReviewTable(String title, List<String> headers, List<Band> bands, List<String> legend, String edition) {

	public static final int MATERIALITY = 0;

	public static final int COMMITMENT = 1;

	public static final int KPI = 2;

	public static final int INITIATIVE = 3;

	public static final int MARK = 4;

	public static final int RESULT = 5;

	public static final int HIGHLIGHT = 6;

	public static final int COLUMNS = 7;

	/** The columns of a band's own texts, each one cell spanning all of the band's rows. */
	public static final List<Integer> PER_BAND = List.of(COMMITMENT, KPI, RESULT, HIGHLIGHT);

	public ReviewTable {
		headers = List.copyOf(headers);
		bands = List.copyOf(bands);
		legend = List.copyOf(legend);
	}

	/** The name the review's files share, before the extension of each format. */
	public static String fileStem(int term) {
		return term + "期_行動計画振り返り";
	}

	/** The title as the workbook prints it. */
	public static String title(Plan plan) {
		return title(plan, Medium.WORKBOOK);
	}

	public static String title(Plan plan, Medium medium) {
		return plan.term() + "期(" + medium.period(plan) + ") " + plan.group() + "行動計画振り返り";
	}

	/** The title with the review's edition after it, when it names one. */
	public static String title(Plan plan, Medium medium, String edition) {
		return edition == null ? title(plan, medium) : title(plan, medium) + " " + edition;
	}

	public static List<String> headers(Plan plan, Medium medium) {
		String term = plan.term() + "期";
		String period = "(" + medium.period(plan) + ")";
		return List.of("マテリアリティ", "コミットメント", term + "KPI\n" + period, "具体的な取り組み", "アクションプランに\n対する自己評価",
				term + "実績\n" + period, term + "実績" + period + "\n主な取り組みとハイライト");
	}

	/** The table as the workbook shows it. */
	public static ReviewTable of(ReviewData data) {
		return of(data, Medium.WORKBOOK);
	}

	public static ReviewTable of(ReviewData data, Medium medium) {
		ReviewMarks marks = new ReviewMarks(data);
		String edition = data.edition();
		return new ReviewTable(title(data.plan(), medium, edition), headers(data.plan(), medium), Bands.of(data, marks),
				marks.legend(), edition);
	}

	/**
	 * The same table for another medium: the title and headers of {@code medium}, the same bands and legend (made
	 * once, so that the formats cannot show different things).
	 */
	public ReviewTable in(Medium medium, Plan plan) {
		return new ReviewTable(title(plan, medium, edition), headers(plan, medium), bands, legend, edition);
	}

	/** Body rows, all bands together. */
	public int rowCount() {
		return bands.stream().mapToInt(Band::rows).sum();
	}

	/** Whether band {@code b} is its materiality's last, where the materiality cell closes. */
	public boolean endsMateriality(int b) {
		return b == bands.size() - 1 || bands.get(b + 1).opensMateriality();
	}

	/**
	 * The body as rows of cells, for a renderer that writes a table row by row (an HTML {@code <table>}): a cell
	 * spanning rows is given on its first row only, and the rows it covers leave its column out.
	 */
	public List<Row> rows() {
		List<Row> rows = new ArrayList<>(rowCount());
		for (int b = 0; b < bands.size(); b++) {
			Band band = bands.get(b);
			int materialityRows = band.opensMateriality() ? materialityRows(b) : 0;
			for (int i = 0; i < band.rows(); i++) {
				List<Cell> cells = new ArrayList<>(COLUMNS);
				if (i == 0 && materialityRows > 0) {
					cells.add(new Cell(MATERIALITY, band.materiality(), materialityRows));
				}
				if (i == 0) {
					cells.add(new Cell(COMMITMENT, band.commitment(), band.rows()));
					cells.add(new Cell(KPI, band.kpis(), band.rows()));
				}
				Line line = band.lines().get(i);
				cells.add(new Cell(INITIATIVE, line.text(), 1));
				cells.add(new Cell(MARK, line.mark(), 1));
				if (i == 0) {
					cells.add(new Cell(RESULT, band.results(), band.rows()));
					cells.add(new Cell(HIGHLIGHT, band.highlight(), band.rows()));
				}
				rows.add(new Row(b, i, cells));
			}
		}
		return rows;
	}

	private int materialityRows(int first) {
		int rows = 0;
		for (int b = first; b < bands.size(); b++) {
			rows += bands.get(b).rows();
			if (endsMateriality(b)) {
				break;
			}
		}
		return rows;
	}

	/**
	 * A commitment and its initiative rows: the materiality, commitment, KPI, 実績 and highlight cells span the
	 * rows. The departments and files of the 実績 and highlight texts are kept so that a renderer which must cut
	 * a text can say where it came from.
	 *
	 * @param opensMateriality whether it is the first band of its materiality
	 * @param lines one per initiative, or a single empty one when the commitment has none
	 */
	public record Band(String materiality, boolean opensMateriality, String commitment, String kpis, String results,
			String highlight, List<Line> lines, Origin resultsFrom, Origin highlightFrom) {

		public Band {
			lines = List.copyOf(lines);
		}

		public int rows() {
			return lines.size();
		}

	}

	/**
	 * One initiative row.
	 *
	 * @param initiative the initiative's ID; null on the empty row of a commitment without initiatives
	 * @param mark ◎ ○ △, {@link ReviewMarks#NOT_SUBMITTED}, or null (see {@link ReviewMarks#of})
	 */
	public record Line(String initiative, String text, String mark) {

		static final Line EMPTY = new Line(null, null, null);

	}

	/** The departments and the files a joined text was read from. */
	public record Origin(List<String> departments, List<ReviewData.Source> sources) {
	}

	/**
	 * A row of the body.
	 *
	 * @param band which band it belongs to; a print break goes only before a band's first row, unless the band is
	 *        taller than a page (see {@link PageBreaks})
	 * @param line its line in the band
	 * @param cells in column order, without the columns a cell above spans
	 */
	public record Row(int band, int line, List<Cell> cells) {
	}

	/** @param rows how many rows the cell spans, its own included */
	public record Cell(int column, String text, int rows) {
	}

	/** The bands of a plan, with the texts of its data. */
	private static final class Bands {

		private Bands() {
		}

		/**
		 * Materialities stay contiguous even if the plan interleaves them, since the materiality cell spans all of
		 * a materiality's rows.
		 */
		static List<Band> of(ReviewData data, ReviewMarks marks) {
			Plan plan = data.plan();
			Map<String, List<Commitment>> byMateriality = plan.commitments().stream()
				.collect(Collectors.groupingBy(Commitment::materiality, LinkedHashMap::new, Collectors.toList()));
			List<Band> bands = new ArrayList<>();
			byMateriality.values().forEach(commitments -> {
				for (int i = 0; i < commitments.size(); i++) {
					bands.add(band(data, marks, commitments.get(i), i == 0));
				}
			});
			return bands;
		}

		private static Band band(ReviewData data, ReviewMarks marks, Commitment commitment,
				boolean opensMateriality) {
			Plan plan = data.plan();
			List<Kpi> kpis = plan.kpisOf(commitment);
			String targets = kpis.stream().map(Kpi::text).collect(Collectors.joining("\n"));
			List<String> resultDepartments = new ArrayList<>();
			List<ReviewData.Source> resultSources = new ArrayList<>();
			List<String> resultLines = new ArrayList<>();
			for (Kpi kpi : kpis) {
				KpiStatus status = data.kpis().get(kpi.id());
				if (status != null && status.resultLine() != null) {
					resultLines.add(marks.held(kpi.departmentCode(), status.resultLine()));
					resultDepartments.add(kpi.departmentCode());
					resultSources.add(status.source());
				}
			}
			List<ReviewData.Highlight> paragraphs = data.highlights()
				.getOrDefault(commitment.text(), List.of())
				.stream()
				.filter(p -> !p.text().isBlank())
				.toList();
			String highlight = paragraphs.stream()
				.map(p -> marks.held(p.department(), p.text()))
				.collect(Collectors.joining("\n\n"));
			List<Line> lines = new ArrayList<>();
			for (Initiative initiative : plan.initiativesOf(commitment)) {
				lines.add(new Line(initiative.id(), marks.held(initiative.departmentCode(), initiative.text()),
						marks.of(initiative)));
			}
			if (lines.isEmpty()) {
				lines.add(Line.EMPTY);
			}
			return new Band(commitment.materiality(), opensMateriality, commitment.text(), targets,
					String.join("\n", resultLines), highlight, lines,
					new Origin(resultDepartments.stream().distinct().toList(), resultSources),
					new Origin(paragraphs.stream().map(ReviewData.Highlight::department).distinct().toList(),
							paragraphs.stream().map(ReviewData.Highlight::source).toList()));
		}

	}

}
