package jp.csr.review.report;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.judging.Judgements;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.Submissions;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write step: renders the run's verdicts into the review workbook and records its path, then writes
 * the annotated copies due: of every file the run rejected, and of each department's newest rejected file
 * whose copy an earlier run could not write.
 */
public class WriteTasklet implements Tasklet {

	/** Key in the job's execution context under which the review's path is kept for the console. */
	public static final String REVIEW_PATH = "review.path";

	private final Plan plan;

	private final Path outputDir;

	private final ReviewDataQuery query;

	private final AnnotatedCopies annotatedCopies;

	public WriteTasklet(Plan plan, Path outputDir, JdbcClient jdbc, Submissions submissions, Judgements judgements,
			java.time.ZoneId zone) {
		this.plan = plan;
		this.outputDir = outputDir;
		this.query = new ReviewDataQuery(jdbc, submissions, judgements, zone);
		this.annotatedCopies = new AnnotatedCopies(jdbc, plan.departments().stream().map(Department::code).toList());
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		Files.createDirectories(outputDir);
		Path review = new ReviewWorkbookWriter().write(query.load(plan, jobExecution.getJobInstanceId()), outputDir);
		jobExecution.getExecutionContext().putString(REVIEW_PATH, review.toString());
		// feedback beside the review (PRODUCT.md §3, §6): each file this run rejected, each answer an earlier
		// run could not write; then the copies a newer accepted file has settled go
		annotatedCopies.write(jobExecution.getJobInstanceId(), outputDir);
		annotatedCopies.removeSettled(outputDir);
		contribution.incrementWriteCount(1);
		return RepeatStatus.FINISHED;
	}

}
