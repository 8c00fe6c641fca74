package jp.csr.review.feedback;

import java.util.Optional;
import java.util.regex.Pattern;

import jp.csr.review.validation.Issue;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/** The cell an issue names, when it names one that exists in the workbook's sheets. */
record IssueCell(Sheet sheet, CellReference cell) {

	private static final Pattern A1 = Pattern.compile("[A-Z]{1,3}[1-9][0-9]*");

	/** An address as the validator writes it ({@code F7}); anything else names no cell to mark or link. */
	static boolean isAddress(String text) {
		return A1.matcher(text).matches();
	}

	static Optional<IssueCell> of(Workbook workbook, Issue issue) {
		if (issue.sheet().isEmpty() || !isAddress(issue.cell())) {
			return Optional.empty();
		}
		Sheet sheet = workbook.getSheet(issue.sheet());
		CellReference ref = new CellReference(issue.cell());
		SpreadsheetVersion version = workbook.getSpreadsheetVersion();
		if (sheet == null || ref.getRow() > version.getLastRowIndex() || ref.getCol() > version.getLastColumnIndex()) {
			return Optional.empty();
		}
		return Optional.of(new IssueCell(sheet, ref));
	}

	/** {@code F7}, without the sheet. */
	String address() {
		return cell.formatAsString(false);
	}

	/** {@code KPI!F7}: one key per cell, whichever issues name it. */
	String key() {
		return sheet.getSheetName() + "!" + address();
	}

}
