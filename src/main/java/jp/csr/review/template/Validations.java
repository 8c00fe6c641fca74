package jp.csr.review.template;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Data validations on input cells. Each carries an input message, which is how a department learns what a
 * cell wants; the lists come from the submission form's words, so what Excel offers is what the check accepts.
 */
final class Validations {

	/** Excel limits an input or error message to 255 characters. */
	static final int MESSAGE_LIMIT = 255;

	/** Excel limits a data-validation title to 32 characters. */
	static final int TITLE_LIMIT = 32;

	private Validations() {
	}

	static XSSFDataValidationHelper helper(XSSFSheet sheet) {
		return new XSSFDataValidationHelper(sheet);
	}

	/** An input message for free-text cells: any text up to Excel's cell limit. */
	static void promptOnly(XSSFSheet sheet, CellRangeAddressList cells, String title, String prompt) {
		DataValidationConstraint any = helper(sheet).createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "32767", null);
		validate(sheet, any, cells, DataValidation.ErrorStyle.WARNING, title, prompt, "長すぎます",
				"1つのセルに入る文字数 (32,767文字) を超えています。");
	}

	/**
	 * Excel refuses to open a workbook whose messages are over its limits, so a text too long fails here,
	 * where it was written, rather than on a department's desk.
	 */
	static void validate(XSSFSheet sheet, DataValidationConstraint constraint, CellRangeAddressList cells,
			int errorStyle, String title, String prompt, String errorTitle, String error) {
		check(title, TITLE_LIMIT);
		check(errorTitle, TITLE_LIMIT);
		check(prompt, MESSAGE_LIMIT);
		check(error, MESSAGE_LIMIT);
		DataValidation validation = helper(sheet).createValidation(constraint, cells);
		validation.setEmptyCellAllowed(true);
		validation.setErrorStyle(errorStyle);
		validation.createPromptBox(title, prompt);
		validation.setShowPromptBox(true);
		validation.createErrorBox(errorTitle, error);
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	private static void check(String message, int limit) {
		if (message.length() > limit) {
			throw new IllegalStateException("data-validation text longer than " + limit + ": " + message);
		}
	}

}
