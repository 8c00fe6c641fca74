package jp.csr.review.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;

/**
 * The scale benchmark: prints numbers, asserts nothing. Not a unit test (no {@code @Test}; surefire never runs a
 * class of this name, and {@code mvn -B verify} never runs it).
 *
 * <p>For each group size N it takes {@link BenchGroup the group of N departments} (generated once, then reused from
 * {@code bench.dir}) and runs the real, packaged application in a child JVM, each way it is started:
 * <ul>
 * <li>{@code jar}: {@code java -Xmx<heap> -jar target/review.jar run …};</li>
 * <li>{@code cds}: {@code JAVA_OPTS=-Xmx<heap> ./review run …}, the launcher, which runs the extracted jar with
 * its class-data archive ({@code target/app/review.jsa}).</li>
 * </ul>
 * Each way gets a fresh store and output folder, one untimed warm-up ({@code status}, which also lets the launcher
 * make its archive when the jar is new), then a first run (every file new) and a rerun (nothing new). Per run it
 * prints the time before the job (JVM and Spring start-up, schema, plan; from the store's log), the steps' times
 * (the application's own step lines), the time after the job (the report, shutdown), the wall time, files per
 * second, the child's CPU time (user + system: the steadier number on a shared machine), its peak RSS and the load
 * average before it, and at the end the whole as a Markdown table for the README.
 *
 * <p>From the project folder (see the README, section Scale):
 *
 * <pre>
 * mvn -B -Pbench verify                        # N = 200 and 2,000, -Xmx256m, both ways
 * mvn -B -Pbench verify -Dbench.n=10000        # any sizes, comma-separated
 * </pre>
 *
 * Properties: {@code bench.n} (sizes, default {@code 200,2000}; arguments, if given, take their place),
 * {@code bench.heap} (heap limits, default {@code 256m}), {@code bench.ways} ({@code jar,cds}), {@code bench.dir}
 * (where groups are kept, default {@code target/bench}). It exits 1 if a run exits other than 0 or 3.
 */
public final class ScaleBenchmark {

	private static final int KPIS_PER_DEPARTMENT = 5;

	private static final int INITIATIVES_PER_DEPARTMENT = 10;

	private static final int COMMITMENTS = 20;

	private static final int MATERIALITIES = 4;

	private static final String TABLE_HEADER = """
			| N | files | way | run | exit | start s | scan s | load s | judge s | write s | end s | wall s | files/s | CPU s | peak RSS MB | load avg |
			| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |""";

	/** {@code 2026-11-30T08:10:59.361Z INFO … Job: [SimpleJob: [name=consolidation]] launched with …} (or completed). */
	private static final Pattern JOB_LINE = Pattern.compile("^(\\S+Z) .* Job: \\[.*\\] (launched|completed) with");

	/** How the application is started. */
	private enum Way {
		JAR, CDS
	}

