package jp.csr.review.plan;

/** A commitment is identified by its text and belongs to one materiality (PRODUCT.md §1). */
public record Commitment(String materiality, String text) {
}
