package jp.csr.review.plan;

import java.io.Serializable;

/** A row of the plan's {@code 取り組み} sheet: one concrete initiative, one row of the review. */
public record Initiative(String id, String departmentCode, String materiality, String commitment, String text)
		implements Serializable {
}
