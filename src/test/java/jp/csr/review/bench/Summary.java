package jp.csr.review.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the README's Scale table, from what was measured: the headline group's first night (fresh store, end
 * to end) against the pandas + openpyxl script, its quiet night, the growth from the smallest group to it, its peak
 * RSS, the launcher's short commands and the large group's first night, each against the target.
 *
 * @param headline the group size of the headline rows (2,000 when measured), 0 if none
 * @param smallest the smallest group size measured, for the growth
 * @param way how the product was started for the headline rows
 */
record Summary(Measurements measured, int headline, int smallest, ScaleBenchmark.Way way, List<Series> extra,
		List<String> derived) {

	Summary(Measurements measured, int headline, int smallest, ScaleBenchmark.Way way) {
		this(measured, headline, smallest, way, new ArrayList<>(), new ArrayList<>());
	}

	void pandas(Series script) {
		extra.add(script);
		Measurements.Nights nights = measured.of(headline, way);
		if (nights == null || script.runs().isEmpty()) {
			derived.add(Series.derivedRow("ratio, pandas + openpyxl ÷ product", "–", "≥ 6×", script.note()));
			return;
		}
		Series product = first(nights);
		derived.add(Series.derivedRow(String.format(Locale.ROOT, "ratio at %,d, pandas + openpyxl ÷ product", headline),
				String.format(Locale.ROOT, "%.1f×", script.medianWall() / product.medianWall()), "≥ 6×",
				String.format(Locale.ROOT, "median wall %s s ÷ %s s (CPU %s s ÷ %s s: %.1f×)",
						Series.seconds(script.medianWall()), Series.seconds(product.medianWall()),
						Series.seconds(script.medianCpu()), Series.seconds(product.medianCpu()),
						script.medianCpu() / product.medianCpu())));
	}

	void launcher(List<Series> rows) {
		extra.addAll(rows);
	}

	void large(int departments, Measurements.Nights nights) {
		extra.add(new Series(String.format(Locale.ROOT, "%,d departments, first run", departments),
				Measurements.typed(way, heapOf(), System.getProperty("bench.large.jvm", "").trim()), nights.first(),
				"≤ 25 s", failures(nights.first()) + steps(nights.first())));
	}

	void print() {
		System.out.println(Series.TABLE_HEADER);
		Measurements.Nights nights = headline > 0 ? measured.of(headline, way) : null;
		if (nights != null) {
			Series first = first(nights);
			System.out.println(first.row());
			if (!extra.isEmpty() && extra.get(0).what().startsWith("pandas")) {
				System.out.println(extra.get(0).row());
				derived.forEach(System.out::println);
			}
			System.out.println(new Series(String.format(Locale.ROOT, "%,d, quiet night (the same run again)", headline),
					"the same command again", nights.rerun(), "", "").row());
			Measurements.Nights small = smallest < headline ? measured.of(smallest, way) : null;
			if (small != null) {
				Series smallFirst = first(small);
				System.out.println(smallFirst.row());
				System.out.println(Series.derivedRow(String.format(Locale.ROOT, "growth %,d → %,d (first run)", smallest,
						headline), String.format(Locale.ROOT, "%.2f×", first.medianWall() / smallFirst.medianWall()), "≤ 2.5×",
						String.format(Locale.ROOT, "median wall %s s ÷ %s s (CPU: %.2f×)", Series.seconds(first.medianWall()),
								Series.seconds(smallFirst.medianWall()), first.medianCpu() / smallFirst.medianCpu())));
			}
			System.out.println(Series.derivedRow(String.format(Locale.ROOT, "peak RSS at %,d", headline),
					first.peakRssMb() + " MB", "≤ 350 MB", "highest of the first runs above"));
		}
		extra.stream().filter(s -> !s.what().startsWith("pandas")).forEach(s -> System.out.println(s.row()));
	}

	private Series first(Measurements.Nights nights) {
		return new Series(String.format(Locale.ROOT, "%,d departments (%,d files), fresh store, end to end",
				nights.group().departments(), nights.group().files()), Measurements.typed(way, heapOf(), ""), nights.first(),
				"", failures(nights.first()) + steps(nights.first()));
	}

	/** A run that failed is no measurement of a night: its row says so first. */
	private static String failures(List<ChildRun.Result> runs) {
		List<Integer> failed = runs.stream().map(ChildRun.Result::exit).filter(exit -> exit != 0 && exit != 3).toList();
		return failed.isEmpty() ? "" : "FAILED (exit " + failed + "), ";
	}

	/** The median run's step times, so a row says where its time went. */
	private static String steps(List<ChildRun.Result> runs) {
		if (runs.isEmpty()) {
			return "";
		}
		List<ChildRun.Result> sorted = runs.stream().sorted((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()))
			.toList();
		StringBuilder steps = new StringBuilder("median run's steps:");
		sorted.get(sorted.size() / 2).steps().forEach((step, s) -> steps.append(' ').append(step).append(' ')
			.append(Series.seconds(s)));
		return steps.toString();
	}

	private static String heapOf() {
		return System.getProperty("bench.heap", "256m");
	}

}
