package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Test only, like {@link SlowLoadConfiguration}: with {@code --review.test.load-gate=FILE} the load waits before
 * each file until FILE exists. A test holds a run in its load, holding the run lock, for exactly as long as it needs
 * (another process started and answered, say) and then lets it finish: no delay to bet against a busy machine's
 * JVM starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("review.test.load-gate")
class LoadGateConfiguration {

	private static final Duration POLL = Duration.ofMillis(50);

	@Bean
	static BeanPostProcessor loadGate(Environment environment) {
		Path gate = Path.of(environment.getRequiredProperty("review.test.load-gate"));
		return LoadStepHook.onLoadStep(step -> step.registerItemProcessListener(new ItemProcessListener<Object, Object>() {
			@Override
			public void beforeProcess(Object item) {
				try {
					while (!Files.exists(gate)) {
						Thread.sleep(POLL.toMillis());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}));
	}

}
