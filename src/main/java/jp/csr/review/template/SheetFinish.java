package jp.csr.review.template;

import jp.csr.review.workbook.SheetProtection;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * What every sheet gets once its cells are written: an A4 landscape print one page wide, and protection, so
 * only the input cells can be changed.
 */
final class SheetFinish {

	private final String password;

	/** @param password sheet-protection password; {@code ""} protects without one */
	SheetFinish(String password) {
		this.password = password;
	}

	void apply(XSSFSheet sheet) {
		SheetProtection.printOnePageWide(sheet, PrintSetup.A4_PAPERSIZE);
		sheet.setMargin(PageMargin.LEFT, 0.4);
		sheet.setMargin(PageMargin.RIGHT, 0.4);
		SheetProtection.lock(sheet, password);
	}

}
