package jp.csr.review.reviewbook;

import java.util.List;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.DepartmentStatus;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** 提出状況: every department of the plan, so a missing one is as visible as a rejected one. */
final class SubmissionSheet {

	static final String NAME = "提出状況";

	static final List<String> HEADERS = List.of("部署コード", "部署名", "状態", "使用中のファイル", "受信日時", "提出者", "提出日", "期限超過",
			"エラー件数", "警告件数", "差戻しファイル", "確認", "確認者", "確認日", "コメント");

	private static final int[] WIDTHS = { 10, 20, 8, 36, 16, 14, 11, 8, 8, 8, 36, 8, 14, 11, 36 };

	private final ReviewData data;

	private final Styles styles;

	private final Cuts cuts;

	SubmissionSheet(ReviewData data, Styles styles, Cuts cuts) {
		this.data = data;
		this.styles = styles;
		this.cuts = cuts;
	}

	void write(SXSSFWorkbook workbook) {
		SXSSFSheet sheet = workbook.createSheet(NAME);
		Table.header(sheet, HEADERS, WIDTHS, styles);
		int rowIndex = 1;
		for (DepartmentStatus department : data.departments()) {
			Row row = sheet.createRow(rowIndex++);
			text(row, 0, department, department.code());
			text(row, 1, department, department.name());
			text(row, 2, department, department.state());
			text(row, 3, department, department.file());
			// Received times are already in the configured zone; the offset itself is not worth a column.
			Put.date(row, 4, department.receivedAt() == null ? null : department.receivedAt().toLocalDateTime(),
					styles.dateTime);
			text(row, 5, department, department.submittedBy());
			Put.date(row, 6, department.submittedOn(), styles.date);
			Put.text(row, 7, department.late() ? "はい" : "いいえ", styles.body);
			Put.number(row, 8, (double) department.errors(), styles.integer);
			Put.number(row, 9, (double) department.warnings(), styles.integer);
			text(row, 10, department, department.rejectedFile());
			// PRODUCT.md §11: the office's review; a review made without it leaves the columns empty
			ReviewData.Confirmation confirmation = department.confirmation();
			if (confirmation != null) {
				text(row, 11, department, confirmation.decision());
				text(row, 12, department, confirmation.reviewer());
				Put.date(row, 13, confirmation.date(), styles.date);
				text(row, 14, department, confirmation.comment());
			}
			Table.fitHeight(row, WIDTHS);
		}
		Table.filter(sheet, HEADERS.size(), rowIndex - 1);
	}

	private void text(Row row, int column, DepartmentStatus department, String text) {
		cuts.text(row, column, text, styles.body, () -> {
			String what = "部署" + Cuts.quote(department.code()) + "の「" + HEADERS.get(column) + "」";
			String file = column == 10 ? department.rejectedFile() : department.file();
			return new Cuts.Origin(file == null ? List.of() : List.of(file), List.of(department.code()), null, null,
					what);
		});
	}

}
