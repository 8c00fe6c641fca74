package jp.csr.review.validation;

import java.io.IOException;

import jp.csr.review.intake.Candidate;
import jp.csr.review.store.Archive;
import jp.csr.review.store.Archive.Staged;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Stages a candidate out of the input folder and checks the staged bytes, so what is validated is
 * exactly what is archived even if the department overwrites the file meanwhile.
 */
public class CheckProcessor implements ItemProcessor<Candidate, Checked> {

	private final Archive archive;

	private final SubmissionValidator validator;

	public CheckProcessor(Archive archive, SubmissionValidator validator) {
		this.archive = archive;
		this.validator = validator;
	}

	@Override
	public Checked process(Candidate candidate) throws IOException {
		Staged staged = archive.stage(candidate.path());
		if (!staged.sha256().equals(candidate.sha256())) {
			archive.discard(staged);
			return new Checked(candidate, null, null);
		}
		String name = candidate.path().getFileName().toString();
		return new Checked(candidate, staged, validator.validate(staged.file(), name, candidate.modifiedAt()));
	}

}
