package jp.csr.review.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same job done by {@code src/test/python/pandas_review.py} (pandas + openpyxl, see its header for what it does
 * and does not do) on the same group, measured like the product: the ratio of the two is how much the product is
 * faster than what an office would script itself. Debian's Python ({@code /usr/bin/python3} with
 * {@code python3-pandas} and {@code python3-openpyxl}), never a pyenv or virtualenv one: the numbers must not
 * depend on who set up the machine. Without them the row says so and the benchmark goes on.
 */
final class PandasReview {

	static final String SCRIPT = "src/test/python/pandas_review.py";

	private PandasReview() {
	}

	static Series measure(Path project, BenchGroup.Group group, int times, String python)
			throws IOException, InterruptedException {
		String typed = python + " " + SCRIPT + " <group>/config/plan.xlsx <group>/input <out>.xlsx";
		String missing = missing(project, python);
		System.out.printf(Locale.ROOT, "%npandas + openpyxl, N = %,d: %s%n", group.departments(),
				missing.isEmpty() ? typed : "not measured: " + missing);
		if (!missing.isEmpty()) {
			return new Series("pandas + openpyxl script, same job", typed, List.of(), "", missing);
		}
		Path runs = group.runs().resolve("pandas");
		BenchGroup.delete(runs);
		Files.createDirectories(runs);
		List<ChildRun.Result> results = new ArrayList<>();
		for (int time = 1; time <= times; time++) {
			Path out = runs.resolve("review-" + time + ".xlsx");
			double load = ScaleBenchmark.loadAverage();
			ChildRun.Result r = ChildRun.run(List.of(python, project.resolve(SCRIPT).toString(), group.plan().toString(),
					group.input().toString(), out.toString()), Map.of("LC_ALL", "C.UTF-8"), project,
					runs.resolve("console-" + time + ".txt"));
			System.out.printf(Locale.ROOT, "  run %d: exit %d, %.1f s wall, %.1f s CPU, %d MB, load avg %.2f; %s%n", time,
					r.exit(), r.wallSeconds(), r.cpuSeconds(), Math.round(r.peakRssKb() / 1024.0), load,
					r.tail().isEmpty() ? "" : r.tail().get(r.tail().size() - 1));
			if (r.exit() != 0 || !Files.isRegularFile(out)) {
				r.tail().forEach(line -> System.out.println("      | " + line));
				return new Series("pandas + openpyxl script, same job", typed, List.of(), "",
						"the script failed: see " + runs);
			}
			results.add(r);
		}
		return new Series("pandas + openpyxl script, same job", typed, results, "", "Debian's "
				+ String.join(" ", ScaleBenchmark.output(project, python, "-c",
						"import sys, pandas, openpyxl; print('Python %d.%d.%d' % sys.version_info[:3], 'pandas', "
								+ "pandas.__version__, 'openpyxl', openpyxl.__version__)")));
	}

	/** Why the script cannot run here, or empty if it can. */
	private static String missing(Path project, String python) throws IOException, InterruptedException {
		if (!Files.isExecutable(Path.of(python))) {
			return python + " is missing (apt-get install -y python3 python3-pandas python3-openpyxl)";
		}
		Process imports = new ProcessBuilder(python, "-c", "import pandas, openpyxl").directory(project.toFile())
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (imports.waitFor() != 0) {
			return python + " has no pandas or openpyxl (apt-get install -y python3-pandas python3-openpyxl)";
		}
		return "";
	}

}
