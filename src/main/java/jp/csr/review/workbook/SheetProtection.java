package jp.csr.review.workbook;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A sheet someone fills in, finished: locked so that only its unlocked (input) cells can be typed in, its columns
 * and rows still free to widen for a long text, and printed landscape one page wide. Shared by the departments'
 * templates and the office's decision workbook, so both lock the same way.
 */
public final class SheetProtection {

	private SheetProtection() {
	}

	/**
	 * Locks the sheet. {@code protectSheet("")} would store the hash of an empty password (0000), so a sheet
	 * without password is locked by setting the protection flag alone.
	 *
	 * @param password sheet-protection password; {@code ""} protects without one
	 */
	public static void lock(XSSFSheet sheet, String password) {
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
		// whoever fills it in may still widen columns and heighten rows to read long texts
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
	}

	/** Landscape on {@code paperSize} ({@link PrintSetup#A4_PAPERSIZE} …), one page wide, as many pages high as it takes. */
	public static void printOnePageWide(XSSFSheet sheet, short paperSize) {
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(paperSize);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

}
