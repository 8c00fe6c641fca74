package jp.csr.review.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An accepted submission workbook, its values normalised and each tied to the cell it came from.
 */
public record Submission(Cover cover, List<KpiEntry> kpis, List<InitiativeEntry> initiatives,
		List<HighlightEntry> highlights) {

	/** The 表紙 sheet. */
	public record Cover(int term, String departmentCode, String departmentName, String submitter,
			LocalDate submittedOn) {
	}

	/**
	 * A KPI row with a 実績.
	 *
	 * @param value the 実績 after normalisation: the number as plain text with the decimals the department
	 *        typed ({@code 98.50}), or the word
	 * @param number the 実績 as a number for numeric judgements, else null
	 * @param display 実績表記, empty when not given
	 * @param cell sheet!cell of the 実績
	 */
	public record KpiEntry(String kpiId, String value, BigDecimal number, String display, String note,
			String cell) {
	}

	/**
	 * An initiative row.
	 *
	 * @param progress 進捗 as a word (完了 …) or a percentage such as {@code 80%}; empty when not filled in
	 * @param percent the percentage when 進捗 is one, else null
	 * @param declared 自己評価 (◎ ○ △), empty when not given
	 */
	public record InitiativeEntry(String initiativeId, String progress, BigDecimal percent, String declared,
			String note, String cell) {
	}

	/** A ハイライト row: free text, line breaks kept. */
	public record HighlightEntry(String commitment, String text, String cell) {
	}

}
