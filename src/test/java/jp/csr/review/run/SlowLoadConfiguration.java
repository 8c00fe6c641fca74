package jp.csr.review.run;

import java.time.Duration;

import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Test only (it lives in the test classes, so a packaged jar never has it): with
 * {@code --review.test.load-delay=2s} the load step waits that long before each file, so a test can kill
 * the process, or ask for its status, while a run is loading. Picked up by component scanning when a
 * test launches {@code ReviewApplication} with the test class path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("review.test.load-delay")
class SlowLoadConfiguration {

	@Bean
	static BeanPostProcessor slowLoad(Environment environment) {
		Duration delay = environment.getRequiredProperty("review.test.load-delay", Duration.class);
		return LoadStepHook.onLoadStep(step -> step.registerItemProcessListener(new ItemProcessListener<Object, Object>() {
			@Override
			public void beforeProcess(Object item) {
				try {
					Thread.sleep(delay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}));
	}

}
