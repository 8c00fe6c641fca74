package jp.csr.review.template;

import java.util.List;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Commitment;
import jp.csr.review.workbook.InputLists;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import static jp.csr.review.form.SubmissionFormat.HIGHLIGHTS;

/** ハイライト: one tall row per commitment the department shares in, for a few paragraphs of prose. */
final class HighlightSheet {

	private final TemplateBook book;

	private final TemplateStyles styles;

	HighlightSheet(TemplateBook book) {
		this.book = book;
		this.styles = book.styles();
	}

	void write() {
		XSSFSheet sheet = book.workbook().createSheet(HIGHLIGHTS);
		Cells.widths(sheet, 36, 100);
		Cells.headerRow(sheet, SubmissionFormat.HIGHLIGHT_COLUMNS, styles.header);
		List<Commitment> commitments = book.plan().commitmentsOf(book.department().code());
		for (int i = 0; i < commitments.size(); i++) {
			XSSFRow row = sheet.createRow(i + 1);
			Cells.text(row, 0, commitments.get(i).text(), styles.fixed);
			row.createCell(1).setCellStyle(styles.input);
			row.setHeightInPoints(240);
		}
		if (!commitments.isEmpty()) {
			InputLists.promptOnly(sheet, new CellRangeAddressList(1, commitments.size(), 1, 1), "主な取り組みとハイライト (必須)",
					"今期の主な取り組みと成果を文章で入力してください。セル内の改行は Alt+Enter (Mac: option+return)。改行はそのまま振り返りに載ります。");
		}
		book.finish().apply(sheet);
	}

}
