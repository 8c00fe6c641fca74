package jp.csr.review.template;

import java.io.IOException;

import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One department's submission workbook while it is written: what each sheet is written from and with.
 *
 * @param department the plan's own row for the department
 */
record TemplateBook(XSSFWorkbook workbook, Plan plan, Department department, TemplateStyles styles,
		SheetFinish finish) {

	/** The sheets in the order the submission form reads them, the cover selected. */
	static XSSFWorkbook build(Plan plan, Department department, String password) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		try {
			TemplateBook book = new TemplateBook(workbook, plan, department, new TemplateStyles(workbook),
					new SheetFinish(password));
			new CoverSheet(book).write();
			new KpiSheet(book).write();
			new InitiativeSheet(book).write();
			new HighlightSheet(book).write();
			new GuideSheet(book).write();
			workbook.setActiveSheet(0);
			return workbook;
		}
		catch (RuntimeException ex) {
			try {
				workbook.close();
			}
			catch (IOException ignored) {
				// nothing was written yet
			}
			throw ex;
		}
	}

}
