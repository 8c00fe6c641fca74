package jp.csr.review.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;

/**
 * The scale benchmark: prints the rows of the README's Scale table, each with its command, median and spread,
 * and the machine and date they were taken on. Not a unit test (no {@code @Test}; surefire never runs a class of
 * this name, and {@code mvn -B verify} never runs it).
 *
 * <p>For each group size N ({@code bench.n}) it takes {@link BenchGroup the group of N departments} (generated once,
 * then reused from {@code bench.dir}) and runs the real, packaged application in child processes, each way it is
 * started ({@code bench.ways}):
 * <ul>
 * <li>{@code cds} (the default): {@code JAVA_OPTS=-Xmx<heap> ./review run …}, the launcher, which runs the extracted
 * jar with its class-data archive ({@code target/app/review.jsa}): what a user's night costs;</li>
 * <li>{@code jar}: {@code java -Xmx<heap> -jar target/review.jar run …}.</li>
 * </ul>
 * {@code bench.repeat} times (default 3) it gives the way a fresh store and output folder and measures a first run
 * (every file new), checks that every output of the product was written ({@link Outputs}: a run that skipped one is
 * a failure, never a fast run), then a rerun (nothing new: a quiet night). Per run it prints the time before the job
 * (JVM and Spring start-up, schema, plan; from the store's log), the steps' times (the application's own step
 * lines), the time after the job, the wall time, files per second, the child's CPU time (user + system), its peak
 * RSS and the load average before it.
 *
 * <p>Then, in the same run: the {@link PandasReview pandas + openpyxl script} of the same job on the largest
 * group, {@code bench.repeat} times (its ratio to the product is the headline); the launcher's short commands
 * ({@code ./review help}, {@code ./review validate} of one bundled file, the bundled sample's quiet night), each
 * {@code bench.launcher.repeat} times (default 5; 0 skips them); and the first run of {@code bench.large} departments (default
 * 10,000; 0 skips it) with the same heap, once, with {@code bench.large.jvm} as extra JVM options (a Flight
 * Recorder recording, say). At the end, the whole as Markdown tables for the README.
 *
 * <p>From the project folder (see the README, section Scale):
 *
 * <pre>
 * mvn -B -Pbench verify -Dbench.dir=/var/tmp/bench     # every row: 500, 2,000, 10,000 departments
 * mvn -B -Pbench verify -Dbench.n=2000 -Dbench.large=0 -Dbench.repeat=1    # one quick look
 * </pre>
 *
 * Other properties: {@code bench.heap} (heap limit of the measured JVM, default {@code 256m}), {@code bench.large.dir}
 * (where the large group is kept, default {@code bench.dir}), {@code bench.python} (default {@code /usr/bin/python3},
 * Debian's, with its {@code python3-pandas} and {@code python3-openpyxl}). It exits 1 if a run exits other than 0 or 3
 * or left an output out.
 */
public final class ScaleBenchmark {

	private static final int KPIS_PER_DEPARTMENT = 5;

	private static final int INITIATIVES_PER_DEPARTMENT = 10;

	private static final int COMMITMENTS = 20;

	private static final int MATERIALITIES = 4;

	/** The size the headline rows are about, when it is measured (else the largest measured). */
	private static final int HEADLINE = 2000;

	/** How the application is started. */
	enum Way {
		JAR, CDS
	}

	private ScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = list(args.length > 0 ? String.join(",", args) : System.getProperty("bench.n", "500,2000"))
			.stream().map(ScaleBenchmark::size).sorted().toList();
		String heap = System.getProperty("bench.heap", "256m");
		List<Way> ways = list(System.getProperty("bench.ways", "cds")).stream()
			.map(w -> Way.valueOf(w.toUpperCase(Locale.ROOT))).toList();
		int repeat = Integer.getInteger("bench.repeat", 3);
		int large = size(System.getProperty("bench.large", "10000"));
		Path project = Path.of("").toAbsolutePath();
		Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
		Path largeDir = Path.of(System.getProperty("bench.large.dir", dir.toString())).toAbsolutePath();
		Path jar = project.resolve("target/review.jar");
		if (!Files.isRegularFile(jar) || !Files.isExecutable(project.resolve("review"))) {
			System.err.println("target/review.jar and ./review are needed: run from the project folder, after "
					+ "mvn -B -DskipTests package (mvn -B -Pbench verify does both)");
			System.exit(2);
		}
		String machine = machine(project, heap);
		System.out.println(machine);
		Measurements m = new Measurements(project, heap);
		for (int n : sizes) {
			BenchGroup.Group group = BenchGroup.prepare(dir, n);
			System.out.printf(Locale.ROOT, "%nN = %,d: %s%n  group %s (generated in %.0f s, then reused)%n", n,
					group.describe(), group.root(), group.generatedSeconds());
			for (Way way : ways) {
				m.nights(group, way, repeat, true, "");
			}
		}
		Summary summary = new Summary(m, sizes.isEmpty() ? 0 : sizes.contains(HEADLINE) ? HEADLINE : sizes.get(sizes.size() - 1),
				sizes.isEmpty() ? 0 : sizes.get(0), ways.isEmpty() ? Way.CDS : ways.get(0));
		if (summary.headline() > 0) {
			BenchGroup.Group group = BenchGroup.prepare(dir, summary.headline());
			summary.pandas(PandasReview.measure(project, group, repeat, System.getProperty("bench.python", "/usr/bin/python3")));
		}
		int launcherRepeat = Integer.getInteger("bench.launcher.repeat", 5);
		if (launcherRepeat > 0) {
			summary.launcher(LauncherRows.measure(project, dir, launcherRepeat));
		}
		if (large > 0) {
			BenchGroup.Group group = BenchGroup.prepare(largeDir, large);
			System.out.printf(Locale.ROOT, "%nN = %,d (first run only): %s%n  group %s (generated in %.0f s, then reused)%n",
					large, group.describe(), group.root(), group.generatedSeconds());
			summary.large(large, m.nights(group, summary.way(), 1, false, System.getProperty("bench.large.jvm", "").trim()));
		}
		System.out.println();
		System.out.println(machine);
		System.out.println();
		summary.print();
		System.out.println();
		System.out.println("Every run:");
		System.out.println();
		System.out.println(Measurements.TABLE_HEADER);
		m.rows().forEach(System.out::println);
		System.exit(m.failed() ? 1 : 0);
	}

	private static int size(String n) {
		return Integer.parseInt(n.trim().replace("_", "").replace(",", ""));
	}

	/** The line that says where and when the numbers were taken. */
	private static String machine(Path project, String heap) throws IOException, InterruptedException {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
			.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
		String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
			.findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GB").orElse("?");
		String java = output(project, "java", "-version").stream().findFirst().orElse("java ?");
		List<String> commit = output(project, "git", "rev-parse", "--short", "HEAD");
		boolean dirty = !output(project, "git", "status", "--porcelain", "--untracked-files=no").isEmpty();
		return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM, %s %s; %s; heap -Xmx%s; commit %s%s; %s; "
				+ "load average at start %s; peak RSS by %s", Runtime.getRuntime().availableProcessors(), cpu, memory,
				System.getProperty("os.name"), System.getProperty("os.version"), java, heap,
				commit.isEmpty() ? "?" : commit.get(0), dirty ? " (with uncommitted changes)" : "", LocalDate.now(),
				String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3)),
				ChildRun.gnuTime() ? "/usr/bin/time" : "/proc VmHWM");
	}

	static List<String> output(Path dir, String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
		return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? lines : List.of();
	}

	/** The 1-minute load average: other work on the machine, which wall times include. */
	static double loadAverage() throws IOException {
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
