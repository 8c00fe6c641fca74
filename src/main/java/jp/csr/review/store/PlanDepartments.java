package jp.csr.review.store;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each term's departments as the plan a run used lists them (PRODUCT.md §10: {@code review_submission} has a row for
 * every department of each term's plan, 未提出 included). The plan is a workbook the store does not keep; each run
 * records what it was given, replacing an earlier run's record of the same term.
 */
public final class PlanDepartments {

	private final JdbcClient jdbc;

	public PlanDepartments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param codes the plan's department codes, in its order
	 * @param lateFrom when a file of the term becomes late (the end of the 提出期限 day), null without a deadline
	 */
	public void record(int term, List<String> codes, Instant lateFrom) {
		String late = StoreTime.text(lateFrom);
		if (jdbc.sql("UPDATE plan_term SET late_from = ? WHERE term = ?").params(late, term).update() == 0) {
			jdbc.sql("INSERT INTO plan_term (term, late_from) VALUES (?, ?)").params(term, late).update();
		}
		// most nights the plan is the one recorded: one query, not a row per department
		List<String> recorded = jdbc.sql("SELECT department_code FROM plan_department WHERE term = ? ORDER BY position")
			.param(term)
			.query(String.class)
			.list();
		if (recorded.equals(codes)) {
			return;
		}
		jdbc.sql("DELETE FROM plan_department WHERE term = ?").param(term).update();
		for (int i = 0; i < codes.size(); i++) {
			jdbc.sql("INSERT INTO plan_department (term, department_code, position) VALUES (?, ?, ?)")
				.params(term, codes.get(i), i + 1)
				.update();
		}
	}

	/**
	 * Gives the files a build before terms stored without one the term of the plan in use, as the migration to
	 * terms did with the first term the store knew: it could not where the store had accepted no file yet. Until
	 * they have one, a department's newest file of the term, its settled copies and its row of the views cannot
	 * be told.
	 *
	 * @return the files given the term
	 */
	public int adoptTermless(int term) {
		return jdbc.sql("UPDATE submission_file SET term = ? WHERE term IS NULL").param(term).update();
	}

}
