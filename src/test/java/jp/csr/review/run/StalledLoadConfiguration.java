package jp.csr.review.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Test only, like {@link SlowLoadConfiguration}: with {@code --review.test.load-stall-after=N} the load checks its
 * first N files at full speed and then stops before the next one until the process is killed. A test that must
 * kill a run between two chunks waits for the first commit instead of betting that a delay outlasts a busy
 * machine's JVM starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("review.test.load-stall-after")
class StalledLoadConfiguration {

	/** Longer than any test waits for the kill. */
	private static final Duration STALL = Duration.ofMinutes(10);

	@Bean
	static BeanPostProcessor stalledLoad(Environment environment) {
		int after = environment.getRequiredProperty("review.test.load-stall-after", Integer.class);
		AtomicInteger files = new AtomicInteger();
		return LoadStepHook.onLoadStep(step -> step.registerItemProcessListener(new ItemProcessListener<Object, Object>() {
			@Override
			public void beforeProcess(Object item) {
				if (files.incrementAndGet() > after) {
					try {
						Thread.sleep(STALL.toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}));
	}

}
