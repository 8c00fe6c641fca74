package jp.csr.review.workbook;

import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The one way a workbook we write gets a colour: ARGB, the only form the schema allows; strict readers paint a
 * colour of six hex digits black or white.
 */
public final class Colors {

	private Colors() {
	}

	public static XSSFColor opaque(int r, int g, int b) {
		return new XSSFColor(new byte[] { (byte) 0xFF, (byte) r, (byte) g, (byte) b });
	}

	/** A solid fill of that colour. */
	public static void fill(XSSFCellStyle style, int r, int g, int b) {
		style.setFillForegroundColor(opaque(r, g, b));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

}
