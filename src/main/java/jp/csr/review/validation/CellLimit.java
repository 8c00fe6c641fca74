package jp.csr.review.validation;

import jp.csr.review.workbook.CellRead;

import static jp.csr.review.validation.SubmissionValidator.CUT_MARK;
import static jp.csr.review.validation.SubmissionValidator.MAX_TEXT;

/**
 * Excel holds at most 32,767 characters in a cell; other programs (LibreOffice, generators) can write more, and
 * such a text could not be written into the review.
 */
final class CellLimit {

	private CellLimit() {
	}

	/** The text, or the text cut to the limit and marked as cut, with a warning. */
	static String fit(CellRead cell, String text, Findings findings) {
		if (text.length() <= MAX_TEXT) {
			return text;
		}
		findings.warning(cell, "文字数が" + String.format("%,d", text.length()) + "文字あり、Excelの1セルの上限 32,767文字を超えるため、"
				+ "32,767文字に切り詰めました (末尾に「" + CUT_MARK + "」)");
		int keep = MAX_TEXT - CUT_MARK.length();
		// never split a surrogate pair
		if (Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + CUT_MARK;
	}

}
