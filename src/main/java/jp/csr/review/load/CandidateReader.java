package jp.csr.review.load;

import java.util.ArrayDeque;
import java.util.Deque;

import jp.csr.review.scan.Candidate;
import jp.csr.review.scan.Candidates;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Hands the load step the files still pending for this run. The state lives in
 * {@code scan_candidate} (set in the same transaction as the file's rows), so on restart the reader
 * simply starts from what is still pending: nothing is taken twice, nothing is lost. Only the step's own
 * thread reads, in {@code seq} order, however many threads check the files.
 */
class CandidateReader implements ItemStreamReader<Candidate> {

	private final Candidates candidates;

	private final long jobInstanceId;

	private Deque<Candidate> pending = new ArrayDeque<>();

	CandidateReader(Candidates candidates, long jobInstanceId) {
		this.candidates = candidates;
		this.jobInstanceId = jobInstanceId;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		pending = new ArrayDeque<>(candidates.pending(jobInstanceId));
	}

	@Override
	public Candidate read() {
		return pending.poll();
	}

}
