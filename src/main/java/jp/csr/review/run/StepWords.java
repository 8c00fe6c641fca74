package jp.csr.review.run;

import java.time.Duration;

import jp.csr.review.judge.JudgeTasklet;
import jp.csr.review.office.OfficeTasklet;
import jp.csr.review.write.AnswerTasklet;
import jp.csr.review.write.WriteTasklet;

/**
 * How the console and {@code status} speak of a step: the README's names (scan, load, judge, write), the office's
 * words for its state, and each count named for what it counts. Spring Batch's names and its generic counts stay
 * in the job repository, where a restart of a run recorded by an older build still finds its steps.
 */
public final class StepWords {

	/** Spring Batch's names of the first two steps, as their packages build them. */
	private static final String SCAN = "scan";

	private static final String LOAD = "load";

	private StepWords() {
	}

	/**
	 * What a step's counts are about. {@code judged} is null when the verdicts are not split into KPIs and
	 * initiatives (then their sum, the step's write count, is shown).
	 */
	public record Counts(long read, long written, long filtered, Judged judged) {

	}

	/** What the judge step recorded for a run: KPIs judged, initiatives given a mark. */
	public record Judged(long kpis, long initiatives) {

	}

	/**
	 * The README's name of a step: the step of a night that keeps the review, which only writes the annotated
	 * copies, is part of write.
	 */
	public static String name(String step) {
		return AnswerTasklet.STEP.equals(step) ? WriteTasklet.STEP : step;
	}

	/** A step's or a run's Spring Batch status in the office's words. */
	public static String state(String batchStatus) {
		return switch (batchStatus) {
			case "COMPLETED" -> "完了";
			case "FAILED" -> "失敗";
			case "STOPPED" -> "停止";
			case "STOPPING" -> "停止中";
			case "STARTING", "STARTED" -> "実行中";
			case "ABANDONED" -> "放棄";
			default -> "不明";
		};
	}

	/** The line of a step that ran: shared by run, restart and status. */
	public static String line(String step, String batchStatus, Counts counts, Duration duration) {
		return String.format("ステップ %-5s %s  %s  %s", name(step), state(batchStatus), counts(step, counts),
				seconds(duration));
	}

	/** The line of a step that did not run, and why. */
	public static String notRun(String step, String why) {
		return String.format("ステップ %-5s %s", name(step), why);
	}

	/** The judge step a night that keeps the review does without; its write step only writes the annotated copies. */
	public static String unchanged() {
		return notRun(JudgeTasklet.STEP, "変更なしのため実行せず");
	}

	static String counts(String step, Counts c) {
		if (SCAN.equals(step)) {
			return "ファイル " + c.read() + "件: 取り込み対象 " + c.written() + " / スキップ・読取不可・対象外 " + c.filtered();
		}
		if (LOAD.equals(step)) {
			return "取り込み対象 " + c.read() + "件" + (c.written() == c.read() ? "" : " (済み " + c.written() + ")");
		}
		if (OfficeTasklet.STEP.equals(step)) {
			return "事務局確認ブック " + c.read() + "件: 新しい確認 " + c.written() + "件";
		}
		if (JudgeTasklet.STEP.equals(step)) {
			return c.judged() == null || c.judged().kpis() + c.judged().initiatives() != c.written()
					? "判定 KPI・取り組み " + c.written() + "件"
					: "判定 KPI " + c.judged().kpis() + "件 / 取り組み " + c.judged().initiatives() + "件";
		}
		if (AnswerTasklet.STEP.equals(step)) {
			return "振り返りは変更なし、注記付きの写し " + c.written() + "件";
		}
		if (WriteTasklet.STEP.equals(step)) {
			return c.written() > 0 ? "振り返りを書き出し" : "振り返りは未作成";
		}
		return "件数 " + c.written();
	}

	static String seconds(Duration d) {
		return String.format("%.1f秒", d.toMillis() / 1000.0);
	}

}
