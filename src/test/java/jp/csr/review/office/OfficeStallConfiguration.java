package jp.csr.review.office;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test only: with {@code --review.test.office-stall=before-commit} the office step, its decisions written, stops
 * before its transaction commits; with {@code after-commit} it stops once they are committed, before the step is
 * recorded as done (still STARTED). Either way it first creates the file {@code --review.test.office-stall-file} names, so that a
 * test kills the process at that very point instead of betting on a delay.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("review.test.office-stall")
class OfficeStallConfiguration {

	/** Longer than any test waits for the kill. */
	private static final Duration STALL = Duration.ofMinutes(10);

	@Bean
	static BeanPostProcessor stalledOfficeStep(Environment environment) {
		boolean beforeCommit = "before-commit".equals(environment.getRequiredProperty("review.test.office-stall"));
		Path marker = Path.of(environment.getRequiredProperty("review.test.office-stall-file"));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (OfficeTasklet.STEP.equals(name) && bean instanceof TaskletStep step) {
					step.registerChunkListener(new ChunkListener<Object, Object>() {
						@Override
						public void beforeChunk(ChunkContext context) {
							// called inside the step's transaction: its commit is the point either way
							TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
								@Override
								public void beforeCommit(boolean readOnly) {
									if (beforeCommit) {
										stall(marker);
									}
								}

								@Override
								public void afterCommit() {
									stall(marker);
								}
							});
						}
					});
				}
				return bean;
			}
		};
	}

	private static void stall(Path marker) {
		try {
			Files.writeString(marker, "stalled");
			Thread.sleep(STALL.toMillis());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
