package jp.csr.review.run;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counts a chunk step keeps (and the console and {@code status} print) are those of its committed chunks. Batch 6
 * adds a chunk's reads and writes to the step even when the chunk is rolled back (a lost run lock, a failed commit):
 * a run stopped with 8 of its 10 files committed said 10. So each chunk's transaction remembers the step's counts
 * when it commits, and a rolled-back one puts them back to those.
 */
@Component
class CommittedCounts implements BeanPostProcessor, StepExecutionListener, ItemReadListener<Object> {

	/** Marks a chunk's transaction as watched: one synchronization per transaction. */
	private static final Object WATCHED = new Object();

	/** The step this thread runs, with its counts as of its last commit. */
	private final ThreadLocal<Committed> current = new ThreadLocal<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChunkOrientedStep<?, ?> chunked) {
			@SuppressWarnings("unchecked")
			ChunkOrientedStep<Object, Object> step = (ChunkOrientedStep<Object, Object>) chunked;
			step.registerStepExecutionListener(this);
			step.registerItemReadListener(this);
		}
		return bean;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Committed committed = new Committed(stepExecution);
		committed.remember();
		current.set(committed);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		current.remove();
		return null;
	}

	/** A chunk reads its items in its transaction, on the step's thread: the first read watches the transaction. */
	@Override
	public void beforeRead() {
		Committed committed = current.get();
		if (committed == null || !TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(WATCHED)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(WATCHED, committed);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(WATCHED);
				if (status == STATUS_COMMITTED) {
					committed.remember();
				}
				else {
					committed.restore();
				}
			}
		});
	}

	/** A step's counts as of its last committed chunk. */
	private static final class Committed {

		private final StepExecution step;

		private long read;

		private long written;

		private long filtered;

		private long readSkips;

		private long processSkips;

		private long writeSkips;

		Committed(StepExecution step) {
			this.step = step;
		}

		void remember() {
			read = step.getReadCount();
			written = step.getWriteCount();
			filtered = step.getFilterCount();
			readSkips = step.getReadSkipCount();
			processSkips = step.getProcessSkipCount();
			writeSkips = step.getWriteSkipCount();
		}

		void restore() {
			step.setReadCount(read);
			step.setWriteCount(written);
			step.setFilterCount(filtered);
			step.setReadSkipCount(readSkips);
			step.setProcessSkipCount(processSkips);
			step.setWriteSkipCount(writeSkips);
		}

	}

}
