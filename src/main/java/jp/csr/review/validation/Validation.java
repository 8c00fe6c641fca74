package jp.csr.review.validation;

import java.util.List;

/**
 * What checking one file gave: the submission when no error was found, and its issues.
 *
 * @param submission null when the file is rejected
 * @param departmentCode the 表紙's 部署コード when it could be read, else empty
 * @param late the file was received after the 提出期限 day
 * @param issues the issues listed for the department: at most {@link #LISTED}, then one that counts the rest
 * @param errors how many errors the file has, listed or not
 * @param warnings how many warnings the file has, listed or not
 */
public record Validation(Submission submission, String departmentCode, boolean late, List<Issue> issues, long errors,
		long warnings) {

	/**
	 * Issues listed per file. A column filled down to the last row would give a million issues: nobody reads
	 * them, and each becomes a row of the review and a comment in the annotated copy.
	 */
	public static final int LISTED = 200;

	public Validation {
		issues = List.copyOf(issues);
	}

	/** Every issue of a file, listed up to {@link #LISTED} and all counted. */
	public Validation(Submission submission, String departmentCode, boolean late, List<Issue> all) {
		this(submission, departmentCode, late, IssueList.of(all));
	}

	Validation(Submission submission, String departmentCode, boolean late, IssueList issues) {
		this(submission, departmentCode, late, issues.listed(), issues.errors(), issues.warnings());
	}

	public boolean accepted() {
		return submission != null;
	}

}
