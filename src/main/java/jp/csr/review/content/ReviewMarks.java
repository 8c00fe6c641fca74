package jp.csr.review.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;

/**
 * What the mark column of 振り返り shows, and the legend under it, wherever the table is drawn (workbook or PDF).
 * PRODUCT.md §6: a department with no accepted file (nothing sent, or only rejected files) shows {@code 未提出}:
 * a blank cell reads as ◎ in the published review, whose rendering lost that glyph. PRODUCT.md §11: the values of a
 * department the office sent back stay in the review, each of its texts followed by {@code （事務局差戻し中）} until it
 * sends a newer file, so that a reader of the printed review knows they are not confirmed.
 */
public final class ReviewMarks {

	public static final String NOT_SUBMITTED = "未提出";

	static final List<String> LEGEND = List.of("◎ アクションが完了している", "○ 最終的な評価のみを記載しているがまだアクションが完了していない",
			"△ アクションが完了していない");

	/** Told only when a cell shows it: the published legend has the three marks alone. */
	static final String NOT_SUBMITTED_LEGEND = NOT_SUBMITTED + " 担当部署から実績が提出されていない";

	/** After each value of a department the office sent back (its 実績, highlight, initiatives, KPI results). */
	public static final String SENT_BACK = "（事務局差戻し中）";

	/** Told only when a cell shows it. */
	static final String SENT_BACK_LEGEND = SENT_BACK + " 事務局が差戻した部署の値 (部署が新しいファイルを提出するまで未確定)";

	private final ReviewData data;

	/** Departments without an accepted file. */
	private final Set<String> unsubmitted = new HashSet<>();

	/** Departments whose file in use the office sent back: 差戻し (事務局). */
	private final Set<String> sentBack = new HashSet<>();

	public ReviewMarks(ReviewData data) {
		this.data = data;
		data.departments().stream().filter(d -> d.file() == null).forEach(d -> unsubmitted.add(d.code()));
		data.departments().stream()
			.filter(d -> ReviewDataQuery.SENT_BACK_BY_OFFICE.equals(d.state()))
			.forEach(d -> sentBack.add(d.code()));
	}

	/** {@code text} of the department's, followed by {@link #SENT_BACK} while the office has sent the department back. */
	public String held(String departmentCode, String text) {
		return text == null || text.isBlank() || !sentBack.contains(departmentCode) ? text : text + SENT_BACK;
	}

	/** The KPI's 結果 as KPI達成状況 shows it: {@code 未提出}, or the outcome, marked while its department is sent back. */
	public String outcome(Kpi kpi) {
		ReviewData.KpiStatus status = data.kpis().get(kpi.id());
		return status == null ? NOT_SUBMITTED : held(kpi.departmentCode(), status.outcome());
	}

	/** ◎ ○ △, {@code 未提出}, or null when the department's file gives no mark (進捗 blank, or the row missing). */
	public String of(Initiative initiative) {
		if (unsubmitted.contains(initiative.departmentCode())) {
			return NOT_SUBMITTED;
		}
		ReviewData.InitiativeStatus status = data.initiatives().get(initiative.id());
		return status == null ? null : status.mark();
	}

	/** The three marks' lines, and the line of {@code 未提出} when an initiative of the plan shows it. */
	public List<String> legend() {
		List<String> lines = new ArrayList<>(LEGEND);
		if (data.plan().initiatives().stream().anyMatch(i -> unsubmitted.contains(i.departmentCode()))) {
			lines.add(NOT_SUBMITTED_LEGEND);
		}
		if (!sentBack.isEmpty()) {
			lines.add(SENT_BACK_LEGEND);
		}
		return lines;
	}

}
