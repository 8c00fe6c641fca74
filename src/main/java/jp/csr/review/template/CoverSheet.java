package jp.csr.review.template;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Plan;
import jp.csr.review.workbook.InputLists;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import static jp.csr.review.form.SubmissionFormat.COVER;
import static jp.csr.review.form.SubmissionFormat.GUIDE;

/** 表紙: who the workbook is for (copied from the plan), who submits it and when (typed in). */
final class CoverSheet {

	private static final int NOTE_WIDTH = 60;

	private final TemplateBook book;

	private final TemplateStyles styles;

	CoverSheet(TemplateBook book) {
		this.book = book;
		this.styles = book.styles();
	}

	void write() {
		Plan plan = book.plan();
		XSSFSheet sheet = book.workbook().createSheet(COVER);
		Cells.widths(sheet, 16, 40, NOTE_WIDTH);
		labelled(sheet, 0, "様式バージョン").setCellValue(SubmissionFormat.VERSION);
		labelled(sheet, 1, "期").setCellValue(plan.term());
		labelled(sheet, 2, "部署コード").setCellValue(book.department().code());
		labelled(sheet, 3, "部署名").setCellValue(book.department().name());
		XSSFCell submitter = labelled(sheet, 4, "提出者");
		submitter.setCellStyle(styles.input);
		XSSFCell date = labelled(sheet, 5, "提出日");
		date.setCellStyle(styles.inputDate);
		String example = TemplateWriter.exampleDate(plan);
		noteAt(sheet, 0, plan.term() + "期 (" + plan.period() + ") " + plan.group() + " 行動計画 実績報告");
		noteAt(sheet, 4, "← 提出者のお名前を入力してください");
		noteAt(sheet, 5, "← 提出日を入力してください (例: " + example + ")"
				+ (plan.deadline() == null ? "" : "。提出期限は " + TemplateWriter.day(plan.deadline()) + " です"));
		noteAt(sheet, 7, "黄色のセルに入力してください。それ以外のセルは行動計画から転記しており、変更できません。"
				+ "書き方は「" + GUIDE + "」シートをご覧ください。");
		InputLists.promptOnly(sheet, new CellRangeAddressList(4, 4, 1, 1), "提出者 (必須)",
				"提出者 (記入者) のお名前を入力してください。");
		DataValidationConstraint dates = InputLists.helper(sheet)
			.createDateConstraint(OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2099,12,31)", null);
		InputLists.validate(sheet, dates, new CellRangeAddressList(5, 5, 1, 1), DataValidation.ErrorStyle.WARNING,
				"提出日 (必須)", "提出した日付を " + example + " のように入力してください。Ctrl+; で今日の日付が入ります。", "日付ではありません",
				"日付を " + example + " のように入力してください。");
		book.finish().apply(sheet);
	}

	private XSSFCell labelled(XSSFSheet sheet, int r, String text) {
		XSSFRow row = sheet.createRow(r);
		XSSFCell a = row.createCell(0);
		a.setCellValue(text);
		a.setCellStyle(styles.label);
		XSSFCell b = row.createCell(1);
		b.setCellStyle(styles.coverValue);
		return b;
	}

	private void noteAt(XSSFSheet sheet, int r, String text) {
		XSSFRow row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
		XSSFCell c = row.createCell(2);
		c.setCellValue(text);
		c.setCellStyle(styles.note);
		Cells.heightFor(row, Cells.lines(text, NOTE_WIDTH));
	}

}
