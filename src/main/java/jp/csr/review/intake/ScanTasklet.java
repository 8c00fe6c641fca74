package jp.csr.review.intake;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jp.csr.review.ReviewProperties;
import jp.csr.review.store.Archive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The scan step: lists the input folder into {@code scan_candidate}. It runs in one transaction, so a
 * crash leaves nothing half-listed and a restart scans again.
 */
public class ScanTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ScanTasklet.class);

	private final ReviewProperties properties;

	private final Candidates candidates;

	private final Archive archive;

	public ScanTasklet(ReviewProperties properties, Candidates candidates, Archive archive) {
		this.properties = properties;
		this.candidates = candidates;
		this.archive = archive;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		candidates.clear(instance);
		archive.clearStaging();
		List<InboxScanner.Found> found = new InboxScanner(properties.settle()).scan(properties.inputDir(), Instant.now());
		int seq = 0;
		for (InboxScanner.Found f : found) {
			if (f.settling()) {
				log.info("待機   {} (書き込み中の可能性があるため次回に取り込みます)", f.path());
				continue;
			}
			String sha = Archive.sha256(f.path());
			Candidate candidate = new Candidate(instance, ++seq, f.path(), f.size(), f.modifiedAt(), sha);
			boolean known = candidates.isIngested(sha);
			candidates.add(candidate, known ? "SKIPPED" : null);
			contribution.incrementReadCount();
			if (known) {
				contribution.incrementFilterCount(1);
			}
			else {
				contribution.incrementWriteCount(1);
			}
		}
		return RepeatStatus.FINISHED;
	}

}
