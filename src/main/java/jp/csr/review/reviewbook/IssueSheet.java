package jp.csr.review.reviewbook;

import java.util.List;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.IssueRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 検証結果: every error and warning of the run, and the issues still open from earlier runs, each with when it was
 * found. The one sheet whose length is not bounded by the plan, so its rows are taken from the source one at a
 * time and flushed to disk by SXSSF as they go.
 */
final class IssueSheet {

	static final String NAME = "検証結果";

	static final List<String> HEADERS = List.of("ファイル", "部署", "シート", "セル", "区分", "メッセージ", "検出日時");

	/** The column of 検出日時, a date: the others are texts. */
	private static final int FOUND_AT = 6;

	private static final int[] WIDTHS = { 36, 18, 14, 8, 8, 90, 16 };

	private final ReviewData data;

	private final Styles styles;

	private final Cuts cuts;

	private int next;

	IssueSheet(ReviewData data, Styles styles, Cuts cuts) {
		this.data = data;
		this.styles = styles;
		this.cuts = cuts;
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		Table.header(sheet, HEADERS, WIDTHS, styles);
		next = 1;
		data.issues().forEach(issue -> {
			Row row = sheet.createRow(next++);
			for (int column = 0; column < FOUND_AT; column++) {
				final int c = column;
				cuts.text(row, c, field(issue, c), styles.body, () -> origin(issue, c));
			}
			Put.date(row, FOUND_AT, issue.foundAt(), styles.dateTime);
			Table.fitHeight(row, WIDTHS);
		});
		// The cuts of the sheets before, and of this one's rows. A notice is short, so writing one cuts nothing.
		for (IssueRow notice : cuts.notices()) {
			Row row = sheet.createRow(next++);
			for (int column = 0; column < FOUND_AT; column++) {
				Put.text(row, column, field(notice, column), styles.body);
			}
			Put.date(row, FOUND_AT, notice.foundAt(), styles.dateTime);
			Table.fitHeight(row, WIDTHS);
		}
		Table.filter(sheet, HEADERS.size(), next - 1);
	}

	private static String field(IssueRow issue, int column) {
		return switch (column) {
			case 0 -> issue.file();
			case 1 -> issue.department();
			case 2 -> issue.sheet();
			case 3 -> issue.cell();
			case 4 -> issue.severity();
			default -> issue.message();
		};
	}

	private static Cuts.Origin origin(IssueRow issue, int column) {
		String at = issue.sheet() == null || issue.sheet().isEmpty() ? "" : " " + issue.sheet() + "!" + issue.cell();
		String what = "検証結果の行(" + Cuts.quote(issue.file()) + at + ")の「" + HEADERS.get(column) + "」";
		return new Cuts.Origin(issue.file() == null ? List.of() : List.of(issue.file()),
				issue.department() == null ? List.of() : List.of(issue.department()), issue.sheet(), issue.cell(),
				what);
	}

}
