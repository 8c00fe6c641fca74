package jp.csr.review.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.csr.review.ReviewApplication;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Judgement;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.report.ReviewWorkbookWriter;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.template.TemplateWriter;

/**
 * How the consolidation scales with the number of departments: prints numbers, asserts nothing. Not a unit test
 * (no {@code @Test}, and surefire never runs a class of this name).
 *
 * <p>In a temporary folder it writes a plan of D departments (default 200), each with 5 KPIs and 10 initiatives
 * over 20 shared commitments; each department's submission is the template {@link TemplateWriter} generates,
 * filled in with POI. Then, for each heap limit (256m, then 128m), with a fresh store and output folder, it runs
 * the real application ({@code run} command) in a child JVM twice: once over all the files, once with nothing
 * new. Per run it prints the exit code, wall time, files/second, the peak heap seen by the GC log (the largest
 * "before" of any collection: a lower bound of the true peak) and the review's size.
 *
 * <p>Run it from the project folder:
 *
 * <pre>
 * mvn -q -B -o test-compile
 * mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) jp.csr.review.bench.ScaleBenchmark 200
 * </pre>
 *
 * Arguments: the number of departments (default 200), then optionally the heap limits to try (default
 * {@code 256m 128m}). The child JVM uses this JVM's java and class path. Set {@code -Dbench.keep=true} to keep
 * the temporary folder, or {@code -Dbench.dir=PATH} to generate the group there once and run every later
 * benchmark of the same size on the same files (to compare two builds on a machine shared with other work,
 * where the child's CPU time, printed beside the wall time, is the steadier number).
 */
public final class ScaleBenchmark {

	private static final int KPIS_PER_DEPARTMENT = 5;

	private static final int INITIATIVES_PER_DEPARTMENT = 10;

	private static final int COMMITMENTS = 20;

	private static final int MATERIALITIES = 4;

