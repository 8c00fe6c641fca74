package jp.csr.review.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher's short commands as a user types them in the project folder ({@code ./review}, no JAVA_OPTS):
 * {@code help}, {@code validate} of one bundled file, and the bundled sample's quiet night (a store that already
 * holds the sample, nothing new). Each is mostly start-up, so each says the load average before it: on a busy
 * machine these rows measure the machine.
 */
final class LauncherRows {

	private LauncherRows() {
	}

	static List<Series> measure(Path project, Path dir, int times) throws IOException, InterruptedException {
		Path runs = dir.resolve("launcher");
		BenchGroup.delete(runs);
		Files.createDirectories(runs);
		String review = project.resolve("review").toString();
		Path file;
		try (Stream<Path> input = Files.list(project.resolve("input"))) {
			file = input.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
		}
		String store = "--review.store=" + runs.resolve("store");
		String output = "--review.output-dir=" + runs.resolve("output");
		List<String> night = List.of(review, "run", store, output, "--review.settle=0s");
		System.out.printf(Locale.ROOT, "%nThe launcher (an idle machine gives the numbers a user sees; the load "
				+ "average before each run is printed)%n");
		// the sample's first night, untimed: the quiet nights below find it in their store
		ChildRun.Result first = ChildRun.run(night, Map.of(), project, runs.resolve("console-sample-first.txt"));
		System.out.printf(Locale.ROOT, "  sample, first night (untimed): exit %d, %.1f s%n", first.exit(), first.wallSeconds());
		return List.of(
				series("`./review help`", List.of(review, "help"), "./review help", 0, project, runs, times),
				series("`./review validate` one file", List.of(review, "validate", file.toString()),
						"./review validate input/" + file.getFileName(), 0, project, runs, times),
				series("bundled sample, quiet night", night,
						"./review run --review.store=<sample's> --review.output-dir=<sample's> --review.settle=0s", 0, project,
						runs, times));
	}

	private static Series series(String what, List<String> command, String typed, int exit, Path project, Path runs,
			int times) throws IOException, InterruptedException {
		List<ChildRun.Result> results = new ArrayList<>();
		List<String> loads = new ArrayList<>();
		String name = what.replaceAll("[^a-z]+", "-");
		for (int time = 1; time <= times; time++) {
			loads.add(String.format(Locale.ROOT, "%.2f", ScaleBenchmark.loadAverage()));
			ChildRun.Result r = ChildRun.run(command, Map.of(), project, runs.resolve("console" + name + time + ".txt"));
			if (r.exit() != exit) {
				r.tail().forEach(line -> System.out.println("      | " + line));
				return new Series(what, typed, List.of(), "", "exit " + r.exit() + ", not " + exit);
			}
			results.add(r);
		}
		Series s = new Series(what, typed, results, "", "load avg before: " + String.join(" ", loads));
		System.out.printf(Locale.ROOT, "  %s: median %s s (%s), CPU %s s, %d MB; load average before each: %s%n", what,
				Series.seconds(s.medianWall()), s.spread(), Series.seconds(s.medianCpu()), s.peakRssMb(),
				String.join(" ", loads));
		return s;
	}

}
