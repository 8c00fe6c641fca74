package jp.csr.review.template;

import java.util.List;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Initiative;
import jp.csr.review.workbook.InputLists;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import static jp.csr.review.form.SubmissionFormat.INITIATIVES;

/** 取り組み: one row per initiative of the department, with its 進捗 and an optional 自己評価. */
final class InitiativeSheet {

	private static final int[] WIDTHS = { 12, 60, 14, 10, 40 };

	private final TemplateBook book;

	private final TemplateStyles styles;

	InitiativeSheet(TemplateBook book) {
		this.book = book;
		this.styles = book.styles();
	}

	void write() {
		XSSFSheet sheet = book.workbook().createSheet(INITIATIVES);
		Cells.widths(sheet, WIDTHS);
		Cells.headerRow(sheet, SubmissionFormat.INITIATIVE_COLUMNS, styles.header);
		List<Initiative> initiatives = book.plan().initiativesOf(book.department().code());
		for (int i = 0; i < initiatives.size(); i++) {
			Initiative initiative = initiatives.get(i);
			XSSFRow row = sheet.createRow(i + 1);
			Cells.text(row, 0, initiative.id(), styles.fixed);
			Cells.text(row, 1, initiative.text(), styles.fixed);
			row.createCell(2).setCellStyle(styles.inputCentered);
			row.createCell(3).setCellStyle(styles.inputCentered);
			row.createCell(4).setCellStyle(styles.input);
			Cells.fitHeight(row, WIDTHS, initiative.id(), initiative.text());
		}
		if (!initiatives.isEmpty()) {
			validate(sheet, initiatives.size());
		}
		book.finish().apply(sheet);
	}

	/** A percentage is a valid 進捗 too, so the list only warns; 自己評価 takes nothing but its marks. */
	private static void validate(XSSFSheet sheet, int last) {
		XSSFDataValidationHelper helper = InputLists.helper(sheet);
		InputLists.validate(sheet,
				helper.createExplicitListConstraint(SubmissionFormat.PROGRESS_WORDS.toArray(String[]::new)),
				new CellRangeAddressList(1, last, 2, 2), DataValidation.ErrorStyle.WARNING, "進捗",
				"一覧から選ぶか、進み具合を0〜100の割合 (例: 80%) で入力してください。割合を入力して確認が出たら「はい」を押してください。"
						+ "完了・100%→◎、継続中・一部完了・1〜99%→○、未完了・未着手・0%→△",
				"一覧にない値です",
				"割合 (例: 80%) ならこのまま「はい」を押してください。それ以外は 完了・継続中・一部完了・未完了・未着手 から選んでください。");
		InputLists.validate(sheet, helper.createExplicitListConstraint(SubmissionFormat.MARKS.toArray(String[]::new)),
				new CellRangeAddressList(1, last, 3, 3), DataValidation.ErrorStyle.STOP, "自己評価 (任意)",
				"部署としての評価を ◎・○・△ から選んでください (空欄可)。◎ 完了 / ○ 継続中・一部完了 / △ 未完了。"
						+ "進捗から求めた評価と異なるときは警告になります。",
				"一覧にない値です", "◎・○・△ から選ぶか、空欄にしてください。");
		InputLists.promptOnly(sheet, new CellRangeAddressList(1, last, 4, 4), "備考 (任意)",
				"補足があれば入力してください。振り返りには載りません。");
	}

}
