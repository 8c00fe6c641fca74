package jp.csr.review.run;

import jp.csr.review.config.ReviewProperties;
import java.time.Clock;

import jp.csr.review.scan.Candidate;
import jp.csr.review.load.CandidateReader;
import jp.csr.review.scan.Candidates;
import jp.csr.review.scan.ScanTasklet;
import jp.csr.review.judge.JudgeTasklet;
import jp.csr.review.judge.Judgements;
import jp.csr.review.form.MarkRule;
import jp.csr.review.load.FileLines;
import jp.csr.review.config.RunSettings;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.write.AnswerTasklet;
import jp.csr.review.write.ReviewDecider;
import jp.csr.review.write.ReviewFingerprints;
import jp.csr.review.write.WriteTasklet;
import jp.csr.review.store.Archive;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.load.SubmissionLoader;
import jp.csr.review.store.Submissions;
import jp.csr.review.load.CheckProcessor;
import jp.csr.review.load.Checked;
import jp.csr.review.validation.SubmissionValidator;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The consolidation job: one step per stage, so that a failure names its stage and a restart resumes
 * there. Every step gets the real transaction manager: Batch 6's builders otherwise default to a
 * resourceless one, and a crash then duplicates rows (platform facts).
 */
@Configuration(proxyBeanMethods = false)
class ConsolidationJobConfiguration {

	static final String JOB_NAME = "consolidation";

	private static final String JOB_PARAMETERS = "#{jobExecution.jobParameters}";

	private static final String STEP_JOB_PARAMETERS = "#{stepExecution.jobExecution.jobParameters}";

	/**
	 * After the load, {@link ReviewDecider} sends a night with nothing new to the annotated copies alone, and
	 * every other run (anything it cannot tell too) to judge and write.
	 */
	@Bean
	Job consolidationJob(JobRepository repository, Step scan, Step load, JobExecutionDecider reviewDecider, Step judge,
			Step write, Step answer) {
		return new JobBuilder(JOB_NAME, repository).start(scan)
			.next(load)
			.next(reviewDecider)
			.on(ReviewDecider.UNCHANGED)
			.to(answer)
			.from(reviewDecider)
			.on("*")
			.to(judge)
			.next(write)
			.end()
			.build();
	}

	/** Where "now" comes from for what the review shows of the date (a 提出期限 passed): tests set it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Per run (job scope), as every bean that reads the settings a run keeps in its parameters
	 * ({@link RunSettings}): a restart judges by its run's plan and output folder, not by the restart's.
	 */
	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.INTERFACES)
	JobExecutionDecider reviewDecider(ReviewProperties configured, @Value(JOB_PARAMETERS) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, Clock clock, JobRepository repository) {
		ReviewProperties run = RunSettings.of(configured, parameters);
		return new ReviewDecider(run, plan, new ReviewFingerprints(jdbc, run), clock, repository);
	}

	@Bean
	Step scan(JobRepository repository, PlatformTransactionManager tx, ScanTasklet scanTasklet) {
		return new StepBuilder("scan", repository).tasklet(scanTasklet, tx).build();
	}

	@Bean
	@StepScope
	ScanTasklet scanTasklet(ReviewProperties configured, @Value(STEP_JOB_PARAMETERS) JobParameters parameters,
			Candidates candidates, Archive archive) {
		return new ScanTasklet(RunSettings.of(configured, parameters), candidates, archive);
	}

	/**
	 * Many files per chunk, one transaction each ({@code review.load-chunk}): a rejection is an outcome, not a
	 * rollback, so a chunk holds accepted and rejected files alike, and the fsync'd commit and the job
	 * repository's update are paid per chunk, not per file. Each file still loads whole or not at all, and
	 * its {@code scan_candidate} outcome is settled in the same transaction, so a restart after a crash
	 * resumes at the first chunk not committed.
	 * <p>
	 * The files of a chunk are checked on {@code review.load-threads} threads (Batch 6's concurrent item
	 * processing: the reader and the writer stay on the step's thread); the writer takes them in scan order,
	 * which decides "newest wins" and which copy of the same bytes is taken.
	 */
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
	 * The threads that check files during the load. They end when idle, and never keep the JVM alive: a
	 * daemon waits hours between runs.
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

	/**
	 * The plan, parsed once for the run (and again only when its file changes): the command checks it before
	 * it starts the job, and the load, judge and write steps each need it. Kept parsed in the store for the next
	 * run, which most nights reads the same plan.
	 */
	@Bean
	PlanCache planCache(ReviewProperties properties) {
		return new PlanCache(properties.store().resolve("cache"));
	}

	@Bean
	@StepScope
	CheckProcessor checkProcessor(ReviewProperties configured, @Value(STEP_JOB_PARAMETERS) JobParameters parameters,
			PlanCache plan, Archive archive, Candidates candidates) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		SubmissionValidator validator = new SubmissionValidator(plan.read(properties.plan()),
				new MarkRule(properties.marks()), properties.zone());
		return new CheckProcessor(archive, candidates, validator);
	}

	/** Per run: its files belong to its plan's term. */
	@Bean
	@StepScope
	SubmissionLoader submissionLoader(ReviewProperties configured, @Value(STEP_JOB_PARAMETERS) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, JdbcTemplate jdbcTemplate, Archive archive, ArchivedFiles archived,
			Candidates candidates) {
		int term = plan.read(RunSettings.of(configured, parameters).plan()).term();
		return new SubmissionLoader(jdbc, jdbcTemplate, archive, archived, candidates, term);
	}

	@Bean
	Step judge(JobRepository repository, PlatformTransactionManager tx, JudgeTasklet judgeTasklet) {
		return new StepBuilder(ReviewDecider.JUDGE, repository).tasklet(judgeTasklet, tx).build();
	}

	@Bean
	@StepScope
	JudgeTasklet judgeTasklet(ReviewProperties configured, @Value(STEP_JOB_PARAMETERS) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, Submissions submissions, Judgements judgements) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new JudgeTasklet(plan.read(properties.plan()), jdbc, submissions, judgements,
				new MarkRule(properties.marks()));
	}

	@Bean
	Step write(JobRepository repository, PlatformTransactionManager tx, WriteTasklet writeTasklet) {
		return new StepBuilder(ReviewDecider.WRITE, repository).tasklet(writeTasklet, tx).build();
	}

	@Bean
	@StepScope
	WriteTasklet writeTasklet(ReviewProperties configured, @Value(STEP_JOB_PARAMETERS) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, Submissions submissions, Judgements judgements, Clock clock,
			ArchivedFiles archived) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new WriteTasklet(plan.read(properties.plan()), properties.outputDir(), jdbc, submissions,
				judgements, properties.zone(), new ReviewFingerprints(jdbc, properties), clock, archived);
	}

	@Bean
	Step answer(JobRepository repository, PlatformTransactionManager tx, AnswerTasklet answerTasklet) {
		return new StepBuilder(ReviewDecider.ANSWER, repository).tasklet(answerTasklet, tx).build();
	}

	@Bean
	@StepScope
	AnswerTasklet answerTasklet(ReviewProperties configured, @Value(STEP_JOB_PARAMETERS) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, ArchivedFiles archived) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new AnswerTasklet(plan.read(properties.plan()), properties.outputDir(), jdbc, archived);
	}

}
