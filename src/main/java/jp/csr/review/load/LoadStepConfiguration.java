package jp.csr.review.load;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.scan.Candidate;
import jp.csr.review.scan.Candidates;
import jp.csr.review.store.Archive;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.validation.SubmissionValidator;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The load step. Many files per chunk, one transaction each ({@code review.load-chunk}): a rejection is an
 * outcome, not a rollback, so a chunk holds accepted and rejected files alike, and the fsync'd commit and the job
 * repository's update are paid per chunk, not per file. Each file still loads whole or not at all, and its
 * {@code scan_candidate} outcome is settled in the same transaction, so a restart after a crash resumes at the
 * first chunk not committed.
 * <p>
 * The files of a chunk are checked on {@code review.load-threads} threads (Batch 6's concurrent item processing:
 * the reader and the writer stay on the step's thread); the writer takes them in scan order, which decides
 * "newest wins" and which copy of the same bytes is taken.
 */
@Configuration(proxyBeanMethods = false)
class LoadStepConfiguration {

	@Bean
	Step load(JobRepository repository, PlatformTransactionManager tx, ReviewProperties properties,
			CandidateReader candidateReader, CheckProcessor checkProcessor, SubmissionLoader submissionLoader,
			ThreadPoolTaskExecutor loadThreads, FileLines fileLines) {
		ChunkOrientedStepBuilder<Candidate, Checked> step = new StepBuilder("load", repository)
			.<Candidate, Checked>chunk(properties.loadChunk())
			.transactionManager(tx)
			.reader(candidateReader)
			.processor(checkProcessor)
			.writer(submissionLoader)
			.listener(fileLines);
		if (properties.loadThreadCount() > 1) {
			step.taskExecutor(loadThreads);
		}
		return step.build();
	}

	/**
	 * The threads that check files during the load. They end when idle, and never keep the JVM alive: a daemon
	 * waits hours between runs.
	 */
	@Bean
	ThreadPoolTaskExecutor loadThreads(ReviewProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.loadThreadCount());
		executor.setMaxPoolSize(properties.loadThreadCount());
		executor.setAllowCoreThreadTimeOut(true);
		executor.setKeepAliveSeconds(10);
		executor.setDaemon(true);
		executor.setThreadNamePrefix("load-");
		return executor;
	}

	@Bean
	@StepScope
	CandidateReader candidateReader(Candidates candidates,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new CandidateReader(candidates, jobInstanceId);
	}

	@Bean
	@StepScope
	CheckProcessor checkProcessor(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			PlanCache plan, Archive archive, Candidates candidates) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		Plan read = plan.read(properties.plan());
		SubmissionValidator validator = new SubmissionValidator(read, new MarkRule(properties.marks()), properties.zone());
		return new CheckProcessor(archive, candidates, validator, read.term());
	}

	/** Per run: its files belong to its plan's term. */
	@Bean
	@StepScope
	SubmissionLoader submissionLoader(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, JdbcTemplate jdbcTemplate, Archive archive, ArchivedFiles archived,
			Candidates candidates) {
		int term = plan.read(RunSettings.of(configured, parameters).plan()).term();
		return new SubmissionLoader(jdbc, jdbcTemplate, archive, archived, candidates, term);
	}

}
