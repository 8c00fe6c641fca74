package jp.csr.review.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 検証結果: every error and warning of the run. The one sheet whose length is not bounded by the plan, so its
 * rows are taken from the source one at a time and flushed to disk by SXSSF as they go.
 */
final class IssueSheet {

	static final String NAME = "検証結果";

	static final List<String> HEADERS = List.of("ファイル", "部署", "シート", "セル", "区分", "メッセージ");

	private static final int[] WIDTHS = { 36, 18, 14, 8, 8, 90 };

	private final ReviewData data;

	private final Styles styles;

	private int next;

	IssueSheet(ReviewData data, Styles styles) {
		this.data = data;
		this.styles = styles;
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		Table.header(sheet, HEADERS, WIDTHS, styles);
		next = 1;
		data.issues().forEach(issue -> {
			Row row = sheet.createRow(next++);
			Put.text(row, 0, issue.file(), styles.body);
			Put.text(row, 1, issue.department(), styles.body);
			Put.text(row, 2, issue.sheet(), styles.body);
			Put.text(row, 3, issue.cell(), styles.body);
			Put.text(row, 4, issue.severity(), styles.body);
			Put.text(row, 5, issue.message(), styles.body);
			Table.fitHeight(row, WIDTHS);
		});
		Table.filter(sheet, HEADERS.size(), next - 1);
	}

}
