package jp.csr.review.validation;

import java.util.List;

/**
 * What checking one file gave: the submission when no error was found, and every issue.
 *
 * @param submission null when the file is rejected
 * @param departmentCode the 表紙's 部署コード when it could be read, else empty
 * @param late the file was received after the 提出期限 day
 */
public record Validation(Submission submission, String departmentCode, boolean late, List<Issue> issues) {

	public boolean accepted() {
		return submission != null;
	}

	public long errors() {
		return issues.stream().filter(Issue::isError).count();
	}

	public long warnings() {
		return issues.size() - errors();
	}

}