	/** A GC line of -Xlog:gc: {@code ... Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.123ms}. */
	private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private ScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int departments = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		List<String> heaps = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("256m", "128m");
		// a corpus kept from an earlier run (-Dbench.dir) is used again: the same files for two builds compared
		String kept = System.getProperty("bench.dir");
		Path root = kept == null ? Files.createTempDirectory("review-bench-") : Path.of(kept);
		try {
			Plan plan = plan(departments);
			Path planFile = root.resolve("config/plan.xlsx");
			Path input = root.resolve("input");
			long started = System.nanoTime();
			if (!Files.isDirectory(input)) {
				SampleWorkbooks.writePlan(plan, planFile);
				writeSubmissions(plan, input);
			}
			double generated = seconds(started);
			long files;
			long bytes;
			try (Stream<Path> list = Files.list(input)) {
				List<Path> all = list.toList();
				files = all.size();
				bytes = 0;
				for (Path p : all) {
					bytes += Files.size(p);
				}
			}
			System.out.printf(Locale.ROOT, "departments %d, KPIs %d, initiatives %d; %d submissions (%,d bytes) "
					+ "generated in %.1f s under %s%n", departments, plan.kpis().size(), plan.initiatives().size(),
					files, bytes, generated, root);
			System.out.printf(Locale.ROOT, "java %s, %d processors%n", System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors());
			for (String heap : heaps) {
				Path work = root.resolve("xmx-" + heap);
				delete(work);
				for (String pass : List.of("first run (all files new)", "second run (nothing new)")) {
					Result r = run(plan, planFile, input, work, heap);
					System.out.printf(Locale.ROOT,
							"-Xmx%-5s %-26s exit %d, %6.1f s (CPU %5.1f s), %7.1f files/s, peak heap (GC log) %s, "
									+ "review %,d bytes%n",
							heap, pass, r.exit, r.seconds, r.cpuSeconds, files / r.seconds, r.peakHeap, r.reviewBytes);
					if (r.exit != 0) {
						System.out.println("  last lines of its output:");
						r.tail.forEach(line -> System.out.println("  | " + line));
					}
					else {
						// the application's own summary: the steps' times and the counts
						r.tail.stream()
							.filter(line -> line.startsWith("ステップ") || line.startsWith("完了"))
							.forEach(line -> System.out.println("    " + line));
					}
				}
			}
		}
		finally {
			if (kept == null && !Boolean.getBoolean("bench.keep")) {
				delete(root);
			}
		}
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
					case 1 -> new Kpi(id, code, materiality, commitment, "研修受講率100%", "研修受講率", Judgement.AT_LEAST,
							new BigDecimal("100"), "%", null);
					case 2 -> new Kpi(id, code, materiality, commitment, "重大インシデント件数0件", "重大インシデント件数",
							Judgement.AT_MOST, BigDecimal.ZERO, "件", null);
					case 3 -> new Kpi(id, code, materiality, commitment, "認証の維持", "認証", Judgement.MAINTAIN, null, "",
							null);
					case 4 -> new Kpi(id, code, materiality, commitment, "訓練2回以上", "訓練", Judgement.AT_LEAST,
							new BigDecimal("2"), "回", null);
					default -> new Kpi(id, code, materiality, commitment, "体制の改善", "体制の改善", Judgement.QUALITATIVE,
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

	/** Each department's template, filled as a department would, received a minute apart, hours ago. */
	static void writeSubmissions(Plan plan, Path dir) throws IOException {
		Files.createDirectories(dir);
		TemplateWriter templates = new TemplateWriter("");
		Instant received = Instant.now().minus(plan.departments().size() + 60L, ChronoUnit.MINUTES);
		int n = 0;
		for (Department d : plan.departments()) {
			Path file = dir.resolve(TemplateWriter.fileName(plan, d));
			templates.write(plan, d, file);
			XSSFWorkbook wb;
			try (InputStream in = Files.newInputStream(file)) {
				wb = new XSSFWorkbook(in);
			}
			try (wb) {
				fill(wb, d, n);
				Path temp = dir.resolve("." + file.getFileName() + ".tmp");
				try (OutputStream out = Files.newOutputStream(temp)) {
					wb.write(out);
				}
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
			Files.setLastModifiedTime(file, FileTime.from(received.plusSeconds(60L * n++)));
		}
	}

	/** The template's input cells (see {@link TemplateWriter}): 表紙 B5/B6, KPI F/G, 取り組み C, ハイライト B. */
	private static void fill(XSSFWorkbook wb, Department d, int n) {
		XSSFSheet cover = wb.getSheet("表紙");
		cover.getRow(4).getCell(1).setCellValue("担当者" + (n + 1));
		cover.getRow(5).getCell(1).setCellValue(LocalDate.of(2025, 10, 1 + n % 28));

		for (Row row : wb.getSheet("KPI")) {
			if (row.getRowNum() == 0) {
				continue;
			}
			XSSFCell result = (XSSFCell) row.getCell(5);
			XSSFCell wording = (XSSFCell) row.getCell(6);
			String id = row.getCell(0).getStringCellValue();
			switch (id.substring(id.lastIndexOf('K'))) {
				case "K1" -> result.setCellValue(90 + n % 15);
				case "K2" -> {
					result.setCellValue(n % 3 == 0 ? 1 : 0);
					wording.setCellValue("重大インシデント件数" + (n % 3 == 0 ? 1 : 0) + "件");
				}
				case "K3" -> result.setCellValue("維持");
				case "K4" -> result.setCellValue(1 + n % 3);
				default -> result.setCellValue("継続中");
			}
		}
		String[] progress = { "完了", "完了", "継続中", "80%", "一部完了" };
		int i = 0;
		for (Row row : wb.getSheet("取り組み")) {
			if (row.getRowNum() > 0) {
				row.getCell(2).setCellValue(progress[(n + i++) % progress.length]);
			}
		}
		for (Row row : wb.getSheet("ハイライト")) {
			if (row.getRowNum() > 0) {
				row.getCell(1).setCellValue(d.name() + "の53期の主な取り組みは下記の通り。\n"
						+ "研修を全拠点で実施し、受講率は目標に近づいた。点検の結果を踏まえて手順を見直し、翌期の改善計画を策定した。\n"
						+ "訓練は計画どおり実施し、課題を洗い出して関係部署と共有した。");
			}
		}
	}

	/** {@code cpuSeconds}: user and system time of the child, which a machine shared with other work inflates less than wall time. */
	private record Result(int exit, double seconds, double cpuSeconds, String peakHeap, long reviewBytes,
			List<String> tail) {
	}

	/** The application in a child JVM with the given heap limit: {@code run} over the input folder. */
	private static Result run(Plan plan, Path planFile, Path input, Path work, String heap)
			throws IOException, InterruptedException {
		Path output = work.resolve("output");
		Path store = work.resolve("store");
		Files.createDirectories(work);
		Path gcLog = work.resolve("gc-" + System.nanoTime() + ".log");
		Path console = work.resolve("console-" + System.nanoTime() + ".txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "-cp",
				System.getProperty("java.class.path"), ReviewApplication.class.getName(), "run",
				"--review.plan=" + planFile, "--review.input-dir=" + input, "--review.output-dir=" + output,
				"--review.store=" + store, "--review.settle=0s");
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
		// the CPU time is only known while the process lives: the last reading, taken every 50 ms
		Duration cpu = Duration.ZERO;
		while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
			cpu = process.info().totalCpuDuration().orElse(cpu);
		}
		int exit = process.exitValue();
		double seconds = seconds(started);
		Path review = output.resolve(ReviewWorkbookWriter.fileName(plan.term()));
		List<String> lines = Files.readAllLines(console);
		return new Result(exit, seconds, cpu.toMillis() / 1e3, peakHeap(gcLog), Files.exists(review) ? Files.size(review) : -1,
				lines.subList(Math.max(0, lines.size() - 15), lines.size()));
	}

	/** The largest heap in use before any collection, and the heap size then, from -Xlog:gc. */
	private static String peakHeap(Path gcLog) throws IOException {
		long peak = 0;
		long committed = 0;
		int collections = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = GC.matcher(line);
			if (m.find()) {
				collections++;
				long before = bytes(m.group(1), m.group(2));
				if (before > peak) {
					peak = before;
					committed = bytes(m.group(5), m.group(6));
				}
			}
		}
		return collections == 0 ? "n/a (no GC)"
				: String.format(Locale.ROOT, "%dM of %dM (%d GCs)", peak >> 20, committed >> 20, collections);
	}

	private static long bytes(String value, String unit) {
		long v = Long.parseLong(value);
		return switch (unit) {
			case "K" -> v << 10;
			case "M" -> v << 20;
			default -> v << 30;
		};
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> all = Files.walk(root)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
