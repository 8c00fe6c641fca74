package jp.csr.review.plan;

import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** The plan of {@code review.plan}, or its problems on the console: a command without it is bad configuration. */
@Component
public class ConfiguredPlan {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredPlan.class);

	private final ReviewProperties properties;

	/** Shared with the job's steps, so a run parses the plan once. */
	private final PlanCache cache;

	ConfiguredPlan(ReviewProperties properties, PlanCache cache) {
		this.properties = properties;
		this.cache = cache;
	}

	/** Empty when the plan cannot be used; every problem of it has then been logged. */
	public Optional<Plan> read() {
		return read(properties.plan());
	}

	/** The plan of a run, which a restart takes from the run ({@link RunSettings}). */
	public Optional<Plan> read(java.nio.file.Path plan) {
		try {
			return Optional.of(cache.read(plan));
		}
		catch (PlanException ex) {
			log.error(ex.getMessage());
			return Optional.empty();
		}
	}

}
