package jp.csr.review.plan;

import java.io.Serializable;

/**
 * A row of the plan's {@code 取り組み} sheet: one concrete initiative, one row of the review.
 *
 * @param previousMark 前期評価, the mark it got last term as {@code next-term} wrote it (PRODUCT.md §1):
 *        informational, never judged; empty when none
 */
public record Initiative(String id, String departmentCode, String materiality, String commitment, String text,
		String previousMark) implements Serializable {

	public Initiative {
		previousMark = previousMark == null ? "" : previousMark;
	}

	/** An initiative with no 前期評価. */
	public Initiative(String id, String departmentCode, String materiality, String commitment, String text) {
		this(id, departmentCode, materiality, commitment, text, "");
	}

}
