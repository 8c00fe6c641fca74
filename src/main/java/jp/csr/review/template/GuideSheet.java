package jp.csr.review.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Plan;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import static jp.csr.review.form.SubmissionFormat.COVER;
import static jp.csr.review.form.SubmissionFormat.GUIDE;
import static jp.csr.review.form.SubmissionFormat.HIGHLIGHTS;
import static jp.csr.review.form.SubmissionFormat.INITIATIVES;
import static jp.csr.review.form.SubmissionFormat.KPI;

/** 記入方法: how to fill in each sheet, in the words of {@link GuideText}, with this plan's names and dates. */
final class GuideSheet {

	private static final int[] WIDTHS = { 14, 20, 100 };

	private final TemplateBook book;

	private final TemplateStyles styles;

	GuideSheet(TemplateBook book) {
		this.book = book;
		this.styles = book.styles();
	}

	void write() {
		GuideText text = GuideText.get();
		XSSFSheet sheet = book.workbook().createSheet(GUIDE);
		Cells.widths(sheet, WIDTHS);
		Cells.headerRow(sheet, text.header(), styles.header);
		List<List<String>> rows = text.rows(values(text));
		for (int i = 0; i < rows.size(); i++) {
			XSSFRow row = sheet.createRow(i + 1);
			List<String> cells = rows.get(i);
			for (int c = 0; c < cells.size(); c++) {
				Cells.text(row, c, cells.get(c), c == 0 ? styles.label : styles.fixed);
			}
			Cells.fitHeight(row, WIDTHS, cells.toArray(String[]::new));
		}
		book.finish().apply(sheet);
	}

	/** What the guide's {@code ${name}}s stand for in this department's workbook. */
	private Map<String, String> values(GuideText text) {
		Plan plan = book.plan();
		Map<String, String> values = new HashMap<>();
		values.put("group", String.valueOf(plan.group()));
		values.put("term", String.valueOf(plan.term()));
		values.put("period", String.valueOf(plan.period()));
		values.put("department", String.valueOf(book.department().name()));
		values.put("code", String.valueOf(book.department().code()));
		values.put("example", TemplateWriter.exampleDate(plan));
		values.put("cover", COVER);
		values.put("kpi", KPI);
		values.put("initiatives", INITIATIVES);
		values.put("highlights", HIGHLIGHTS);
		values.put("yes", String.join("、", SubmissionFormat.YES_WORDS));
		values.put("no", String.join("、", SubmissionFormat.NO_WORDS));
		values.put("deadline", plan.deadline() == null ? ""
				: text.fragment("deadline", Map.of("date", TemplateWriter.day(plan.deadline()))));
		return values;
	}

}
