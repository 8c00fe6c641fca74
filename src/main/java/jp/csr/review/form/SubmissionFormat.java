package jp.csr.review.form;

import java.util.List;

/**
 * The submission workbook's layout (PRODUCT.md §2, format version 1): sheet names, header labels and
 * the closed value sets its drop-down lists offer. The template writes it; readers may use the same
 * names.
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

	/** Cover labels in column A, in row order. */
	public static final List<String> COVER_LABELS = List.of("様式バージョン", "期", "部署コード", "部署名", "提出者", "提出日");

	public static final List<String> KPI_COLUMNS = List.of("KPI ID", "KPI", "判定", "目標値", "単位", "実績", "実績表記", "備考");

	public static final List<String> INITIATIVE_COLUMNS = List.of("取り組みID", "具体的な取り組み", "進捗", "自己評価", "備考");

	public static final List<String> HIGHLIGHT_COLUMNS = List.of("コミットメント", "主な取り組みとハイライト");

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
