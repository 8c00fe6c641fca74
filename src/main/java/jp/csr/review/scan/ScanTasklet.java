package jp.csr.review.scan;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.store.Archive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The scan step: lists the input folder into {@code scan_candidate}. It runs in one transaction, so a
 * crash leaves nothing half-listed and a restart scans again. A file it cannot read is that file's
 * problem: listed as UNREADABLE (or MISSING when it went away meanwhile), never a failed scan.
 */
class ScanTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ScanTasklet.class);

	private final ReviewProperties properties;

	private final Candidates candidates;

	private final Archive archive;

	ScanTasklet(ReviewProperties properties, Candidates candidates, Archive archive) {
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
		// a file as the last scan saw it is not read again; the others are hashed on every processor (in scan order
		// all the same): a night with nothing new would otherwise be mostly this
		Map<String, String> hashed = candidates.hashed(instance);
		List<Object> hashes = found.parallelStream().map(f -> hash(f, hashed)).toList();
		int seq = 0;
		for (int i = 0; i < found.size(); i++) {
			InboxScanner.Found f = found.get(i);
			if (f.settling()) {
				log.info("待機   {} (書き込み中の可能性があるため次回に取り込みます)", f.path());
				continue;
			}
			// a file it cannot read is one file's problem (PRODUCT.md §3): noted on its own line of the run
			// report, left for the next run, and the others go on
			SetAside setAside = f.failure() != null ? SetAside.unreadable(f.failure())
					: f.outOfScope() ? SetAside.outOfScope() : null;
			String sha = null;
			if (setAside == null) {
				if (hashes.get(i) instanceof Archive.InputUnreadable ex) {
					setAside = SetAside.unreadable(ex.getCause());
				}
				else {
					sha = (String) hashes.get(i);
				}
			}
			Candidate candidate = new Candidate(instance, ++seq, f.path(), f.size(), f.modifiedAt(), sha);
			if (sha != null) {
				// bytes of an earlier run; copies within this drop are left to the load, which takes the
				// oldest copy it can still read and skips the others
				setAside = candidates.duplicate(candidate).orElse(null);
			}
			candidates.add(candidate, setAside, f.identity());
			contribution.incrementReadCount();
			if (setAside != null) {
				contribution.incrementFilterCount(1);
			}
			else {
				contribution.incrementWriteCount(1);
			}
		}
		return RepeatStatus.FINISHED;
	}

	/** The file's SHA-256, or why it could not be read; null for a file the scan leaves. */
	private Object hash(InboxScanner.Found f, Map<String, String> hashed) {
		if (f.settling() || f.failure() != null || f.outOfScope()) {
			return null;
		}
		String known = f.identity() == null ? null : hashed.get(f.path() + "\n" + f.identity());
		if (known != null) {
			return known;
		}
		try {
			return archive.hash(f.path());
		}
		catch (Archive.InputUnreadable ex) {
			return ex;
		}
	}

}
