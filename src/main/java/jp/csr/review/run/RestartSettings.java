package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * The settings a restart goes on with, said on the console. On the host the run started on, the run's own, whatever
 * this command line says. From another host (a shared store), the run's paths are that host's: a path typed on this
 * command line ({@code --review.output-dir=…}) takes the place of the run's, and a path of the run that this host does
 * not have stops the restart (exit 2) naming the host, the setting and the two ways on.
 */
@Component
class RestartSettings {

	private static final Logger log = LoggerFactory.getLogger(RestartSettings.class);

	private final ReviewProperties properties;

	private final Environment environment;

	private final RunReport report;

	RestartSettings(ReviewProperties properties, Environment environment, RunReport report) {
		this.properties = properties;
		this.environment = environment;
		this.report = report;
	}

	/** The restart's parameters, or empty when it cannot go on here (the reason was logged). */
	Optional<JobParameters> decide(JobExecution target) {
		JobParameters recorded = target.getJobParameters();
		ReviewProperties run = RunSettings.of(properties, recorded);
		String here = RunSettings.localHost();
		Optional<String> there = RunSettings.host(recorded).filter(host -> !host.equals(here));
		long id = target.getId();
		if (there.isPresent()) {
			log.info("実行 {} はホスト {} で開始されました。このホスト {} から再開します", id, there.get(), here);
			List<String> missing = new ArrayList<>();
			for (String key : RunSettings.PATHS) {
				Path theirs = RunSettings.path(run, key);
				Path mine = RunSettings.path(properties, key);
				if (typed(key) && !absolute(mine).equals(absolute(theirs))) {
					log.info("{}: 実行 {} の設定 {} に代えて、この起動の {} を使います (別のホスト {} から再開)", key, id, absolute(theirs),
							absolute(mine), here);
					run = RunSettings.withPath(run, key, mine);
				}
				else if (exists(key, theirs)) {
					log.info("{}: 実行 {} の設定 {} を使います (ホスト {} の設定。このホストにもあります)", key, id, absolute(theirs), there.get());
				}
				else {
					log.error("{}: 実行 {} の設定 {} はホスト {} のもので、このホスト {} にはありません", key, id, absolute(theirs), there.get(),
							here);
					missing.add(key);
				}
			}
			if (!missing.isEmpty()) {
				String options = String.join(" ", missing.stream().map(key -> "--" + key + "=…").toList());
				log.error("このホストの場所を {} で指定して再開するか ({} {})、新しく実行してください ({})", options,
						report.restartCommand(id), options, report.runCommand());
				return Optional.empty();
			}
		}
		ReviewProperties settings = run;
		RunSettings.differences(properties, settings).forEach((key, values) -> {
			if (there.isEmpty() || !RunSettings.PATHS.contains(key)) {
				log.info("{}: 実行 {} の設定 {} を使います (この起動の設定 {} は使いません)", key, id, values.get(0), values.get(1));
			}
		});
		return Optional.of(RunSettings.forRestart(recorded, settings));
	}

	/** Whether the admin typed {@code key} on this command line (not a configuration file, not a default). */
	private boolean typed(String key) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return false;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof CommandLinePropertySource<?> && source.containsProperty(key)) {
				return true;
			}
		}
		return false;
	}

	/** The plan is a file, the folders are folders. */
	private static boolean exists(String key, Path path) {
		return key.equals(RunSettings.PATHS.get(0)) ? Files.isRegularFile(path) : Files.isDirectory(path);
	}

	private static String absolute(Path path) {
		return path.toAbsolutePath().normalize().toString();
	}

}
