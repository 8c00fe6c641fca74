package jp.csr.review.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jp.csr.review.plan.Plan;

/**
 * Everything the review workbook shows, already judged. Per-KPI and per-initiative data are bounded by
 * the plan; issues can grow with the number of submissions, so they are streamed.
 *
 * @param kpis per KPI ID; a KPI of the plan missing here is 未提出
 * @param initiatives per 取り組みID; missing means 未提出 (no mark)
 * @param highlights per commitment text: one paragraph per department, in the order of 部署, each with where it
 *        was read (so a highlight cell cut to Excel's limit can name its files)
 * @param departments one row per department of the plan, in the order of 部署
 * @param issues every error and warning of this run, and the issues still open from earlier runs (PRODUCT.md
 *        v2 §6)
 * @param previous the previous term of the same group as the store holds it (前期比較); null when it holds none
 */
public record ReviewData(Plan plan, Map<String, KpiStatus> kpis, Map<String, InitiativeStatus> initiatives,
		Map<String, List<Highlight>> highlights, List<DepartmentStatus> departments, RowSource<IssueRow> issues,
		PreviousTerm previous) {

	/** A review of a term whose previous term the store does not hold. */
	public ReviewData(Plan plan, Map<String, KpiStatus> kpis, Map<String, InitiativeStatus> initiatives,
			Map<String, List<Highlight>> highlights, List<DepartmentStatus> departments, RowSource<IssueRow> issues) {
		this(plan, kpis, initiatives, highlights, departments, issues, null);
	}

	/**
	 * The previous term, as its own review showed it (PRODUCT.md §6, 前期比較).
	 *
	 * @param term its 期
	 * @param kpis per KPI ID it judged, in its plan's order
	 * @param numbers per KPI ID of this term, the 実績 as a number where it is one
	 */
	public record PreviousTerm(int term, Map<String, PastKpi> kpis, Map<String, BigDecimal> numbers) {
	}

	/**
	 * A KPI of the previous term.
	 *
	 * @param materiality its materiality in that term's plan; null when the store did not keep it
	 * @param outcome its result
	 * @param value its 実績 as read, null when none
	 * @param number its 実績 as a number, null when none or not a number
	 */
	public record PastKpi(String materiality, String outcome, String value, BigDecimal number) {
	}

	/** Rows produced on demand, so a large list never needs to sit in memory. */
	@FunctionalInterface
	public interface RowSource<T> {

		void forEach(Consumer<T> sink);

	}

	/**
	 * A KPI judged (PRODUCT.md §5).
	 *
	 * @param outcome 達成, 未達, 継続中, 判定不能, 未報告 or 未提出
	 * @param value the 実績 as read (number or word), null when not reported
	 * @param baseline the baseline used by 増加/減少, null when none
	 * @param baselineSource where the baseline came from (前期実績 / 52期実績 …), null when none
	 * @param rate 達成率 in percent (120 is 120%), null where §5 gives none
	 * @param resultLine the line the 実績 cell of 振り返り prints for this KPI; null prints nothing
	 * @param source file name, SHA-256 prefix and sheet!cell of the 実績, null when not reported
	 */
	public record KpiStatus(String outcome, String value, BigDecimal baseline, String baselineSource,
			BigDecimal rate, String resultLine, Source source) {
	}

	/** Where a value was read: the archived file and the cell. */
	public record Source(String file, String sha256, String cell) {

		/** {@code 情報セキュリティ部.xlsx (3f2a9c1b) KPI!F2} */
		public String describe() {
			return file + " (" + sha256.substring(0, Math.min(8, sha256.length())) + ") " + cell;
		}

	}

	/**
	 * @param mark ◎ ○ △ computed from 進捗; null when 未提出
	 * @param progress 進捗 as the department wrote it
	 * @param declared 自己評価 the department claimed, null when blank
	 */
	public record InitiativeStatus(String mark, String progress, String declared, Source source) {
	}

	/**
	 * @param state 受理, 差戻し, 差戻し (事務局) (PRODUCT.md §11: the office sent back the file in use) or 未提出
	 * @param file the file in use (受理/差戻し: the last accepted version; null when none)
	 * @param receivedAt when the file in use was received (its modification time)
	 * @param rejectedFile the newest file when it was rejected, else null
	 * @param sha256 the SHA-256 of the file in use, null when none
	 * @param confirmation the office's decision on the file in use; null when the review was made without the
	 *        office's review (then it names no edition)
	 */
	public record DepartmentStatus(String code, String name, String state, String file, OffsetDateTime receivedAt,
			String submittedBy, LocalDate submittedOn, boolean late, int errors, int warnings, String rejectedFile,
			String sha256, Confirmation confirmation) {

		public DepartmentStatus(String code, String name, String state, String file, OffsetDateTime receivedAt,
				String submittedBy, LocalDate submittedOn, boolean late, int errors, int warnings, String rejectedFile) {
			this(code, name, state, file, receivedAt, submittedBy, submittedOn, late, errors, warnings, rejectedFile,
					null, null);
		}

		/** 承認 by the office. */
		public boolean approved() {
			return confirmation != null && Confirmation.APPROVED.equals(confirmation.decision());
		}

	}

	/**
	 * The office's review of a department's file in use (PRODUCT.md §11).
	 *
	 * @param decision 承認, 差戻し or 未確認
	 * @param reviewer 確認者, null when undecided or not given
	 * @param date the day of the decision (the office's workbook's time) in the configured zone, null when undecided
	 * @param comment the office's general comment, null when none
	 */
	public record Confirmation(String decision, String reviewer, LocalDate date, String comment) {

		public static final String APPROVED = "承認";

		public static final Confirmation UNDECIDED = new Confirmation("未確認", null, null, null);

	}

	/**
	 * PRODUCT.md §11: {@code 速報版 (未承認 N部署)} until every department of the plan is 承認 (N counts those sent
	 * back or undecided), then {@code 確定版}; null for a review made without the office's review.
	 */
	public String edition() {
		if (departments.isEmpty() || departments.stream().anyMatch(d -> d.confirmation() == null)) {
			return null;
		}
		long pending = departments.stream().filter(d -> !d.approved()).count();
		return pending == 0 ? "確定版" : "速報版 (未承認 " + pending + "部署)";
	}

	/**
	 * One department's paragraph of a commitment's highlight.
	 *
	 * @param department the department's code
	 * @param source the file in use and the cell the text was read from; null when unknown
	 */
	public record Highlight(String department, String text, Source source) {

		public Highlight {
			Objects.requireNonNull(text);
		}

	}

	/**
	 * One row of 検証結果.
	 *
	 * @param foundAt when the file was taken, in the configured zone; null for a notice of the review itself
	 */
	public record IssueRow(String file, String department, String sheet, String cell, String severity,
			String message, LocalDateTime foundAt) {

		/** A notice of the review itself (a text it had to cut), found by the run writing it. */
		public IssueRow(String file, String department, String sheet, String cell, String severity, String message) {
			this(file, department, sheet, cell, severity, message, null);
		}

	}

}
