package jp.csr.review.form;

import java.util.List;

/**
 * The submission workbook's layout (PRODUCT.md §2, format version 1): sheet names, header labels and
 * the closed value sets its drop-down lists offer. The template writes it and the checks read it by
 * these words, so the two cannot drift apart. Words are compared after NFKC.
 */
public final class SubmissionFormat {

	/** {@code 様式バージョン} written on the cover. */
	public static final int VERSION = 1;

	public static final String COVER = "表紙";

	public static final String KPI = "KPI";

	public static final String INITIATIVES = "取り組み";

	public static final String HIGHLIGHTS = "ハイライト";

	public static final String GUIDE = "記入方法";

	/** Sheets in the order the template writes them. */
	public static final List<String> SHEETS = List.of(COVER, KPI, INITIATIVES, HIGHLIGHTS, GUIDE);

	public static final String FORM_VERSION = "様式バージョン";

	public static final String TERM = "期";

	public static final String DEPARTMENT_CODE = "部署コード";

	public static final String DEPARTMENT_NAME = "部署名";

	public static final String SUBMITTER = "提出者";

	public static final String SUBMITTED_ON = "提出日";

	/** Cover labels in column A, in row order. */
	public static final List<String> COVER_LABELS = List.of(FORM_VERSION, TERM, DEPARTMENT_CODE, DEPARTMENT_NAME,
			SUBMITTER, SUBMITTED_ON);

	public static final String KPI_ID = "KPI ID";

	/** The KPI's text, a copy of the plan's. */
	public static final String KPI_TEXT = "KPI";

	public static final String JUDGEMENT = "判定";

	public static final String TARGET = "目標値";

	public static final String UNIT = "単位";

	public static final String RESULT = "実績";

	/** How the 実績 is shown in the review, when not as typed. */
	public static final String RESULT_DISPLAY = "実績表記";

	public static final String NOTE = "備考";

	public static final List<String> KPI_COLUMNS = List.of(KPI_ID, KPI_TEXT, JUDGEMENT, TARGET, UNIT, RESULT,
			RESULT_DISPLAY, NOTE);

	public static final String INITIATIVE_ID = "取り組みID";

	/** The initiative's text, a copy of the plan's. */
	public static final String INITIATIVE_TEXT = "具体的な取り組み";

	public static final String PROGRESS = "進捗";

	public static final String SELF_EVALUATION = "自己評価";

	public static final List<String> INITIATIVE_COLUMNS = List.of(INITIATIVE_ID, INITIATIVE_TEXT, PROGRESS,
			SELF_EVALUATION, NOTE);

	public static final String COMMITMENT = "コミットメント";

	public static final String HIGHLIGHT = "主な取り組みとハイライト";

	public static final List<String> HIGHLIGHT_COLUMNS = List.of(COMMITMENT, HIGHLIGHT);

	/** 進捗 words; a percentage 0–100 is accepted as well. */
	public static final List<String> PROGRESS_WORDS = List.of("完了", "継続中", "一部完了", "未完了", "未着手");

	/** 自己評価 marks. */
	public static final List<String> MARKS = List.of("◎", "○", "△");

	/** Results of a 維持 KPI that mean it was kept (PRODUCT.md §5). */
	public static final List<String> YES_WORDS = List.of("維持", "達成", "取得", "あり", "○", "〇", "はい");

	/** Results of a 維持 KPI that mean it was lost. */
	public static final List<String> NO_WORDS = List.of("未維持", "喪失", "取消", "なし", "×", "いいえ");

	/** Results of a 定性 KPI. */
	public static final List<String> QUALITATIVE_RESULTS = List.of("達成", "継続中", "未達");

	private SubmissionFormat() {
	}

}
