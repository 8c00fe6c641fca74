package jp.csr.review.run;

import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The job execution this process is running, as the live object the job thread works on.
 * <p>
 * The daemon stops a run through it, in memory: {@code JobOperator.stop} first writes STOPPING through the
 * JobRepository, whose transaction (IMMEDIATE) waits for SQLite's write lock, which the run's chunk
 * holds for the whole file it is loading; measured, the stop request did not land before the run had
 * completed. Setting the live execution STOPPING and its running steps terminate-only is what
 * {@code stop} does to a local run anyway: the step ends STOPPED after its current chunk, the job STOPPED,
 * and both are recorded by the job thread itself.
 */
@Component
class LiveExecution implements BeanPostProcessor {

	private volatile JobExecution current;

	/** The last execution started here, kept after it ended (for the report when start() threw). */
	private volatile JobExecution last;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			job.registerJobExecutionListener(new JobExecutionListener() {
				@Override
				public void beforeJob(JobExecution execution) {
					current = execution;
					last = execution;
				}

				@Override
				public void afterJob(JobExecution execution) {
					current = null;
				}
			});
		}
		return bean;
	}

	Optional<JobExecution> last() {
		return Optional.ofNullable(last);
	}

	Optional<JobExecution> current() {
		return Optional.ofNullable(current);
	}

	/** Asks the live run to stop after its current chunk; false when none is running here. */
	boolean stop() {
		JobExecution execution = current;
		if (execution == null || !execution.isRunning()) {
			return false;
		}
		execution.setStatus(BatchStatus.STOPPING);
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setTerminateOnly();
			}
		}
		return true;
	}

}
