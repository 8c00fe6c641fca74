package jp.csr.review.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.csr.review.form.MarkRule;
import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Plan;
import jp.csr.review.validation.Submission.InitiativeEntry;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.Numbers;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.Text;

import static jp.csr.review.form.SubmissionFormat.INITIATIVE_COLUMNS;
import static jp.csr.review.form.SubmissionFormat.INITIATIVE_ID;
import static jp.csr.review.form.SubmissionFormat.INITIATIVE_TEXT;
import static jp.csr.review.form.SubmissionFormat.NOTE;
import static jp.csr.review.form.SubmissionFormat.PROGRESS;
import static jp.csr.review.form.SubmissionFormat.SELF_EVALUATION;

/** The 取り組み sheet: one row per initiative of the department, its 進捗 and the 自己評価 it earns. */
final class InitiativeRows {

	private final Plan plan;

	private final MarkRule marks;

	InitiativeRows(Plan plan, MarkRule marks) {
		this.plan = plan;
		this.marks = marks;
	}

	List<InitiativeEntry> read(Grid sheet, String code, Findings findings) {
		SheetTable table = HeaderTable.of(sheet, INITIATIVE_COLUMNS, findings);
		MergedCells.check(sheet, table, findings);
		if (!table.has(INITIATIVE_ID) || !table.has(PROGRESS)) {
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		boolean idUnread = false;
		List<InitiativeEntry> entries = new ArrayList<>();
		List<TableRow> withoutId = new ArrayList<>();
		for (TableRow row : table.rows(INITIATIVE_COLUMNS)) {
			if (findings.unreadable(row.get(INITIATIVE_ID))) {
				idUnread = true;
				continue;
			}
			if (PlanRows.hasNoId(row, INITIATIVE_ID)) {
				withoutId.add(row);
				continue;
			}
			Optional<Initiative> initiative = PlanRows.identify(row, INITIATIVE_ID, plan::initiative,
					Initiative::departmentCode, code, seen, findings);
			if (initiative.isEmpty()) {
				continue;
			}
			PlanRows.changed(row, INITIATIVE_TEXT, initiative.get().text(), findings);
			boolean declaredUnread = findings.unreadable(row.get(SELF_EVALUATION));
			findings.unreadable(row.get(NOTE));
			CellRead progressCell = row.get(PROGRESS);
			if (findings.unreadable(progressCell)) {
				continue;
			}
			progress(progressCell, findings)
				.map(p -> entry(row, initiative.get(), p, declaredUnread ? "" : row.get(SELF_EVALUATION).normalized(),
						progressCell, findings))
				.ifPresent(entries::add);
		}
		List<Initiative> missing = plan.initiativesOf(code).stream().filter(i -> !seen.contains(i.id())).toList();
		Set<Initiative> deleted = PlanRows.withoutId(withoutId, INITIATIVE_ID, INITIATIVE_TEXT, missing, Initiative::id,
				Initiative::text, findings);
		if (!idUnread) {
			missing.stream().filter(i -> !deleted.contains(i)).forEach(i -> findings.warning(sheet.name(), "",
					"取り組み " + i.id() + " (" + i.text() + ") の行がありません (未報告として扱います)"));
		}
		return entries;
	}

	/** The row read: a 自己評価 that is no mark is ignored, one that differs from the computed mark is told. */
	private InitiativeEntry entry(TableRow row, Initiative initiative, ReadValue progress, String declared,
			CellRead progressCell, Findings findings) {
		CellRead declaredCell = row.get(SELF_EVALUATION);
		if (!declared.isEmpty() && !SubmissionFormat.MARKS.contains(declared)) {
			findings.warning(declaredCell, "自己評価「" + declaredCell.text() + "」は " + String.join(", ", SubmissionFormat.MARKS)
					+ " のいずれでもないため無視します");
			declared = "";
		}
		Optional<String> computed = marks.mark(progress.text(), progress.number());
		if (!declared.isEmpty() && computed.isPresent() && !computed.get().equals(declared)) {
			findings.warning(declaredCell, "自己評価「" + declared + "」が進捗「" + progress.text() + "」から算出した評価「"
					+ computed.get() + "」と異なります。算出した評価を使います");
		}
		return new InitiativeEntry(initiative.id(), progress.text(), progress.number(), declared,
				CellLimit.fit(row.get(NOTE), Text.freeText(row.get(NOTE).text()), findings), progressCell.reference());
	}

	/** 進捗: a configured word, or a percentage 0–100 typed, written with %, or percent-formatted. */
	private Optional<ReadValue> progress(CellRead cell, Findings findings) {
		if (cell.isBlank()) {
			findings.warning(cell, "進捗が空です (評価なしとして扱います)");
			return Optional.of(new ReadValue("", null));
		}
		String word = cell.normalized();
		if (marks.knows(word)) {
			return Optional.of(new ReadValue(word, null));
		}
		Optional<BigDecimal> percent = Numbers.read(cell, "%");
		if (percent.isPresent() && percent.get().signum() >= 0 && percent.get().compareTo(BigDecimal.valueOf(100)) <= 0) {
			return Optional.of(new ReadValue(Numbers.format(percent.get()) + "%", percent.get()));
		}
		findings.error(cell, "進捗「" + cell.text() + "」は読めません (期待値: " + String.join(", ", SubmissionFormat.PROGRESS_WORDS)
				+ " または 0〜100 の割合、例: 80%)");
		return Optional.empty();
	}

}
