package jp.csr.review.judge;

/** The result of one KPI (PRODUCT.md §5), by the words the review prints. */
public enum Outcome {

	ACHIEVED("達成"), NOT_ACHIEVED("未達"), IN_PROGRESS("継続中"), UNDETERMINED("判定不能"), NOT_REPORTED("未報告"),
	NOT_SUBMITTED("未提出");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Outcome ofLabel(String label) {
		return java.util.Arrays.stream(values()).filter(o -> o.label.equals(label)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown outcome " + label));
	}

	/** Per commitment: 達成 when every KPI is 達成, 未達 when any is 未達, else 継続中. */
	public static Outcome ofCommitment(java.util.Collection<Outcome> kpis) {
		if (!kpis.isEmpty() && kpis.stream().allMatch(o -> o == ACHIEVED)) {
			return ACHIEVED;
		}
		return kpis.contains(NOT_ACHIEVED) ? NOT_ACHIEVED : IN_PROGRESS;
	}

}
