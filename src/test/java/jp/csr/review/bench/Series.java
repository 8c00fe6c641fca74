package jp.csr.review.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The same command measured several times, and the one row of the Scale table it becomes: median and spread
 * (lowest to highest) of the wall time, median CPU time (user + system, the steadier number on a shared machine),
 * the highest peak RSS, against a target when the issue set one.
 *
 * @param what the row's name, as the README's table says it
 * @param command the command line measured, as a user would type it
 * @param runs every measured run (warm-ups excluded); empty when it could not be measured
 * @param target the target, for the table ("≤ 25 s"); empty if none
 * @param note what the reader must know of this row (why it is missing, an idle-machine caveat); empty if none
 */
record Series(String what, String command, List<ChildRun.Result> runs, String target, String note) {

	static final String TABLE_HEADER = """
			| measurement | runs | median wall s | spread s | median CPU s | peak RSS MB | target | command |
			| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |""";

	double medianWall() {
		return median(ChildRun.Result::wallSeconds);
	}

	double medianCpu() {
		return median(ChildRun.Result::cpuSeconds);
	}

	long peakRssMb() {
		return Math.round(runs.stream().mapToLong(ChildRun.Result::peakRssKb).max().orElse(-1024) / 1024.0);
	}

	double median(ToDoubleFunction<ChildRun.Result> of) {
		List<Double> sorted = runs.stream().map(of::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int mid = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
	}

	String spread() {
		if (runs.isEmpty()) {
			return "–";
		}
		double low = runs.stream().mapToDouble(ChildRun.Result::wallSeconds).min().orElseThrow();
		double high = runs.stream().mapToDouble(ChildRun.Result::wallSeconds).max().orElseThrow();
		return String.format(Locale.ROOT, "%s–%s", seconds(low), seconds(high));
	}

	/** The row of the Markdown table. */
	String row() {
		if (runs.isEmpty()) {
			return String.format(Locale.ROOT, "| %s | 0 | – | – | – | – | %s | `%s` (%s) |", what, target, command, note);
		}
		return String.format(Locale.ROOT, "| %s | %d | **%s** | %s | %s | %s | %s | `%s`%s |", what, runs.size(),
				seconds(medianWall()), spread(), seconds(medianCpu()), peakRssMb() < 0 ? "?" : peakRssMb(), target,
				command, note.isEmpty() ? "" : " (" + note + ")");
	}

	/** A ratio of two measured rows (or a measured value) as a row of the same table, without runs of its own. */
	static String derivedRow(String what, String value, String target, String how) {
		return String.format(Locale.ROOT, "| %s | – | **%s** | – | – | – | %s | %s |", what, value, target, how);
	}

	/** Seconds as the table prints them: tenths above 1 s, hundredths below. */
	static String seconds(double s) {
		return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, s < 1 ? "%.2f" : "%.1f", s);
	}

}
