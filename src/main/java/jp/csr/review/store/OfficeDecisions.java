package jp.csr.review.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The office's decisions (PRODUCT.md §11, 事務局確認) as read from its workbooks: each recorded once, whatever the
 * number of runs that read the workbook again (its bytes, sheet and cell name it), and the newest per department
 * the one in force, when it is about the file the review uses.
 */
@Repository
public class OfficeDecisions {

	public static final String APPROVED = "承認";

	public static final String SENT_BACK = "差戻し";

	/** A department with no decision about the file in use. */
	public static final String UNDECIDED = "未確認";

	private final JdbcClient jdbc;

	public OfficeDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One decision.
	 *
	 * @param decidedAt the workbook's modification time
	 * @param about the SHA-256 prefix of the file version the row showed
	 * @param seq the row's number in its sheet: the later row of one workbook wins
	 */
	public record Decision(String department, String decision, String comment, String reviewer, Instant decidedAt,
			String about, String workbookName, String workbookSha256, String sheet, String cell, int seq) {

		/** Whether it was made about the file of that SHA-256. */
		public boolean isAbout(String sha256) {
			return sha256 != null && !about.isEmpty() && sha256.startsWith(about);
		}

	}

	/** A comment on one KPI or initiative (sheet 指摘). */
	public record RowComment(String department, String itemId, String comment, String workbookSha256, String sheet,
			String cell, int seq) {
	}

	/** Something wrong in a workbook of the office, for the console and 検証結果. */
	public record Issue(String workbookName, String department, String sheet, String cell, String severity,
			String message) {
	}

	/** @return whether the decision is new (a workbook read again records nothing twice) */
	public boolean record(int term, Decision d, long jobInstanceId) {
		return jdbc.sql("""
				INSERT INTO office_decision (term, department_code, decision, comment, reviewer, decided_at, about_sha256,
				  workbook_name, workbook_sha256, sheet, cell, seq, job_instance_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (workbook_sha256, sheet, cell) DO NOTHING""")
			.params(term, d.department(), d.decision(), d.comment(), d.reviewer(), StoreTime.text(d.decidedAt()),
					d.about(), d.workbookName(), d.workbookSha256(), d.sheet(), d.cell(), d.seq(), jobInstanceId)
			.update() > 0;
	}

	public void record(int term, RowComment c) {
		jdbc.sql("""
				INSERT INTO office_row_comment (term, department_code, item_id, comment, workbook_sha256, sheet, cell, seq)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (workbook_sha256, sheet, cell) DO NOTHING""")
			.params(term, c.department(), c.itemId(), c.comment(), c.workbookSha256(), c.sheet(), c.cell(), c.seq())
			.update();
	}

	/** Per department, its newest decision of the term: by the workbook's time, then the row. */
	public Map<String, Decision> newest(int term) {
		Map<String, Decision> newest = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT department_code, decision, comment, reviewer, decided_at, about_sha256, workbook_name,
				       workbook_sha256, sheet, cell, seq
				FROM office_decision WHERE term = ? ORDER BY decided_at, seq, id""")
			.param(term)
			.query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Instant.parse(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getInt(11)))
			.list()
			.forEach(d -> newest.put(d.department(), d));
		return newest;
	}

	/** The row comments on a department that came with its decision (from the same workbook), in sheet order. */
	public List<RowComment> rowComments(Decision decision) {
		return jdbc.sql("""
				SELECT department_code, item_id, comment, workbook_sha256, sheet, cell, seq FROM office_row_comment
				WHERE workbook_sha256 = ? AND department_code = ? ORDER BY seq""")
			.params(decision.workbookSha256(), decision.department())
			.query((rs, n) -> new RowComment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7)))
			.list();
	}

	/**
	 * What a run found in the office's folder: replaces what an earlier execution of the same run recorded.
	 *
	 * @param workbooks what it read (names and SHA-256), so that a review is written again when it changes
	 */
	public void found(long jobInstanceId, int term, List<Issue> issues, String workbooks) {
		jdbc.sql("DELETE FROM office_issue WHERE job_instance_id = ?").param(jobInstanceId).update();
		jdbc.sql("DELETE FROM office_read WHERE job_instance_id = ?").param(jobInstanceId).update();
		int seq = 0;
		for (Issue i : issues) {
			jdbc.sql("""
					INSERT INTO office_issue (job_instance_id, seq, term, workbook_name, department_code, sheet, cell,
					  severity, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(jobInstanceId, ++seq, term, i.workbookName(), i.department(), i.sheet(), i.cell(), i.severity(),
						i.message())
				.update();
		}
		jdbc.sql("INSERT INTO office_read (job_instance_id, term, workbooks) VALUES (?, ?, ?)")
			.params(jobInstanceId, term, workbooks)
			.update();
	}

	/** What the run found in the office's workbooks, in the order found. */
	public List<Issue> issues(long jobInstanceId) {
		return jdbc.sql("""
				SELECT workbook_name, department_code, sheet, cell, severity, message FROM office_issue
				WHERE job_instance_id = ? ORDER BY seq""")
			.param(jobInstanceId)
			.query((rs, n) -> new Issue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * What a review of the term now depends on of the office's review: every decision recorded, and the workbooks
	 * the latest run read (their problems are in 検証結果).
	 */
	public String fingerprint(int term) {
		StringBuilder s = new StringBuilder();
		jdbc.sql("SELECT id FROM office_decision WHERE term = ? ORDER BY id").param(term)
			.query(rs -> {
				s.append(rs.getLong(1)).append(',');
			});
		s.append('|');
		jdbc.sql("SELECT workbooks FROM office_read WHERE term = ? ORDER BY job_instance_id DESC LIMIT 1").param(term)
			.query(String.class)
			.optional()
			.ifPresent(s::append);
		return s.toString();
	}

}
