package jp.csr.review.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.csr.review.workbook.Grid;

/** The sheets of the submission form, found by name in the workbook a department sent. */
final class FormSheets {

	private final List<Grid> workbook;

	private final Findings findings;

	FormSheets(List<Grid> workbook, Findings findings) {
		this.workbook = workbook;
		this.findings = findings;
	}

	/**
	 * The one sheet of that name. Two sheets that are one name after NFKC ({@code KPI} and a hidden
	 * {@code ＫＰＩ}) are an error, and neither is read: which one the department meant is a guess.
	 */
	Optional<Grid> one(String name) {
		List<Grid> sheets = Grid.allNamed(workbook, name);
		if (sheets.isEmpty()) {
			findings.error(name, "", "シート「" + name + "」がありません。配布された様式のシートを削除・改名せずに提出してください");
			return Optional.empty();
		}
		if (sheets.size() > 1) {
			boolean anyHidden = sheets.stream().anyMatch(Grid::hidden);
			findings.error(sheets.get(0).name(), "", "シート"
					+ sheets.stream().map(s -> "「" + s.name() + "」" + (s.hidden() ? "(非表示)" : ""))
						.collect(Collectors.joining("と"))
					+ "は同じ名前「" + name + "」とみなされるため、どれを読むか決められません。不要なシートを削除してください"
					+ (anyHidden ? " (非表示のシートは、シート見出しの右クリックから「再表示」で表示できます)" : ""));
			return Optional.empty();
		}
		return Optional.of(sheets.get(0));
	}

}
