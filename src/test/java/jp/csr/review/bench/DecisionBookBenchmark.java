package jp.csr.review.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.Confirmation;
import jp.csr.review.content.ReviewData.DepartmentStatus;
import jp.csr.review.office.DecisionBookWriter;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;

/**
 * What writing the office's decision workbook (PRODUCT.md §11) costs for a group of N departments: prints the CPU
 * time of each of a few writes and the file's size; asserts nothing. Not a unit test. From the project folder, after
 * {@code mvn -o -q test-compile}: {@code java -cp target/test-classes:target/classes:<dependencies>
 * jp.csr.review.bench.DecisionBookBenchmark 2000}.
 */
public final class DecisionBookBenchmark {

	private DecisionBookBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int departments = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		Plan plan = ScaleBenchmark.plan(departments);
		List<DepartmentStatus> statuses = new ArrayList<>();
		for (Department d : plan.departments()) {
			statuses.add(new DepartmentStatus(d.code(), d.name(), "受理", d.code() + ".xlsx", OffsetDateTime.now(), "担当者",
					LocalDate.now(), false, 0, 0, null, "0123456789abcdef".repeat(4),
					new Confirmation("承認", "山田 花子", LocalDate.now(), null)));
		}
		ReviewData data = new ReviewData(plan, Map.of(), Map.of(), Map.of(), statuses, sink -> {
		});
		Path dir = Files.createTempDirectory("decision-book");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < rounds; i++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long wall = System.nanoTime();
			Path written = new DecisionBookWriter().write(data, Map.of(), dir);
			System.out.printf("%d departments (%d KPIs, %d initiatives): CPU %.2f s, wall %.2f s, %,d bytes, %s%n",
					departments, plan.kpis().size(), plan.initiatives().size(),
					(threads.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, Files.size(written),
					written);
		}
	}

}
