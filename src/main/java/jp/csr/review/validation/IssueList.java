package jp.csr.review.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The issues of one file in the order found, kept in bounded memory: every issue is counted, the first
 * {@link Validation#LISTED} of each severity are kept. When there are more, errors are listed before
 * warnings (an error the department cannot see is one it cannot fix), in the order found, and one last
 * issue counts the rest.
 */
final class IssueList {

	private record Found(long order, Issue issue) {
	}

	private final String file;

	private final List<Found> errors = new ArrayList<>();

	private final List<Found> warnings = new ArrayList<>();

	private long errorCount;

	private long warningCount;

	IssueList(String file) {
		this.file = file;
	}

	static IssueList of(List<Issue> issues) {
		IssueList list = new IssueList(issues.isEmpty() ? "" : issues.get(0).file());
		issues.forEach(list::add);
		return list;
	}

	void add(Issue issue) {
		long order = errorCount + warningCount;
		if (issue.isError()) {
			errorCount++;
			keep(errors, new Found(order, issue));
		}
		else {
			warningCount++;
			keep(warnings, new Found(order, issue));
		}
	}

	private static void keep(List<Found> kept, Found found) {
		if (kept.size() < Validation.LISTED) {
			kept.add(found);
		}
	}

	long errors() {
		return errorCount;
	}

	long warnings() {
		return warningCount;
	}

	/** At most {@link Validation#LISTED} issues in the order found, then one counting those not listed. */
	List<Issue> listed() {
		List<Found> chosen = new ArrayList<>(errors);
		chosen.addAll(warnings.subList(0, Math.min(warnings.size(), Validation.LISTED - chosen.size())));
		chosen.sort(Comparator.comparingLong(Found::order));
		List<Issue> listed = new ArrayList<>(chosen.stream().map(Found::issue).toList());
		long listedErrors = errors.size();
		long moreErrors = errorCount - listedErrors;
		long moreWarnings = warningCount - (chosen.size() - listedErrors);
		if (moreErrors + moreWarnings > 0) {
			listed.add(new Issue(moreErrors > 0 ? Severity.ERROR : Severity.WARNING, file, "", "",
					String.format("…ほか %,d件 (エラー %,d件、警告 %,d件)", moreErrors + moreWarnings, moreErrors, moreWarnings)));
		}
		return listed;
	}

}
