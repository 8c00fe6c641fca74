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
 * @param otherTerm the 期 its 表紙 names when that is a whole number other than the plan's: a file of another term,
 *        which a run of this term leaves for a run of its own (PRODUCT.md §8); null otherwise
 */
public record Validation(Submission submission, String departmentCode, boolean late, List<Issue> issues, long errors,
		long warnings, Integer otherTerm) {

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
		this(submission, departmentCode, late, IssueList.of(all), null);
	}

	Validation(Submission submission, String departmentCode, boolean late, IssueList issues, Integer otherTerm) {
		this(submission, departmentCode, late, issues.listed(), issues.errors(), issues.warnings(), otherTerm);
	}

	public boolean accepted() {
		return submission != null;
	}

}
