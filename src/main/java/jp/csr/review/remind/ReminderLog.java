package jp.csr.review.remind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.csr.review.store.StoreTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reminder} table (V6): what was sent, the same-day rule, and the last reminder {@code status} shows. */
@Repository
public class ReminderLog {

	private final JdbcClient jdbc;

	ReminderLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reminder sent. */
	public record Sent(String departmentCode, String kind, String recipients, Instant sentAt) {
	}

	/** The same-day rule (PRODUCT.md §9) is a term's: another term's reminder of the day is another reminder. */
	boolean sentOn(int term, String departmentCode, Kind kind, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM reminder WHERE term = ? AND department_code = ? AND kind = ? AND sent_on = ?")
			.params(term, departmentCode, kind.label(), day.toString())
			.query(Integer.class)
			.single() > 0;
	}

	void record(int term, Reminder mail, LocalDate day, Instant at, String reply) {
		jdbc.sql("""
				INSERT INTO reminder (term, department_code, kind, recipients, subject, attachment_name,
				                      attachment_sha256, sent_on, sent_at, server_reply)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(term, mail.departmentCode(), mail.kind().label(), String.join(", ", mail.recipients()),
					mail.subject(), mail.attachmentName(), mail.sha256(), day.toString(), StoreTime.text(at), reply)
			.update();
	}

	/** Per department of the term, its last reminder. */
	public Map<String, Sent> last(int term) {
		Map<String, Sent> last = new LinkedHashMap<>();
		jdbc.sql("SELECT department_code, kind, recipients, sent_at FROM reminder WHERE term = ? ORDER BY sent_at, id")
			.param(term)
			.query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))))
			.list()
			.forEach(s -> last.put(s.departmentCode(), s));
		return last;
	}

}
