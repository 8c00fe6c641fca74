package jp.csr.review.plan;

import java.util.Arrays;
import java.util.Optional;

/** The plan's {@code 判定} column: the criterion a KPI's 実績 is judged by (PRODUCT.md §5). */
public enum Criterion {

	AT_LEAST("以上"), AT_MOST("以下"), MAINTAIN("維持"), INCREASE("増加"), DECREASE("減少"), QUALITATIVE("定性");

	private final String label;

	Criterion(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** 以上 and 以下 compare with 目標値; 増加 and 減少 with a baseline. */
	public boolean isNumeric() {
		return this == AT_LEAST || this == AT_MOST || this == INCREASE || this == DECREASE;
	}

	public boolean needsTarget() {
		return this == AT_LEAST || this == AT_MOST;
	}

	public static Optional<Criterion> ofLabel(String label) {
		return Arrays.stream(values()).filter(j -> j.label.equals(label)).findFirst();
	}

}
