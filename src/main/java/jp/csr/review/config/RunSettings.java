package jp.csr.review.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The settings that decide what a run does (the plan, the input, output and office folders, the zone, the settle
 * time, the marks) belong to the run: {@code run} keeps them in its job parameters (non-identifying), and the steps
 * read them from there, so a restart does what the run set out to do whatever the restart's own command line
 * or configuration says. Not among them: the store (the run is in it), and the load's chunk and
 * threads, which change how fast a run goes, not what it does. Beside them, the host the run ran on: its paths are
 * that host's, and a restart from another host says so.
 */
public final class RunSettings {

	/** Where a step-scoped bean finds its run's parameters. */
	public static final String OF_STEP = "#{stepExecution.jobExecution.jobParameters}";

	/** Where a job-scoped bean finds its run's parameters. */
	public static final String OF_JOB = "#{jobExecution.jobParameters}";

	static final String PLAN = "review.plan";

	static final String INPUT_DIR = "review.input-dir";

	static final String OUTPUT_DIR = "review.output-dir";

	static final String OFFICE_DIR = "review.office-dir";

	static final String ZONE = "review.zone";

	static final String SETTLE = "review.settle";

	static final String MARK = "review.marks.";

	/** The host a run (or its latest restart) ran on: its paths are that host's. Not a setting anyone types. */
	static final String HOST = "review.host";

	/** The settings that name a place on the host that runs: a restart from another host may need its own. */
	public static final List<String> PATHS = List.of(PLAN, INPUT_DIR, OUTPUT_DIR, OFFICE_DIR);

	private RunSettings() {
	}

	/** A new run's parameters: its settings, paths absolute, so that a restart from anywhere finds them. */
	public static JobParametersBuilder parameters(ReviewProperties settings) {
		JobParametersBuilder parameters = new JobParametersBuilder()
			.addString(PLAN, absolute(settings.plan()), false)
			.addString(INPUT_DIR, absolute(settings.inputDir()), false)
			.addString(OUTPUT_DIR, absolute(settings.outputDir()), false)
			.addString(OFFICE_DIR, absolute(settings.officeDir()), false)
			.addString(ZONE, settings.zone().getId(), false)
			.addString(SETTLE, settings.settle().toString(), false)
			.addString(HOST, localHost(), false);
		settings.marks().forEach((word, mark) -> parameters.addString(MARK + word, mark, false));
		return parameters;
	}

	/**
	 * The settings a run's steps use: the configured ones with the run's own in their place. A run started
	 * before runs kept them (or by a test starting the job itself) has none, and uses the configured ones.
	 */
	public static ReviewProperties of(ReviewProperties configured, JobParameters parameters) {
		Map<String, String> marks = new HashMap<>();
		for (JobParameter<?> p : parameters) {
			if (p.name().startsWith(MARK)) {
				marks.put(p.name().substring(MARK.length()), String.valueOf(p.value()));
			}
		}
		String zone = parameters.getString(ZONE);
		String settle = parameters.getString(SETTLE);
		return configured.forRun(path(parameters, PLAN, configured.plan()),
				path(parameters, INPUT_DIR, configured.inputDir()), path(parameters, OUTPUT_DIR, configured.outputDir()),
				path(parameters, OFFICE_DIR, configured.officeDir()), zone == null ? configured.zone() : ZoneId.of(zone),
				settle == null ? configured.settle() : Duration.parse(settle), marks.isEmpty() ? configured.marks() : marks);
	}

	/**
	 * A restart's parameters: the run's, with the paths it goes on with ({@code settings}) and this host's name, so
	 * that a later restart knows whose paths they are.
	 */
	public static JobParameters forRestart(JobParameters recorded, ReviewProperties settings) {
		JobParametersBuilder parameters = new JobParametersBuilder(recorded);
		for (String key : PATHS) {
			parameters.addString(key, absolute(path(settings, key)), false);
		}
		return parameters.addString(HOST, localHost(), false).toJobParameters();
	}

	/** The host the run was started (or last restarted) on; empty for a run of a build that did not record it. */
	public static Optional<String> host(JobParameters parameters) {
		return Optional.ofNullable(parameters.getString(HOST));
	}

	/** This machine's name, as the run lock names it too. */
	public static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** The path setting {@code key} (one of {@link #PATHS}) of {@code settings}. */
	public static Path path(ReviewProperties settings, String key) {
		return switch (key) {
			case PLAN -> settings.plan();
			case INPUT_DIR -> settings.inputDir();
			case OUTPUT_DIR -> settings.outputDir();
			case OFFICE_DIR -> settings.officeDir();
			default -> throw new IllegalArgumentException(key);
		};
	}

	/** {@code settings} with the path setting {@code key} (one of {@link #PATHS}) in its place. */
	public static ReviewProperties withPath(ReviewProperties settings, String key, Path value) {
		return settings.forRun(key.equals(PLAN) ? value : settings.plan(), key.equals(INPUT_DIR) ? value : settings.inputDir(),
				key.equals(OUTPUT_DIR) ? value : settings.outputDir(), key.equals(OFFICE_DIR) ? value : settings.officeDir(),
				settings.zone(), settings.settle(), settings.marks());
	}

	/** The run's settings that are not the configured ones: key → the run's value and the configured one. */
	public static Map<String, List<String>> differences(ReviewProperties configured, ReviewProperties run) {
		Map<String, List<String>> differences = new LinkedHashMap<>();
		differ(differences, PLAN, absolute(run.plan()), absolute(configured.plan()));
		differ(differences, INPUT_DIR, absolute(run.inputDir()), absolute(configured.inputDir()));
		differ(differences, OUTPUT_DIR, absolute(run.outputDir()), absolute(configured.outputDir()));
		differ(differences, OFFICE_DIR, absolute(run.officeDir()), absolute(configured.officeDir()));
		differ(differences, ZONE, run.zone().getId(), configured.zone().getId());
		differ(differences, SETTLE, run.settle().toString(), configured.settle().toString());
		differ(differences, "review.marks", new TreeMap<>(run.marks()).toString(), new TreeMap<>(configured.marks()).toString());
		return differences;
	}

	private static void differ(Map<String, List<String>> differences, String key, String run, String configured) {
		if (!run.equals(configured)) {
			differences.put(key, List.of(run, configured));
		}
	}

	private static Path path(JobParameters parameters, String key, Path configured) {
		String value = parameters.getString(key);
		return value == null ? configured : Path.of(value);
	}

	private static String absolute(Path path) {
		return path.toAbsolutePath().normalize().toString();
	}

}
