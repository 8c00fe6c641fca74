package jp.csr.review.run;

import java.util.Optional;
import java.util.stream.Stream;

import jp.csr.review.lock.RunLock;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * A run writes only while it holds the run lock: before each step, and before each chunk of a step commits, it
 * asks the lock ({@link RunLock#lost}). A lock that went (on PostgreSQL its session ended while the run lived)
 * stops the run there: the chunk is rolled back, the step and the job end STOPPED, restartable, and nothing is
 * written that another run, which may have started meanwhile, could also write. Batch takes an interruption as
 * a stop, not a failure, so the loss is thrown as one.
 */
@Component
class LockWatch implements BeanPostProcessor, StepExecutionListener, ChunkListener<Object, Object>,
		ItemWriteListener<Object> {

	/** Looked up when first asked: a post-processor's own dependencies would otherwise be made too early. */
	private final ObjectProvider<RunLock> lock;

	LockWatch(ObjectProvider<RunLock> lock) {
		this.lock = lock;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChunkOrientedStep<?, ?> chunked) {
			@SuppressWarnings("unchecked")
			ChunkOrientedStep<Object, Object> step = (ChunkOrientedStep<Object, Object>) chunked;
			step.registerChunkListener(this);
			// Batch 6 calls chunk listeners only when a chunk's items are processed one after the other; the
			// writer's listeners run in the chunk's transaction either way (review.load-threads above 1 too)
			step.registerItemWriteListener(this);
		}
		if (bean instanceof AbstractStep step) {
			step.registerStepExecutionListener(this);
		}
		return bean;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		check();
	}

	/** Called inside the chunk's transaction, after its writes and before its commit. */
	@Override
	public void afterChunk(Chunk<Object> chunk) {
		check();
	}

	/** Called inside the chunk's transaction, after its writer and before its commit, however it was processed. */
	@Override
	public void afterWrite(Chunk<? extends Object> items) {
		check();
	}

	private void check() {
		Optional<String> lost = lock.getObject().lost();
		if (lost.isPresent()) {
			throw Sneaky.<RuntimeException>as(new LockLost(lost.get()));
		}
	}

	/** Why the run stopped when it lost the lock; empty when it did not. */
	static Optional<String> lostIn(JobExecution execution) {
		return execution.getStepExecutions().stream()
			.flatMap(s -> s.getFailureExceptions().stream())
			.flatMap(t -> Stream.iterate(t, c -> c != null, c -> c.getCause() == c ? null : c.getCause()))
			.filter(LockLost.class::isInstance)
			.map(Throwable::getMessage)
			.findFirst();
	}

	/** The run lock went while the run held it: a stop (an interruption), not a failure. */
	static final class LockLost extends JobInterruptedException {

		LockLost(String reason) {
			super(reason);
		}

	}

	/** A checked interruption thrown from a listener, which may only throw unchecked ones. */
	private static final class Sneaky {

		@SuppressWarnings("unchecked")
		static <T extends Throwable> T as(Throwable t) throws T {
			throw (T) t;
		}

	}

}
