package jp.csr.review.workbook;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The data validations of the input cells of a workbook someone fills in (a department's template, the office's
 * decision workbook): each carries an input message, which is how the person typing learns what a cell wants, and a
 * drop-down where the values are a closed set, so that what Excel offers is what the check accepts.
 */
public final class InputLists {

	/** Excel limits an input or error message to 255 characters. */
	public static final int MESSAGE_LIMIT = 255;

	/** Excel limits a data-validation title to 32 characters. */
	public static final int TITLE_LIMIT = 32;

	private InputLists() {
	}

	public static XSSFDataValidationHelper helper(XSSFSheet sheet) {
		return new XSSFDataValidationHelper(sheet);
	}

	/** An input message for free-text cells: any text up to Excel's cell limit. */
	public static void promptOnly(XSSFSheet sheet, CellRangeAddressList cells, String title, String prompt) {
		DataValidationConstraint any = helper(sheet).createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "32767", null);
		validate(sheet, any, cells, DataValidation.ErrorStyle.WARNING, title, prompt, "長すぎます",
				"1つのセルに入る文字数 (32,767文字) を超えています。");
	}

	/**
	 * A drop-down of {@code values}, written into the validation itself (a short list: Excel limits it to 255
	 * characters); any other value is refused with the prompt as the reason.
	 */
	public static void list(XSSFSheet sheet, CellRangeAddressList cells, String[] values, String title, String prompt) {
		validate(sheet, helper(sheet).createExplicitListConstraint(values), cells, DataValidation.ErrorStyle.STOP, title,
				prompt, "入力できない値です", prompt);
	}

	/**
	 * A drop-down of the cells {@code range} names (an absolute reference such as {@code 'リスト'!$A$1:$A$7}), for a
	 * list too long to write into the validation; any other value is refused with the prompt as the reason.
	 */
	public static void listFrom(XSSFSheet sheet, CellRangeAddressList cells, String range, String title, String prompt) {
		validate(sheet, helper(sheet).createFormulaListConstraint(range), cells, DataValidation.ErrorStyle.STOP, title,
				prompt, "入力できない値です", prompt);
	}

	/**
	 * Excel refuses to open a workbook whose messages are over its limits, so a text too long fails here,
	 * where it was written, rather than on the desk of whoever opens it.
	 */
	public static void validate(XSSFSheet sheet, DataValidationConstraint constraint, CellRangeAddressList cells,
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
