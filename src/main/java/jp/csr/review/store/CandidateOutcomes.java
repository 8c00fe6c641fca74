package jp.csr.review.store;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a run decided the files it found, counted as its console's last line counts them: the same numbers on the
 * console and on the status board.
 */
public record CandidateOutcomes(int accepted, int rejected, int skipped, int unreadable, int waiting, int outOfScope) {

	/** The counts of one run (a job instance: a restart goes on counting the same files). */
	public static CandidateOutcomes of(JdbcClient jdbc, long jobInstanceId) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("SELECT outcome, COUNT(*) FROM scan_candidate WHERE job_instance_id = ? AND outcome IS NOT NULL GROUP BY outcome")
			.param(jobInstanceId)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return new CandidateOutcomes(counts.getOrDefault("ACCEPTED", 0), counts.getOrDefault("REJECTED", 0),
				counts.getOrDefault("SKIPPED", 0), counts.getOrDefault("UNREADABLE", 0),
				counts.getOrDefault("CHANGED", 0) + counts.getOrDefault("MISSING", 0), counts.getOrDefault("OUT_OF_SCOPE", 0));
	}

	/** {@code 受理 6 / 差戻し 1 / スキップ 0 / 読取不可 0 / 待機 0}, and {@code / 対象外 N} when there were such files. */
	public String line() {
		return "受理 " + accepted + " / 差戻し " + rejected + " / スキップ " + skipped + " / 読取不可 " + unreadable + " / 待機 "
				+ waiting + (outOfScope > 0 ? " / 対象外 " + outOfScope : "");
	}

	/**
	 * A file the service user cannot read needs the admin as a rejected one needs its department; a file that is no
	 * workbook needs nobody.
	 */
	public boolean someNotAccepted() {
		return rejected + unreadable > 0;
	}

}
