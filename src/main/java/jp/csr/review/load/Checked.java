package jp.csr.review.load;

import jp.csr.review.scan.Candidate;
import jp.csr.review.scan.SetAside;
import jp.csr.review.store.Archive.Staged;
import jp.csr.review.validation.Validation;

/**
 * A candidate after checking: either staged and validated, or set aside unchecked (a duplicate, or a
 * file that changed, went away or could not be read since the scan).
 *
 * @param staged the copy that was checked; null when set aside
 * @param validation null when set aside
 * @param setAside why the file was not checked; null when it was
 */
public record Checked(Candidate candidate, Staged staged, Validation validation, SetAside setAside) {

	static Checked validated(Candidate candidate, Staged staged, Validation validation) {
		return new Checked(candidate, staged, validation, null);
	}

	static Checked setAside(Candidate candidate, SetAside why) {
		return new Checked(candidate, null, null, why);
	}

	public boolean isSetAside() {
		return setAside != null;
	}

}
