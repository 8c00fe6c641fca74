package jp.csr.review.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command of the application in a child process, measured from outside: wall time, CPU time (user + system)
 * and peak resident memory, plus what its console says of its steps.
 *
 * <p>With GNU time ({@code /usr/bin/time}) the kernel's own accounting of the finished child is used (exact, and
 * it includes the JVM's exit). Without it, {@code VmHWM} (the peak RSS the kernel keeps) is read from
 * {@code /proc/<pid>/status} and the CPU time from the process handle every 20 ms while the child lives: the last
 * reading misses at most the final 20 ms. The launcher {@code exec}s its JVM, so either way it is the JVM that is
 * measured, in the launcher's process.
 */
final class ChildRun {

	private static final Path GNU_TIME = Path.of("/usr/bin/time");

	/** {@code ステップ load  完了  取り込み対象 7件  4.3秒} (RunReport's step line). */
	private static final Pattern STEP = Pattern.compile("^ステップ (\\S+)\\s+\\S+\\s.*?([0-9]+(?:\\.[0-9]+)?)秒\\s*$");

	/** {@code 完了 (実行 1): 受理 7 / 差戻し 0 / スキップ 0 / 読取不可 0 / 待機 0}. */
	private static final Pattern DONE = Pattern.compile("^完了 \\(実行 \\d+\\): (.*)$");

	/**
	 * @param steps each step's seconds as the application printed them, in its order
	 * @param counts the application's closing counts (受理 … / 差戻し … / …), or null if it printed none
	 * @param peakRssKb peak resident set of the child, in KiB (-1 if unknown)
	 * @param tail the last lines of its console, for a run that failed
	 * @param started just before the child was started, by the wall clock
	 * @param ended just after it ended
	 */
	record Result(int exit, double wallSeconds, double cpuSeconds, long peakRssKb, Map<String, Double> steps,
			String counts, List<String> tail, Instant started, Instant ended) {
	}

	private ChildRun() {
	}

	static boolean gnuTime() {
		return Files.isExecutable(GNU_TIME);
	}

	/** Runs the command in {@code workDir} with the extra environment; its console goes to {@code console}. */
	static Result run(List<String> command, Map<String, String> environment, Path workDir, Path console)
			throws IOException, InterruptedException {
		Path accounting = console.resolveSibling(console.getFileName() + ".time");
		List<String> full = new ArrayList<>();
		if (gnuTime()) {
			full.addAll(List.of(GNU_TIME.toString(), "-o", accounting.toString(), "-f", "%e %U %S %M"));
		}
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(console.toFile());
		builder.environment().putAll(environment);
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		Process process = builder.start();
		Duration cpu = Duration.ZERO;
		long peakKb = -1;
		while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
			if (!gnuTime()) {
				cpu = process.info().totalCpuDuration().orElse(cpu);
				peakKb = Math.max(peakKb, highWaterMarkKb(process.pid()));
			}
		}
		double wall = (System.nanoTime() - started) / 1e9;
		Instant endedAt = Instant.now();
		double cpuSeconds = cpu.toMillis() / 1e3;
		if (gnuTime()) {
			// the last line: "Command exited with non-zero status 3" comes before it
			List<String> lines = Files.readAllLines(accounting);
			String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
			cpuSeconds = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
			peakKb = Long.parseLong(f[3]);
		}
		List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
		Map<String, Double> steps = new LinkedHashMap<>();
		String counts = null;
		for (String line : lines) {
			Matcher step = STEP.matcher(line);
			if (step.matches()) {
				steps.put(step.group(1), Double.parseDouble(step.group(2)));
			}
			Matcher done = DONE.matcher(line);
			if (done.matches()) {
				counts = done.group(1);
			}
		}
		return new Result(process.exitValue(), wall, cpuSeconds, peakKb, steps, counts,
				lines.subList(Math.max(0, lines.size() - 15), lines.size()), startedAt, endedAt);
	}

	/** VmHWM of a live process, in KiB; -1 once it is gone. */
	private static long highWaterMarkKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended between two readings
		}
		return -1;
	}

}