	private ScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = list(args.length > 0 ? String.join(",", args) : System.getProperty("bench.n", "200,2000"))
			.stream().map(n -> Integer.valueOf(n.replace("_", ""))).toList();
		List<String> heaps = list(System.getProperty("bench.heap", "256m"));
		List<Way> ways = list(System.getProperty("bench.ways", "jar,cds")).stream()
			.map(w -> Way.valueOf(w.toUpperCase(Locale.ROOT))).toList();
		Path project = Path.of("").toAbsolutePath();
		Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
		Path jar = project.resolve("target/review.jar");
		if (!Files.isRegularFile(jar) || !Files.isExecutable(project.resolve("review"))) {
			System.err.println("target/review.jar and ./review are needed: run from the project folder, after "
					+ "mvn -B -DskipTests package (mvn -B -Pbench verify does both)");
			System.exit(2);
		}
		String machine = machine(project, heaps);
		System.out.println(machine);
		List<String> rows = new ArrayList<>();
		boolean failed = false;
		for (int n : sizes) {
			BenchGroup.Group group = BenchGroup.prepare(dir, n);
			System.out.printf(Locale.ROOT, "%nN = %,d: %s%n  group %s (generated in %.0f s, then reused)%n", n,
					group.describe(), group.root(), group.generatedSeconds());
			String expected = String.format("受理 %d / 差戻し %d / スキップ %d / 読取不可 0 / 待機 0", group.expectedAccepted(),
					group.rejectedFiles(), group.resent());
			for (String heap : heaps) {
				for (Way way : ways) {
					Path runs = group.runs().resolve(way.name().toLowerCase(Locale.ROOT) + "-xmx" + heap);
					BenchGroup.delete(runs);
					Files.createDirectories(runs);
					ChildRun.Result warm = ChildRun.run(command(way, project, heap, group, runs, "status"), environment(way, heap),
							project, runs.resolve("console-warm-up.txt"));
					System.out.printf(Locale.ROOT, "  %s -Xmx%s: warm-up (status, untimed) exit %d, %.1f s%n", way, heap,
							warm.exit(), warm.wallSeconds());
					for (String pass : List.of("first", "rerun")) {
						double load = loadAverage();
						ChildRun.Result r = ChildRun.run(command(way, project, heap, group, runs, "run"), environment(way, heap),
								project, runs.resolve("console-" + pass + ".txt"));
						String row = row(n, group, way, heap, heaps.size() > 1, pass, r, load,
								aroundTheJob(runs.resolve("store/logs/review.log"), r));
						rows.add(row);
						System.out.println("  " + row);
						System.out.println("      " + r.counts() + (pass.equals("first") && !expected.equals(r.counts())
								? "   (the group should give: " + expected + ")" : ""));
						if (r.exit() != 0 && r.exit() != 3) {
							failed = true;
							System.out.println("      last lines of its console (" + runs.resolve("console-" + pass + ".txt") + "):");
							r.tail().forEach(line -> System.out.println("      | " + line));
						}
					}
				}
			}
		}
		System.out.println();
		System.out.println(machine);
		System.out.println();
		System.out.println(TABLE_HEADER);
		rows.forEach(System.out::println);
		System.exit(failed ? 1 : 0);
	}

	/** The application's command line, started the given way over the group, with its store and output in {@code runs}. */
	private static List<String> command(Way way, Path project, String heap, BenchGroup.Group group, Path runs,
			String command) {
		List<String> line = new ArrayList<>(way == Way.JAR
				? List.of("java", "-Xmx" + heap, "-jar", project.resolve("target/review.jar").toString())
				: List.of(project.resolve("review").toString()));
		line.add(command);
		line.add("--review.store=" + runs.resolve("store"));
		if (command.equals("run")) {
			line.addAll(List.of("--review.plan=" + group.plan(), "--review.input-dir=" + group.input(),
					"--review.output-dir=" + runs.resolve("output"), "--review.settle=0s"));
		}
		return line;
	}

	/** The launcher takes its JVM options from JAVA_OPTS; a JVM without a UTF-8 locale would garble file names. */
	private static Map<String, String> environment(Way way, String heap) {
		Map<String, String> env = new HashMap<>();
		if (way == Way.CDS) {
			env.put("JAVA_OPTS", "-Xmx" + heap);
		}
		if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
			env.put("LC_ALL", "C.UTF-8");
		}
		return env;
	}

	private static String row(int n, BenchGroup.Group group, Way way, String heap, boolean showHeap, String pass,
			ChildRun.Result r, double load, double[] aroundTheJob) {
		StringBuilder row = new StringBuilder();
		row.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %d |%s", n, group.files(),
				way.name().toLowerCase(Locale.ROOT) + (showHeap ? " -Xmx" + heap : ""), pass, r.exit(),
				cell(aroundTheJob[0])));
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
	 * lines in the store's log: the console prints nothing until the end. NaN where the log does not tell.
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

	/** The line that says where and when the numbers were taken. */
	private static String machine(Path project, List<String> heaps) throws IOException, InterruptedException {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
			.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
		String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
			.findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GB").orElse("?");
		String java = output(project, "java", "-version").stream().findFirst().orElse("java ?");
		List<String> commit = output(project, "git", "rev-parse", "--short", "HEAD");
		boolean dirty = !output(project, "git", "status", "--porcelain", "--untracked-files=no").isEmpty();
		return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM, %s %s; %s; heap -Xmx%s; commit %s%s; %s; "
				+ "load average at start %s; peak RSS by %s", Runtime.getRuntime().availableProcessors(), cpu, memory,
				System.getProperty("os.name"), System.getProperty("os.version"), java, String.join("/", heaps),
				commit.isEmpty() ? "?" : commit.get(0), dirty ? " (with uncommitted changes)" : "", LocalDate.now(),
				String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3)),
				ChildRun.gnuTime() ? "/usr/bin/time" : "/proc VmHWM");
	}

	private static List<String> output(Path dir, String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
		return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? lines : List.of();
	}

	/** The 1-minute load average: other work on the machine, which wall times include. */
	private static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	private static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	/** D departments over 20 commitments in 4 materialities; department i serves commitment i mod 20. */
	public static Plan plan(int count) {
		List<Department> departments = new ArrayList<>();
		List<Kpi> kpis = new ArrayList<>();
		List<Initiative> initiatives = new ArrayList<>();
		for (int d = 1; d <= count; d++) {
			String code = String.format("D%03d", d);
			departments.add(new Department(code, "部署" + d, code.toLowerCase(Locale.ROOT) + "@example.co.jp"));
			int c = (d - 1) % COMMITMENTS;
			String materiality = "マテリアリティ" + (c % MATERIALITIES + 1);
			String commitment = "コミットメント" + (c + 1);
			for (int k = 1; k <= KPIS_PER_DEPARTMENT; k++) {
				String id = code + "-K" + k;
				kpis.add(switch (k) {
					case 1 -> new Kpi(id, code, materiality, commitment, "研修受講率100%", "研修受講率", Criterion.AT_LEAST,
							new BigDecimal("100"), "%", null);
					case 2 -> new Kpi(id, code, materiality, commitment, "重大インシデント件数0件", "重大インシデント件数",
							Criterion.AT_MOST, BigDecimal.ZERO, "件", null);
					case 3 -> new Kpi(id, code, materiality, commitment, "認証の維持", "認証", Criterion.MAINTAIN, null, "",
							null);
					case 4 -> new Kpi(id, code, materiality, commitment, "訓練2回以上", "訓練", Criterion.AT_LEAST,
							new BigDecimal("2"), "回", null);
					default -> new Kpi(id, code, materiality, commitment, "体制の改善", "体制の改善", Criterion.QUALITATIVE,
							null, "", null);
				});
			}
			for (int i = 1; i <= INITIATIVES_PER_DEPARTMENT; i++) {
				initiatives.add(new Initiative(code + "-I" + i, code, materiality, commitment,
						"部署" + d + "の取り組み" + i + ":研修・点検・改善を計画どおりに実施する"));
			}
		}
		return new Plan("ベンチマークグループ", 53, YearMonth.of(2024, 10), YearMonth.of(2025, 9), null, departments, kpis,
				initiatives);
	}

}
