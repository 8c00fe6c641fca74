package jp.csr.review.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.csr.review.plan.Initiative;

/**
 * What the mark column of 振り返り shows, and the legend under it, wherever the table is drawn (workbook or PDF).
 * PRODUCT.md §6: a department with no accepted file (nothing sent, or only rejected files) shows {@code 未提出}:
 * a blank cell reads as ◎ in the published review, whose rendering lost that glyph.
 */
public final class ReviewMarks {

	public static final String NOT_SUBMITTED = "未提出";

	static final List<String> LEGEND = List.of("◎ アクションが完了している", "○ 最終的な評価のみを記載しているがまだアクションが完了していない",
			"△ アクションが完了していない");

	/** Told only when a cell shows it: the published legend has the three marks alone. */
	static final String NOT_SUBMITTED_LEGEND = NOT_SUBMITTED + " 担当部署から実績が提出されていない";

	private final ReviewData data;

	/** Departments without an accepted file. */
	private final Set<String> unsubmitted = new HashSet<>();

	public ReviewMarks(ReviewData data) {
		this.data = data;
		data.departments().stream().filter(d -> d.file() == null).forEach(d -> unsubmitted.add(d.code()));
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
		return lines;
	}

}
