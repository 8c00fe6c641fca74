package jp.csr.review.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Test only, like {@link SlowLoadConfiguration}: with {@code --review.test.load-probe=FILE} every file's check
 * in the load step lasts at least 200 ms, and when the step ends FILE holds the largest number of files that
 * were being checked at the same moment: what a process started by a test cannot otherwise show.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("review.test.load-probe")
class LoadProbeConfiguration {

	@Bean
	static BeanPostProcessor loadProbe(Environment environment) {
		Path report = Path.of(environment.getRequiredProperty("review.test.load-probe"));
		AtomicInteger checking = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		return LoadStepHook.onLoadStep(step -> {
			step.registerItemProcessListener(new ItemProcessListener<Object, Object>() {
				@Override
				public void beforeProcess(Object item) {
					most.accumulateAndGet(checking.incrementAndGet(), Math::max);
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}

				@Override
				public void afterProcess(Object item, Object result) {
					checking.decrementAndGet();
				}
			});
			step.registerStepExecutionListener(new StepExecutionListener() {
				@Override
				public ExitStatus afterStep(StepExecution stepExecution) {
					try {
						Files.writeString(report, Integer.toString(most.get()));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					return stepExecution.getExitStatus();
				}
			});
		});
	}

}
