package jp.csr.review.write;

import java.time.Clock;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.judge.Judgements;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.Submissions;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The write step, and what decides whether a night needs it: the review written, or, on a night with nothing new,
 * the annotated copies alone.
 */
@Configuration(proxyBeanMethods = false)
class WriteStepConfiguration {

	/**
	 * Per run (job scope), as every bean that reads the settings a run keeps in its parameters
	 * ({@link RunSettings}): a restart judges by its run's plan and output folder, not by the restart's.
	 */
	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.INTERFACES)
	JobExecutionDecider reviewDecider(ReviewProperties configured, @Value(RunSettings.OF_JOB) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, Clock clock, JobRepository repository) {
		ReviewProperties run = RunSettings.of(configured, parameters);
		return new ReviewDecider(run, plan, new ReviewFingerprints(jdbc, run, plan), clock, repository);
	}

	@Bean
	Step write(JobRepository repository, PlatformTransactionManager tx, WriteTasklet writeTasklet) {
		return new StepBuilder(WriteTasklet.STEP, repository).tasklet(writeTasklet, tx).build();
	}

	@Bean
	@StepScope
	WriteTasklet writeTasklet(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, Submissions submissions, Judgements judgements, Clock clock,
			ArchivedFiles archived) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new WriteTasklet(plan.read(properties.plan()), properties.outputDir(), jdbc, submissions,
				judgements, properties.zone(), new ReviewFingerprints(jdbc, properties, plan), clock, archived);
	}

	@Bean
	Step answer(JobRepository repository, PlatformTransactionManager tx, AnswerTasklet answerTasklet) {
		return new StepBuilder(AnswerTasklet.STEP, repository).tasklet(answerTasklet, tx).build();
	}

	@Bean
	@StepScope
	AnswerTasklet answerTasklet(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, ArchivedFiles archived) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new AnswerTasklet(plan.read(properties.plan()), properties.outputDir(), properties.zone(), jdbc,
				archived);
	}

}
