package jp.csr.review.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nights of the product measured over generated groups: every run's line of the detailed table, and the first
 * runs and reruns of each group size and way, for the {@link Summary}.
 */
final class Measurements {

	static final String TABLE_HEADER = """
			| N | files | way | run | exit | start s | scan s | load s | judge s | write s | end s | wall s | files/s | CPU s | peak RSS MB | load avg |
			| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |""";

	/** {@code 2026-11-30T08:10:59.361Z INFO … Job: [SimpleJob: [name=consolidation]] launched with …} (or completed). */
	private static final Pattern JOB_LINE = Pattern.compile("^(\\S+Z) .* Job: \\[.*\\] (launched|completed) with");

	/** The first runs (fresh store) and the reruns (nothing new) of one group size, started one way. */
	record Nights(BenchGroup.Group group, ScaleBenchmark.Way way, List<ChildRun.Result> first, List<ChildRun.Result> rerun) {
	}

	private final Path project;

	private final String heap;

	private final List<String> rows = new ArrayList<>();

	private final Map<String, Nights> nights = new LinkedHashMap<>();

	private boolean failed;

	Measurements(Path project, String heap) {
		this.project = project;
		this.heap = heap;
	}

	/**
	 * {@code times} times: a fresh store and output folder, a first run (its outputs checked), then, if asked, a
	 * rerun. {@code jvm} holds extra JVM options (empty if none).
	 */
	Nights nights(BenchGroup.Group group, ScaleBenchmark.Way way, int times, boolean rerun, String jvm)
			throws IOException, InterruptedException {
		String expected = String.format("受理 %d / 差戻し %d / スキップ %d / 読取不可 0 / 待機 0", group.expectedAccepted(),
				group.rejectedFiles(), group.resent());
		int annotatedCopies = BenchGroup.rejectedDepartments(group.departments());
		Nights measured = new Nights(group, way, new ArrayList<>(), new ArrayList<>());
		String name = way.name().toLowerCase(Locale.ROOT);
		for (int time = 1; time <= times; time++) {
			Path runs = group.runs().resolve(name + "-xmx" + heap + "-" + time);
			BenchGroup.delete(runs);
			Files.createDirectories(runs);
			if (time == 1) {
				// lets the launcher make its archive when the jar is new; pages the JVM and the jar in
				ChildRun.Result warm = ChildRun.run(command(way, group, runs, "status", jvm), environment(way, jvm), project,
						runs.resolve("console-warm-up.txt"));
				System.out.printf(Locale.ROOT, "  %s -Xmx%s: warm-up (status, untimed) exit %d, %.1f s%n", way, heap,
						warm.exit(), warm.wallSeconds());
			}
			for (String pass : rerun ? List.of("first", "rerun") : List.of("first")) {
				double load = ScaleBenchmark.loadAverage();
				Path console = runs.resolve("console-" + pass + ".txt");
				ChildRun.Result r = ChildRun.run(command(way, group, runs, "run", jvm), environment(way, jvm), project, console);
				(pass.equals("first") ? measured.first() : measured.rerun()).add(r);
				String row = row(group, name, pass + " " + time, r, load, aroundTheJob(runs.resolve("store/logs/review.log"), r));
				rows.add(row);
				System.out.println("  " + row);
				System.out.println("      " + r.counts() + (pass.equals("first") && !expected.equals(r.counts())
						? "   (the group should give: " + expected + ")" : "") + "; "
						+ Outputs.describe(runs.resolve("output")));
				List<String> missing = Outputs.missing(runs.resolve("output"), annotatedCopies);
				if (!missing.isEmpty()) {
					failed = true;
					System.out.println("      NOT MEASURED: the run left out " + String.join(", ", missing));
				}
				if (r.exit() != 0 && r.exit() != 3) {
					failed = true;
					System.out.println("      last lines of its console (" + console + "):");
					r.tail().forEach(line -> System.out.println("      | " + line));
				}
			}
		}
		nights.put(group.departments() + " " + way + (rerun ? "" : " once"), measured);
		return measured;
	}

	Nights of(int departments, ScaleBenchmark.Way way) {
		return nights.get(departments + " " + way);
	}

	List<String> rows() {
		return rows;
	}

