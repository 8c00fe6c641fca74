package jp.csr.review.office;

import java.nio.file.Path;
import java.util.List;

/**
 * The layout of the decision workbook (事務局確認ブック), shared by the writer and the reader: a sheet {@value #SHEET}
 * with one row per department of the plan, and a sheet {@value #COMMENTS} for comments on single rows. The reader
 * finds columns by their header label, as everywhere else.
 */
public final class DecisionBook {

	static final String SHEET = "確認";

	static final String COMMENTS = "指摘";

	/** Holds the plan's IDs and departments for the drop-downs; hidden. */
	static final String LISTS = "リスト";

	static final String CODE = "部署コード";

	static final String SHA = "SHA-256";

	static final String DECISION = "確認";

	static final String COMMENT = "コメント";

	static final String REVIEWER = "確認者";

	static final String ITEM = "KPI ID・取り組みID";

	static final List<String> HEADERS = List.of(CODE, "部署名", "状態", "使用中のファイル", "受信日時", SHA, "達成", "未達", "継続中",
			"判定不能", "未報告", "◎", "○", "△", "警告", DECISION, COMMENT, REVIEWER);

	static final int[] WIDTHS = { 10, 20, 14, 36, 19, 10, 6, 6, 7, 8, 7, 5, 5, 5, 6, 9, 40, 14 };

	/** The first of the office's input columns: 確認, コメント, 確認者. */
	static final int FIRST_INPUT = HEADERS.indexOf(DECISION);

	static final List<String> COMMENT_HEADERS = List.of(CODE, ITEM, COMMENT);

	static final int[] COMMENT_WIDTHS = { 12, 20, 80 };

	/** Rows of 指摘 open for input below those already recorded. */
	static final int COMMENT_ROWS = 200;

	/** The prefix of a file's SHA-256 the workbook shows, as 提出状況 and KPI達成状況 do. */
	static final int SHA_PREFIX = 8;

	private DecisionBook() {
	}

	public static String fileName(int term) {
		return term + "期_事務局確認.xlsx";
	}

	/** The decision workbook written beside the review, whose name starts with the term as this one's does. */
	public static Path beside(Path review) {
		String name = review.getFileName().toString();
		return review.resolveSibling(name.substring(0, name.indexOf('期')) + fileName(0).substring(1));
	}

}
