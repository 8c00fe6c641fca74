package jp.csr.review.validation;

import java.util.HashSet;
import java.util.Set;

import jp.csr.review.workbook.CellRead;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * What checking one file found so far: its issues in the order found, and what was read. Kept apart from the
 * checks so that what they found before an unexpected failure still reaches the department.
 */
final class Findings {

	private final String file;

	private final IssueList issues;

	private String departmentCode = "";

	private boolean late;

	private Integer otherTerm;

	/** Cells of merged ranges (but their first) already told: what they read as is no news to the department. */
	private final Set<String> merged = new HashSet<>();

	/** Set once every sheet was read; an error found on the way still rejects the file. */
	private Submission submission;

	Findings(String file) {
		this.file = file;
		this.issues = new IssueList(file);
	}

	Validation validation() {
		return new Validation(hasErrors() ? null : submission, departmentCode, late, issues, otherTerm);
	}

	/** The 表紙's 部署コード and lateness, known before the other sheets are read. */
	void cover(String departmentCode, boolean late) {
		this.departmentCode = departmentCode;
		this.late = late;
	}

	/** The 表紙 names this term, not the plan's. */
	void otherTerm(int term) {
		this.otherTerm = term;
	}

	void read(Submission submission) {
		this.submission = submission;
	}

	/** A formula without a saved result: an error at its cell, and the caller reads nothing from it. */
	boolean withoutResult(CellRead cell) {
		if (cell.kind() == CellRead.Kind.FORMULA_WITHOUT_RESULT) {
			error(cell, SubmissionValidator.WITHOUT_RESULT);
			return true;
		}
		return false;
	}

	/**
	 * A cell that holds no value: a formula without a saved result, an error value ({@code #N/A}) or a
	 * bad number ({@code NaN}). An error at its cell, and the caller reads nothing from it. For cells
	 * whose text would otherwise be taken as it is (notes, plan copies) or only warned about.
	 */
	boolean unreadable(CellRead cell) {
		switch (cell.kind()) {
			case FORMULA_WITHOUT_RESULT -> error(cell, SubmissionValidator.WITHOUT_RESULT);
			case ERROR_VALUE -> error(cell, "「" + cell.text() + "」はエラー値のため読めません。数式や参照先を直すか、値を入力してください");
			case BAD_NUMBER -> error(cell, "「" + cell.text() + "」は数値として読めません。値を入力し直してください");
			case VALUE -> {
				return false;
			}
		}
		return true;
	}

	/** An error at a merged range's first cell; whatever its other cells read as goes unsaid. */
	void merged(String sheet, CellRangeAddress range, String message) {
		error(sheet, new CellReference(range.getFirstRow(), range.getFirstColumn()).formatAsString(false), message);
		for (CellAddress cell : range) {
			merged.add(sheet + "!" + cell.formatAsString());
		}
		merged.remove(sheet + "!" + new CellReference(range.getFirstRow(), range.getFirstColumn()).formatAsString(false));
	}

	void error(String sheet, String cell, String message) {
		if (merged.contains(sheet + "!" + cell)) {
			return;
		}
		issues.add(new Issue(Severity.ERROR, file, sheet, cell, message));
	}

	void error(CellRead cell, String message) {
		error(cell.sheet(), cell.address(), message);
	}

	void warning(String sheet, String cell, String message) {
		if (merged.contains(sheet + "!" + cell)) {
			return;
		}
		issues.add(new Issue(Severity.WARNING, file, sheet, cell, message));
	}

	void warning(CellRead cell, String message) {
		warning(cell.sheet(), cell.address(), message);
	}

	boolean hasErrors() {
		return issues.errors() > 0;
	}

}
