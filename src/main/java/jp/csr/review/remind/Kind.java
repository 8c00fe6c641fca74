package jp.csr.review.remind;

/** The two reminders of PRODUCT.md §9, named as the store and the console name them (§6 提出状況). */
public enum Kind {

	/** Nothing accepted yet: the prefilled template is attached. */
	NOT_SUBMITTED("未提出"),
	/** The newest file was sent back: its annotated copy is attached. */
	SENT_BACK("差戻し");

	private final String label;

	Kind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
