package jp.csr.review.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.csr.review.plan.Plan;
import jp.csr.review.validation.Submission.HighlightEntry;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.Text;

import static jp.csr.review.form.SubmissionFormat.COMMITMENT;
import static jp.csr.review.form.SubmissionFormat.HIGHLIGHT;
import static jp.csr.review.form.SubmissionFormat.HIGHLIGHT_COLUMNS;

/** The ハイライト sheet: free text per commitment the department serves. */
final class HighlightRows {

	private final Plan plan;

	HighlightRows(Plan plan) {
		this.plan = plan;
	}

	List<HighlightEntry> read(Grid sheet, String code, Findings findings) {
		SheetTable table = HeaderTable.of(sheet, HIGHLIGHT_COLUMNS, findings);
		if (!table.has(COMMITMENT) || !table.has(HIGHLIGHT)) {
			return List.of();
		}
		Set<String> served = new HashSet<>();
		plan.commitmentsOf(code).forEach(c -> served.add(c.text()));
		List<HighlightEntry> entries = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (TableRow row : table.rows(HIGHLIGHT_COLUMNS)) {
			String commitment = row.text(COMMITMENT);
			CellRead text = row.get(HIGHLIGHT);
			// both told at once
			if (findings.unreadable(row.get(COMMITMENT)) | findings.unreadable(text)) {
				continue;
			}
			if (!served.contains(commitment)) {
				findings.warning(row.get(COMMITMENT), "コミットメント「" + row.get(COMMITMENT).text() + "」はこの部署の担当ではないため無視します");
				continue;
			}
			seen.add(commitment);
			if (text.isBlank()) {
				findings.warning(text, HIGHLIGHT + "が空です (コミットメント「" + commitment + "」)。振り返りのハイライト欄に載る文を入力してください");
				continue;
			}
			entries.add(new HighlightEntry(commitment, CellLimit.fit(text, Text.freeText(text.text()), findings),
					text.reference()));
		}
		plan.commitmentsOf(code).stream().filter(c -> !seen.contains(c.text())).forEach(c -> findings.warning(sheet.name(),
				"", "コミットメント「" + c.text() + "」の行がありません。振り返りのハイライト欄に載る文を入力してください"));
		return entries;
	}

}
