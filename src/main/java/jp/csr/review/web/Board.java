package jp.csr.review.web;

import java.time.ZonedDateTime;
import java.util.List;

import jp.csr.review.console.ExitCode;

/**
 * What the office's status board shows, as plain texts and links: the template only lays them out.
 *
 * @param title the term and the group, as the board's heading
 * @param run the run that wrote the board
 * @param outputs links to the review's workbook, PDF and web page (those that exist)
 * @param departments one per department of the plan, in the order of 部署
 * @param elsewhere issues of files no department of the plan claims (an unknown or missing 部署コード)
 * @param otherCopies annotated copies not in a department's folder (部署不明)
 * @param chart the attainment per materiality
 */
public record Board(String title, Run run, List<Link> outputs, List<Department> departments, List<Issue> elsewhere,
		List<Link> otherCopies, AttainmentChart chart) {

	/**
	 * @param number the run's number, as the console and {@code status} name it
	 * @param at when the run wrote the review, in the configured zone
	 * @param outcome the files it decided, as the console's last line counts them
	 * @param exit the exit code the run ends with when nothing fails after this
	 */
	public record Run(long number, String at, String outcome, int exit) {

		public static Run of(long number, ZonedDateTime at, String outcome, ExitCode exit) {
			return new Run(number, StatusBoard.MINUTES.format(at), outcome, exit.code());
		}

	}

	/** A relative link: the board works wherever the output folder is opened from. */
	public record Link(String label, String href) {
	}

	/**
	 * @param late はい / いいえ
	 * @param issues its open errors and warnings, each with its sheet and cell
	 * @param copies the annotated copies in its folder
	 * @param confirmation the office's decision on its file in use (事務局確認), with who and when
	 */
	public record Department(String code, String name, String state, String file, String receivedAt, String late,
			int errors, int warnings, List<Issue> issues, List<Link> copies, String confirmation) {

		/** The state as a class name, so that 差戻し and 未提出 stand out. */
		public String stateClass() {
			return switch (state) {
				case "受理" -> "accepted";
				case "未提出" -> "missing";
				default -> "rejected";
			};
		}

	}

	/** @param where {@code KPI!F7}, or the file alone when the issue is the file's */
	public record Issue(String severity, String file, String where, String message) {

		public boolean error() {
			return "エラー".equals(severity);
		}

	}

}
