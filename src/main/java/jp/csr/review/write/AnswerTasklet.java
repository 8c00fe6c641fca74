package jp.csr.review.write;

import java.nio.file.Path;
import java.time.ZoneId;

import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.feedback.OfficeCopies;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.PlanDepartments;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The annotated copies due beside the review (PRODUCT.md §3, §6): of every file the run rejected, and of each
 * department's newest rejected file whose copy is missing; then the copies a newer accepted file has settled
 * go, and the copies of the files the office sent back (§11) are written or go likewise. First the store learns the departments of the plan in use (§10, the views) and the copies earlier builds
 * left elsewhere are put where this one looks for them. The write step ends with it; a night that keeps the review runs it alone, as the {@value #STEP}
 * step: a few queries, and a copy only where one is missing.
 */
public class AnswerTasklet implements Tasklet {

	/** The step of a night that keeps the review: the annotated copies alone. */
	public static final String STEP = "answer";

	private final Path outputDir;

	private final AnnotatedCopies annotatedCopies;

	private final OfficeCopies officeCopies;

	private final Plan plan;

	private final ZoneId zone;

	private final PlanDepartments planDepartments;

	public AnswerTasklet(Plan plan, Path outputDir, ZoneId zone, JdbcClient jdbc, ArchivedFiles archived) {
		this.outputDir = outputDir;
		this.plan = plan;
		this.zone = zone;
		this.planDepartments = new PlanDepartments(jdbc);
		this.annotatedCopies = new AnnotatedCopies(jdbc, archived,
				plan.departments().stream().map(Department::code).toList());
		this.officeCopies = new OfficeCopies(jdbc, archived, plan.term(),
				plan.departments().stream().map(Department::code).toList());
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		contribution.incrementWriteCount(answer(instance));
		return RepeatStatus.FINISHED;
	}

	/** @return the copies written */
	int answer(long jobInstanceId) {
		// before the copies: which files are settled is a question about one term
		planDepartments.adoptTermless(plan.term());
		planDepartments.record(plan.term(), plan.departments().stream().map(Department::code).toList(), plan.lateFrom(zone));
		annotatedCopies.moveEarlier(outputDir);
		int written = annotatedCopies.write(jobInstanceId, outputDir).size();
		annotatedCopies.removeSettled(outputDir);
		// PRODUCT.md §11: the copies of the files the office sent back, after the rejected files' (whose copy wins a
		// path both would use)
		officeCopies.removeSettled(outputDir);
		written += officeCopies.write(outputDir).size();
		return written;
	}

}
