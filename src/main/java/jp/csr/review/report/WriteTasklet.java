package jp.csr.review.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import jp.csr.review.judging.Judgements;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.Submissions;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write step: renders the run's verdicts into the review workbook, records its path and what it was built
 * from ({@link ReviewFingerprints}: a later night with nothing new keeps it), then writes the annotated copies
 * due ({@link AnswerTasklet}).
 */
public class WriteTasklet implements Tasklet {

	/** Key in the job's execution context under which the review's path is kept for the console. */
	public static final String REVIEW_PATH = "review.path";

	private final Plan plan;

	private final Path outputDir;

	private final ReviewDataQuery query;

	private final ReviewFingerprints fingerprints;

	private final Clock clock;

	private final AnswerTasklet answers;

	public WriteTasklet(Plan plan, Path outputDir, JdbcClient jdbc, Submissions submissions, Judgements judgements,
			java.time.ZoneId zone, ReviewFingerprints fingerprints, Clock clock) {
		this.plan = plan;
		this.outputDir = outputDir;
		this.query = new ReviewDataQuery(jdbc, submissions, judgements, zone);
		this.fingerprints = fingerprints;
		this.clock = clock;
		this.answers = new AnswerTasklet(plan, outputDir, jdbc);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		// one instant for what the review shows and what it is recorded as built from
		Instant now = clock.instant();
		Files.createDirectories(outputDir);
		ReviewData data = query.load(plan, jobExecution.getJobInstanceId(), fingerprints.deadlinePassed(plan, now));
		// the plan file is hashed as soon as it can be after the plan was read (when this step began)
		String inputs = fingerprints.inputs(plan, now);
		Path review = new ReviewWorkbookWriter().write(data, outputDir);
		fingerprints.written(review, inputs, jobExecution.getId());
		jobExecution.getExecutionContext().putString(REVIEW_PATH, review.toString());
		// feedback beside the review (PRODUCT.md §3, §6)
		answers.answer(jobExecution.getJobInstanceId());
		contribution.incrementWriteCount(1);
		return RepeatStatus.FINISHED;
	}

}
