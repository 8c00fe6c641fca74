package jp.csr.review.operations;

import java.util.Optional;

import jp.csr.review.ReviewProperties;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanException;
import jp.csr.review.plan.PlanReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The plan of {@code review.plan}, or its problems on the console: a command without it is bad configuration. */
@Component
class ConfiguredPlan {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredPlan.class);

	private final ReviewProperties properties;

	ConfiguredPlan(ReviewProperties properties) {
		this.properties = properties;
	}

	/** Empty when the plan cannot be used; every problem of it has then been logged. */
	Optional<Plan> read() {
		try {
			return Optional.of(PlanReader.read(properties.plan()));
		}
		catch (PlanException ex) {
			log.error(ex.getMessage());
			return Optional.empty();
		}
	}

}
