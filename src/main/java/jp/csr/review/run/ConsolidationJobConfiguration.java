package jp.csr.review.run;

import java.time.Clock;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.write.ReviewDecider;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consolidation job: scan, load, office (the office's decisions, PRODUCT.md §11), judge, write, one step per stage (each configured in its own package), so
 * that a failure names its stage and a restart resumes there. Every step gets the real transaction manager: Batch
 * 6's builders otherwise default to a resourceless one, and a crash then duplicates rows.
 */
@Configuration(proxyBeanMethods = false)
class ConsolidationJobConfiguration {

	static final String JOB_NAME = "consolidation";

	/**
	 * After the load and the office's decisions, {@link ReviewDecider} sends a night with nothing new to the annotated copies alone, and
	 * every other run (anything it cannot tell too) to judge and write.
	 */
	@Bean
	Job consolidationJob(JobRepository repository, Step scan, Step load, Step office,
			JobExecutionDecider reviewDecider, Step judge, Step write, Step answer) {
		return new JobBuilder(JOB_NAME, repository).start(scan)
			.next(load)
			.next(office)
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
	 * The plan, parsed once for the run (and again only when its file changes): the command checks it before it
	 * starts the job, and the load, judge and write steps each need it. Kept parsed in the store for the next run,
	 * which most nights reads the same plan.
	 */
	@Bean
	PlanCache planCache(ReviewProperties properties) {
		return new PlanCache(properties.store().resolve("cache"));
	}

}
