package jp.csr.review.run;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Test only, like {@link SlowLoadConfiguration}: with {@code --review.test.fail-chunk=N} (and
 * {@code --review.load-threads=1}: Batch calls this hook in sequential steps only) the load's N-th chunk fails
 * after its writer, inside its transaction, so the chunk is rolled back after every listener of the write
 * has seen it: what a failed commit does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("review.test.fail-chunk")
class ChunkFailureConfiguration {

	@Bean
	static BeanPostProcessor failingChunk(Environment environment) {
		int failing = environment.getRequiredProperty("review.test.fail-chunk", Integer.class);
		AtomicInteger chunks = new AtomicInteger();
		return LoadStepHook.onLoadStep(step -> step.registerChunkListener(new ChunkListener<Object, Object>() {
			@Override
			public void afterChunk(Chunk<Object> chunk) {
				if (chunks.incrementAndGet() == failing) {
					throw new IllegalStateException("test: chunk " + failing + " fails after its writer");
				}
			}
		}));
	}

}
