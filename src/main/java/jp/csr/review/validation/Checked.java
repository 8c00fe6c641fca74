package jp.csr.review.validation;

import jp.csr.review.intake.Candidate;
import jp.csr.review.store.Archive.Staged;

/**
 * A candidate after checking.
 *
 * @param staged the copy that was checked; null when the file changed since the scan
 * @param validation null when the file changed since the scan (it waits for the next run)
 */
public record Checked(Candidate candidate, Staged staged, Validation validation) {

	public boolean changedSinceScan() {
		return validation == null;
	}

}
