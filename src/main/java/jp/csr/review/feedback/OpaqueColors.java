package jp.csr.review.feedback;

import javax.xml.namespace.QName;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellBorder;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellFill;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

/**
 * Colours of six hex digits ({@code rgb="D9E1F2"}), as the templates of earlier builds wrote them, made the ARGB
 * the schema requires ({@code FFD9E1F2}): Excel repairs them without a word, stricter readers paint such a fill
 * black or white, and the copy we send back must open everywhere.
 */
final class OpaqueColors {

	private static final QName RGB = new QName("", "rgb");

	private OpaqueColors() {
	}

	/** The styles (fonts, fills, borders, the rest of the style sheet) and the sheets' tab colours. */
	static void repair(XSSFWorkbook workbook) {
		StylesTable styles = workbook.getStylesSource();
		styles.getFonts().stream().map(XSSFFont::getCTFont).forEach(OpaqueColors::repair);
		styles.getFills().stream().map(XSSFCellFill::getCTFill).forEach(OpaqueColors::repair);
		styles.getBorders().stream().map(XSSFCellBorder::getCTBorder).forEach(OpaqueColors::repair);
		repair(styles.getCTStylesheet());
		for (Sheet sheet : workbook) {
			CTWorksheet xml = ((XSSFSheet) sheet).getCTWorksheet();
			if (xml.isSetSheetPr()) {
				repair(xml.getSheetPr());
			}
		}
	}

	/** Every {@code rgb} attribute of the element and the elements inside it. */
	private static void repair(XmlObject xml) {
		try (XmlCursor cursor = xml.newCursor(); XmlCursor end = xml.newCursor()) {
			end.toEndToken();
			while (cursor.comparePosition(end) < 0) {
				if (cursor.isStart()) {
					String rgb = cursor.getAttributeText(RGB);
					if (rgb != null && rgb.length() == 6) {
						cursor.setAttributeText(RGB, "FF" + rgb);
					}
				}
				if (cursor.toNextToken() == XmlCursor.TokenType.NONE) {
					break;
				}
			}
		}
	}

}
