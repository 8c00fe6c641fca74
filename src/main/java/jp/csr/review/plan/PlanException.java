package jp.csr.review.plan;

import java.util.List;

/** The plan workbook cannot be used; each problem names its sheet and cell, in Japanese. */
public class PlanException extends RuntimeException {

	private final List<String> problems;

	public PlanException(String file, List<String> problems) {
		super("行動計画ブック " + file + " を読めません:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
