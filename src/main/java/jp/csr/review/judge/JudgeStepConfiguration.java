package jp.csr.review.judge;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.store.Submissions;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The judge step: one tasklet that judges every KPI and marks every initiative of the run's term. */
@Configuration(proxyBeanMethods = false)
class JudgeStepConfiguration {

	@Bean
	Step judge(JobRepository repository, PlatformTransactionManager tx, JudgeTasklet judgeTasklet) {
		return new StepBuilder(JudgeTasklet.STEP, repository).tasklet(judgeTasklet, tx).build();
	}

	@Bean
	@StepScope
	JudgeTasklet judgeTasklet(ReviewProperties configured, @Value(RunSettings.OF_STEP) JobParameters parameters,
			PlanCache plan, JdbcClient jdbc, Submissions submissions, Judgements judgements) {
		ReviewProperties properties = RunSettings.of(configured, parameters);
		return new JudgeTasklet(plan.read(properties.plan()), jdbc, submissions, judgements,
				new MarkRule(properties.marks()));
	}

}
