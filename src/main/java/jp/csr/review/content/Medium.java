package jp.csr.review.content;

import jp.csr.review.plan.Plan;

/**
 * Where the review is read, as far as its words depend on it: only in how a term's range of months is joined.
 * The workbook keeps the reference's ASCII {@code ~}, the text the office copies and searches; a page set in a
 * Japanese font (the PDF, a web page) prints 〜 (U+301C, WAVE DASH), since such fonts (IPAex Gothic among them)
 * draw the ASCII tilde raised, where a Japanese reader takes it for a typo.
 */
public enum Medium {

	/** The review workbook: {@code 2024年10月~2025年9月}, as the reference and {@link Plan#period()}. */
	WORKBOOK("~"),

	/** A page typeset in a Japanese font, the PDF or a web page: {@code 2024年10月〜2025年9月}. */
	PRINT("〜");

	private final String dash;

	Medium(String dash) {
		this.dash = dash;
	}

	/** The plan's term from its first month to its last, months not zero-padded. */
	public String period(Plan plan) {
		return plan.start().getYear() + "年" + plan.start().getMonthValue() + "月" + dash + plan.end().getYear() + "年"
				+ plan.end().getMonthValue() + "月";
	}

}
