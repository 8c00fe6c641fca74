package jp.csr.review.office;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.Submissions;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The office step: the office's decisions read and recorded in one transaction. */
@Configuration(proxyBeanMethods = false)
class OfficeStepConfiguration {

	@Bean
	Step office(JobRepository repository, PlatformTransactionManager tx, OfficeTasklet officeTasklet) {
		return new StepBuilder(OfficeTasklet.STEP, repository).tasklet(officeTasklet, tx).build();
	}

	/** Per run: the run's plan; the office's folder is the configured one (decisions are read as they are now). */
	@Bean
	@StepScope
	OfficeTasklet officeTasklet(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			PlanCache plan, OfficeDecisions decisions, Submissions submissions) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new OfficeTasklet(plan.read(properties.plan()), properties.officeDir(), decisions, submissions);
	}

}
