package jp.csr.review.reviewpdf;

import java.util.ArrayList;
import java.util.List;

import jp.csr.review.content.ReviewTable;
import jp.csr.review.content.ReviewTable.Band;
import jp.csr.review.content.ReviewTable.Line;

import static jp.csr.review.reviewpdf.TextFit.BODY_POINTS;
import static jp.csr.review.reviewpdf.TextFit.LINE;
import static jp.csr.review.reviewpdf.TextFit.PAD_Y;

/**
 * A band of 振り返り, or what is left of it on the next page: its texts wrapped to their columns.
 *
 * @param opens whether it begins its materiality (the materiality cell closes above it)
 */
record Piece(boolean opens, List<String> materiality, List<String> commitment, List<String> kpis,
		List<String> results, List<String> highlight, List<Row> rows) {

	/** One initiative row: its text, wrapped, and its mark. */
	record Row(List<String> initiative, String mark) {

		boolean blank() {
			return initiative.isEmpty() && mark == null;
		}

	}

	static Piece of(Band band, TextFit fit) {
		List<Row> rows = new ArrayList<>();
		for (Line line : band.lines()) {
			rows.add(line.initiative() == null ? new Row(List.of(), null)
					: new Row(fit.wrap(line.text(), ReviewTable.INITIATIVE, BODY_POINTS), blankToNull(line.mark())));
		}
		return new Piece(band.opensMateriality(), fit.wrap(band.materiality(), ReviewTable.MATERIALITY, BODY_POINTS),
				fit.wrap(band.commitment(), ReviewTable.COMMITMENT, BODY_POINTS),
				fit.wrap(band.kpis(), ReviewTable.KPI, BODY_POINTS),
				fit.wrap(band.results(), ReviewTable.RESULT, BODY_POINTS),
				fit.wrap(band.highlight(), ReviewTable.HIGHLIGHT, BODY_POINTS), rows);
	}

	/**
	 * The part of a piece taller than {@code room} that fills it, and the rest (null when nothing is left but the
	 * labels printed again). The part has the first {@code rows} rows; when the first row alone is taller than
	 * the room, its lines are broken between the two. The band's long texts are broken at the same line count,
	 * so they go on from line to line.
	 *
	 * @param own each row's own height
	 * @param rows how many rows go on this page, at least one (see {@link jp.csr.review.content.PageBreaks})
	 */
	Piece[] split(float[] own, int rows, float room) {
		int fit = Math.max(1, (int) ((room - 2 * PAD_Y) / LINE));
		List<Row> first;
		List<Row> rest = new ArrayList<>();
		if (own[0] > room) {
			Row row = this.rows.get(0);
			first = List.of(new Row(head(row.initiative(), fit), row.mark()));
			rest.add(new Row(tail(row.initiative(), fit), null));
			rest.addAll(this.rows.subList(1, own.length));
		}
		else {
			first = this.rows.subList(0, rows);
			rest.addAll(this.rows.subList(rows, own.length));
		}
		Piece head = new Piece(opens, materiality, commitment, head(kpis, fit), head(results, fit),
				head(highlight, fit), first);
		Piece tail = new Piece(false, materiality, commitment, tail(kpis, fit), tail(results, fit),
				tail(highlight, fit), rest);
		boolean more = !tail.kpis().isEmpty() || !tail.results().isEmpty() || !tail.highlight().isEmpty()
				|| rest.stream().anyMatch(r -> !r.blank());
		if (more && rest.isEmpty()) {
			rest.add(new Row(List.of(), null));
		}
		return new Piece[] { head, more ? tail : null };
	}

	private static List<String> head(List<String> lines, int n) {
		return lines.subList(0, Math.min(n, lines.size()));
	}

	private static List<String> tail(List<String> lines, int n) {
		return lines.subList(Math.min(n, lines.size()), lines.size());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
