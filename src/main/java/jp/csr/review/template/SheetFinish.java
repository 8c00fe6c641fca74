package jp.csr.review.template;

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
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.setMargin(PageMargin.LEFT, 0.4);
		sheet.setMargin(PageMargin.RIGHT, 0.4);
		protect(sheet);
	}

	/**
	 * Locks the sheet. {@code protectSheet("")} would store the hash of an empty password (0000), so a
	 * sheet without password is locked by setting the protection flag alone.
	 */
	private void protect(XSSFSheet sheet) {
		if (password.isEmpty()) {
			sheet.enableLocking();
		}
		else {
			sheet.protectSheet(password);
		}
		sheet.lockObjects(true);
		sheet.lockScenarios(true);
		sheet.lockSelectLockedCells(false);
		sheet.lockSelectUnlockedCells(false);
		// departments may still widen columns and heighten rows to read long texts
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
	}

}