	boolean failed() {
		return failed;
	}

	/** The command line, as a user types it, that {@link #nights} measures. */
	static String typed(ScaleBenchmark.Way way, String heap, String jvm) {
		String options = ("-Xmx" + heap + " " + jvm).trim();
		return (way == ScaleBenchmark.Way.JAR ? "java " + options + " -jar target/review.jar"
				: (options.contains(" ") ? "JAVA_OPTS='" + options + "'" : "JAVA_OPTS=" + options) + " ./review")
				+ " run --review.plan=<group>/config/plan.xlsx --review.input-dir=<group>/input "
				+ "--review.store=<fresh> --review.output-dir=<fresh> --review.settle=0s";
	}

	/** The application's command line, started the given way over the group, with its store and output in {@code runs}. */
	private List<String> command(ScaleBenchmark.Way way, BenchGroup.Group group, Path runs, String command, String jvm) {
		List<String> line = new ArrayList<>();
		if (way == ScaleBenchmark.Way.JAR) {
			line.addAll(List.of("java", "-Xmx" + heap));
			if (!jvm.isEmpty()) {
				line.addAll(List.of(jvm.split("\\s+")));
			}
			line.addAll(List.of("-jar", project.resolve("target/review.jar").toString()));
		}
		else {
			line.add(project.resolve("review").toString());
		}
		line.add(command);
		line.add("--review.store=" + runs.resolve("store"));
		if (command.equals("run")) {
			line.addAll(List.of("--review.plan=" + group.plan(), "--review.input-dir=" + group.input(),
					"--review.output-dir=" + runs.resolve("output"), "--review.settle=0s"));
		}
		return line;
	}

	/** The launcher takes its JVM options from JAVA_OPTS; a JVM without a UTF-8 locale would garble file names. */
	private Map<String, String> environment(ScaleBenchmark.Way way, String jvm) {
		Map<String, String> env = new HashMap<>();
		if (way == ScaleBenchmark.Way.CDS) {
			env.put("JAVA_OPTS", ("-Xmx" + heap + " " + jvm).trim());
		}
		if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
			env.put("LC_ALL", "C.UTF-8");
		}
		return env;
	}

	private static String row(BenchGroup.Group group, String way, String pass, ChildRun.Result r, double load,
			double[] aroundTheJob) {
		StringBuilder row = new StringBuilder();
		row.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %d |%s", group.departments(), group.files(), way,
				pass, r.exit(), cell(aroundTheJob[0])));
		for (String step : List.of("scan", "load", "judge", "write")) {
			row.append(cell(r.steps().getOrDefault(step, Double.NaN)));
		}
		row.append(cell(aroundTheJob[1]));
		row.append(String.format(Locale.ROOT, " %.1f | %.0f | %.1f | %s | %.2f |", r.wallSeconds(),
				group.files() / r.wallSeconds(), r.cpuSeconds(),
				r.peakRssKb() < 0 ? "?" : String.valueOf(Math.round(r.peakRssKb() / 1024.0)), load));
		return row.toString();
	}

	private static String cell(double seconds) {
		return Double.isNaN(seconds) ? " – |" : String.format(Locale.ROOT, " %.1f |", seconds);
	}

	/**
	 * Seconds from the child's start to the job's launch (JVM and Spring start-up, the schema, the plan, the lock)
	 * and from the job's end to the child's exit (the report, shutdown), from the timestamps of Spring Batch's
	 * lines in the store's log. NaN where the log does not tell.
	 */
	private static double[] aroundTheJob(Path log, ChildRun.Result r) throws IOException {
		double[] around = { Double.NaN, Double.NaN };
		if (!Files.isRegularFile(log)) {
			return around;
		}
		// decoded leniently: the log echoes whatever the files hold
		for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()) {
			Matcher m = JOB_LINE.matcher(line);
			if (m.find()) {
				Instant at = Instant.parse(m.group(1));
				if (!at.isBefore(r.started()) && !at.isAfter(r.ended())) {
					if (m.group(2).equals("launched")) {
						around[0] = Duration.between(r.started(), at).toMillis() / 1e3;
					}
					else {
						around[1] = Duration.between(at, r.ended()).toMillis() / 1e3;
					}
				}
			}
		}
		return around;
	}

}
