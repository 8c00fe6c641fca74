package jp.csr.review.run;

import java.util.function.Consumer;

import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Test only: registers listeners on the load step once it is built, for the test configurations of a process. */
final class LoadStepHook {

	private LoadStepHook() {
	}

	static BeanPostProcessor onLoadStep(Consumer<ChunkOrientedStep<Object, Object>> change) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if ("load".equals(name) && bean instanceof ChunkOrientedStep<?, ?> chunked) {
					@SuppressWarnings("unchecked")
					ChunkOrientedStep<Object, Object> step = (ChunkOrientedStep<Object, Object>) chunked;
					change.accept(step);
				}
				return bean;
			}
		};
	}

}
