package jp.csr.review.form;

import java.util.List;

/** The closed sets of words PRODUCT.md §5 accepts as a 実績, compared after NFKC. */
public final class ResultWords {

	/** 維持 KPIs: kept. */
	public static final List<String> YES = List.of("維持", "達成", "取得", "あり", "○", "〇", "はい");

	/** 維持 KPIs: lost. */
	public static final List<String> NO = List.of("未維持", "喪失", "取消", "なし", "×", "いいえ");

	/** 定性 KPIs. */
	public static final List<String> QUALITATIVE = List.of("達成", "継続中", "未達");

	/** 自己評価 marks. */
	public static final List<String> MARKS = List.of("◎", "○", "△");

	private ResultWords() {
	}

}
