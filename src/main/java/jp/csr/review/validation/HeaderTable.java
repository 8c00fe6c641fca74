package jp.csr.review.validation;

import java.util.List;
import java.util.Set;

import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.SheetTable;
import org.apache.poi.ss.util.CellReference;

import static jp.csr.review.form.SubmissionFormat.INITIATIVE_TEXT;
import static jp.csr.review.form.SubmissionFormat.JUDGEMENT;
import static jp.csr.review.form.SubmissionFormat.KPI_TEXT;
import static jp.csr.review.form.SubmissionFormat.NOTE;
import static jp.csr.review.form.SubmissionFormat.RESULT_DISPLAY;
import static jp.csr.review.form.SubmissionFormat.SELF_EVALUATION;
import static jp.csr.review.form.SubmissionFormat.TARGET;
import static jp.csr.review.form.SubmissionFormat.UNIT;

/** The header row of a table sheet (KPI, 取り組み, ハイライト) against the form's columns. */
final class HeaderTable {

	/** Columns a sheet may lack: plan copies and what the department need not fill in. */
	private static final Set<String> OPTIONAL = Set.of(KPI_TEXT, JUDGEMENT, TARGET, UNIT, RESULT_DISPLAY, NOTE,
			INITIATIVE_TEXT, SELF_EVALUATION);

	private HeaderTable() {
	}

	/**
	 * The table of a sheet and its known columns. A header formula without a result is an error; a known
	 * column given by two header cells is an error and neither is read.
	 */
	static SheetTable of(Grid sheet, List<String> columns, Findings findings) {
		SheetTable read = SheetTable.of(sheet);
		Set<String> ambiguous = DuplicateLabels.reported(read.headers(), read.duplicates(), columns,
				"列「%s」が%dつあります (%s)。どれを読むか決められないため、不要な列を削除してください", findings);
		SheetTable table = read.without(ambiguous);
		for (String column : columns) {
			if (!OPTIONAL.contains(column) && !table.has(column) && !ambiguous.contains(column)) {
				// named at the header cell the template gives the column, where the department looks for it
				findings.error(sheet.name(), CellReference.convertNumToColString(columns.indexOf(column)) + "1",
						"列「" + column + "」がありません (1行目の見出しを変更・削除しないでください)");
			}
		}
		table.columns().forEach((label, index) -> {
			if (!columns.contains(label)) {
				findings.warning(sheet.name(), table.headerAddress(label), "列「" + label + "」は様式にないため無視します");
			}
		});
		return table;
	}

}
