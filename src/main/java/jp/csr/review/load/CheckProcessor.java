package jp.csr.review.load;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jp.csr.review.scan.Candidate;
import jp.csr.review.scan.Candidates;
import jp.csr.review.scan.SetAside;
import jp.csr.review.store.Archive;
import jp.csr.review.store.Archive.Staged;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import jp.csr.review.validation.SubmissionValidator;
import jp.csr.review.validation.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Stages a candidate out of the input folder and checks the staged bytes, so what is validated is
 * exactly what is archived even if the department overwrites the file meanwhile.
 * <p>
 * Whatever happens to one file here is that file's (PRODUCT.md §3): a copy of bytes already taken is
 * skipped, a file gone, changed or unreadable since the scan is set aside for the next run, and an
 * unexpected failure of the checks rejects the file. Only the store (staging) may throw.
 * <p>
 * Called for the files of a chunk on several threads at once, outside the chunk's transaction: it keeps no
 * state, and its look-up of bytes already taken sees the chunks committed before; a copy within the same
 * chunk is left to the writer, which takes the files in scan order.
 */
class CheckProcessor implements ItemProcessor<Candidate, Checked> {

	private static final Logger log = LoggerFactory.getLogger(CheckProcessor.class);

	private final Archive archive;

	private final Candidates candidates;

	private final SubmissionValidator validator;

	/** The run's plan's 期. */
	private final int term;

	CheckProcessor(Archive archive, Candidates candidates, SubmissionValidator validator, int term) {
		this.archive = archive;
		this.candidates = candidates;
		this.validator = validator;
		this.term = term;
	}

	@Override
	public Checked process(Candidate candidate) throws IOException {
		// the oldest copy of a drop was loaded just before: its later copies are not even read
		Optional<SetAside> duplicate = candidates.duplicate(candidate);
		if (duplicate.isPresent()) {
			return Checked.setAside(candidate, duplicate.get());
		}
		Staged staged;
		try {
			staged = archive.stage(candidate.path());
		}
		catch (Archive.InputUnreadable ex) {
			return Checked.setAside(candidate, SetAside.unreadable(ex.getCause()));
		}
		if (!staged.sha256().equals(candidate.sha256())) {
			archive.discard(staged);
			return Checked.setAside(candidate, SetAside.changed());
		}
		String name = candidate.path().getFileName().toString();
		Validation validation = validate(staged, name, candidate);
		if (validation.otherTerm() != null) {
			// PRODUCT.md §8: a file of another term (54期 sent while the runs still use the 53期 plan) is no
			// submission of this term: recorded, it would make the department 差戻し here and its bytes a duplicate
			// for the run of its own term. Left in the folder, it is taken by that run.
			archive.discard(staged);
			return Checked.setAside(candidate, otherTerm(validation.otherTerm()));
		}
		return Checked.validated(candidate, staged, validation);
	}

	private SetAside otherTerm(int fileTerm) {
		return new SetAside(SetAside.SKIPPED, "別の期 (" + fileTerm + "期) のファイル: この期 (" + term + "期) の実行では取り込みません");
	}

	/** The validator answers every content itself; should it still throw, the file alone is rejected. */
	private Validation validate(Staged staged, String name, Candidate candidate) {
		try {
			return validator.validate(staged.file(), name, candidate.modifiedAt());
		}
		catch (RuntimeException ex) {
			log.error("{} の検査中に予期しないエラー", candidate.path(), ex);
			return new Validation(null, "", false, List.of(new Issue(Severity.ERROR, name, "", "",
					"予期しないエラーのため読み込めませんでした (" + ex.getClass().getSimpleName() + ")")));
		}
	}

}
