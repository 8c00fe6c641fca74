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

	/**
	 * Per commitment: 達成 when every KPI is 達成, 未達 when any is 未達, 未提出 when every KPI is 未提出, 未報告 when
	 * every KPI is 未報告 or 未提出, else 継続中. A commitment nobody reported on is not "in progress": saying so would
	 * hide from the office that it has nothing to review.
	 */
	public static Outcome ofCommitment(java.util.Collection<Outcome> kpis) {
		if (kpis.isEmpty()) {
			return IN_PROGRESS;
		}
		if (kpis.stream().allMatch(o -> o == ACHIEVED)) {
			return ACHIEVED;
		}
		if (kpis.contains(NOT_ACHIEVED)) {
			return NOT_ACHIEVED;
		}
		if (kpis.stream().allMatch(o -> o == NOT_SUBMITTED)) {
			return NOT_SUBMITTED;
		}
		if (kpis.stream().allMatch(o -> o == NOT_SUBMITTED || o == NOT_REPORTED)) {
			return NOT_REPORTED;
		}
		return IN_PROGRESS;
	}

}
