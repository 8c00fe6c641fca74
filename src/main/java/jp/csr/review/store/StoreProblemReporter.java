package jp.csr.review.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * Prints an unusable store's problem when the context cannot start because of it, in place of Spring Boot's
 * bare "Application run failed" (registered in META-INF/spring.factories). The stack trace goes to the
 * log file only.
 */
public class StoreProblemReporter implements SpringBootExceptionReporter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(StoreProblemReporter.class);

	@Override
	public boolean reportException(Throwable failure) {
		StoreUnusable unusable = StoreUnusable.in(failure);
		if (unusable == null) {
			return false;
		}
		for (String line : unusable.problem().lines()) {
			if (unusable.getExitCode() == 0) {
				log.warn("{}", line);
			}
			else {
				log.error("{}", line);
			}
		}
		log.debug("the store cannot be used", failure);
		return true;
	}

	@Override
	public int getOrder() {
		return HIGHEST_PRECEDENCE;
	}

}
