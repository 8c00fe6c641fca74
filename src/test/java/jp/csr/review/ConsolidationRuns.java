package jp.csr.review;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Starts the real consolidation job as a new run, the way {@code run} does, for tests in one JVM. */
@Component
public class ConsolidationRuns {

	private final JobOperator operator;

	private final Job job;

	ConsolidationRuns(JobOperator operator, Job job) {
		this.operator = operator;
		this.job = job;
	}

	public JobExecution start() throws Exception {
		return operator.start(job, new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());
	}

}
