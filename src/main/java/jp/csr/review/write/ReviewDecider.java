package jp.csr.review.write;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.judge.JudgeTasklet;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Between load and judge: a night with nothing new leaves the review on disk as it is. When the
 * review was built from exactly what a review written now would be built from and the file is the one
 * written ({@link ReviewFingerprints}), the run goes to the {@value AnswerTasklet#STEP} step alone, which still writes
 * the annotated copies due; otherwise to judge and write. A restart of a run that had set out to judge
 * judges and writes whatever the fingerprint says: restart resumes the run where it failed.
 */
public final class ReviewDecider implements JobExecutionDecider {

	private static final Logger log = LoggerFactory.getLogger(ReviewDecider.class);

	public static final String CHANGED = "CHANGED";

	public static final String UNCHANGED = "UNCHANGED";

	/**
	 * Key in the job's execution context, set when this run kept the review: the job execution that wrote it.
	 */
	public static final String UNCHANGED_SINCE = "review.unchanged-since";

	private final ReviewProperties properties;

	private final PlanCache plans;

	private final ReviewFingerprints fingerprints;

	private final Clock clock;

	private final JobRepository repository;

	public ReviewDecider(ReviewProperties properties, PlanCache plans, ReviewFingerprints fingerprints, Clock clock,
			JobRepository repository) {
		this.properties = properties;
		this.plans = plans;
		this.fingerprints = fingerprints;
		this.clock = clock;
		this.repository = repository;
	}

	@Override
	public FlowExecutionStatus decide(JobExecution execution, StepExecution last) {
		ExecutionContext context = execution.getExecutionContext();
		// a restart brings the context of the execution it restarts: this run decides afresh
		context.remove(UNCHANGED_SINCE);
		// an earlier execution of this run judged: its write failed or never came, and the restart writes
		if (repository.getLastStepExecution(execution.getJobInstance(), JudgeTasklet.STEP) != null) {
			return new FlowExecutionStatus(CHANGED);
		}
		try {
			Plan plan = plans.read(properties.plan());
			Path review = fingerprints.review(plan);
			Optional<Long> since = fingerprints.unchangedSince(review, fingerprints.inputs(plan, clock.instant()));
			if (since.isEmpty()) {
				return new FlowExecutionStatus(CHANGED);
			}
			context.putString(WriteTasklet.REVIEW_PATH, review.toString());
			WriteTasklet.keptPdf(context, fingerprints, review);
			context.putLong(UNCHANGED_SINCE, since.get());
			return new FlowExecutionStatus(UNCHANGED);
		}
		catch (IOException | RuntimeException ex) {
			// the judge and write steps meet the same problem, if it is one, and name it
			log.warn("振り返りが前回のままでよいか確かめられないため、書き直します: {}", ex.toString());
			log.debug("fingerprint", ex);
			return new FlowExecutionStatus(CHANGED);
		}
	}

}
