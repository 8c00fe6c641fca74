package jp.csr.review.validation;

/** An error rejects the whole file; a warning never blocks (PRODUCT.md §3). */
public enum Severity {

	ERROR("エラー"), WARNING("警告");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
