package jp.csr.review.scan;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.store.Archive;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The scan step: one tasklet that lists the run's input folder into {@code scan_candidate}. */
@Configuration(proxyBeanMethods = false)
class ScanStepConfiguration {

	@Bean
	Step scan(JobRepository repository, PlatformTransactionManager tx, ScanTasklet scanTasklet) {
		return new StepBuilder("scan", repository).tasklet(scanTasklet, tx).build();
	}

	@Bean
	@StepScope
	ScanTasklet scanTasklet(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			Candidates candidates, Archive archive) {
		return new ScanTasklet(RunSettings.of(configured, parameters), candidates, archive);
	}

}
