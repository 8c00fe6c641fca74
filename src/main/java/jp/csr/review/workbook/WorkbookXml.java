package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

import jp.csr.review.workbook.XmlPart.Exceeded;
import jp.csr.review.workbook.XmlPart.NotStreamable;

/**
 * What the workbook part says about its sheets: their names, order and visibility, and whether its dates
 * count from 1904.
 */
record WorkbookXml(List<Sheet> sheets, boolean date1904) {

	/** A {@code <sheet>} of {@code <sheets>}. */
	record Sheet(String name, String relationId, boolean hidden) {
	}

	static WorkbookXml read(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		xml.root("workbook");
		List<Sheet> sheets = null;
		Boolean date1904 = null;
		while (xml.child()) {
			if (xml.is("workbookPr") && date1904 == null) {
				date1904 = bool(xml.attribute("date1904"));
				xml.skip();
			}
			else if (xml.is("sheets") && sheets == null) {
				sheets = sheets(xml);
			}
			else if (xml.is("workbookPr") || xml.is("sheets")) {
				throw new NotStreamable("a second workbookPr or sheets");
			}
			else {
				xml.skip();
			}
		}
		if (sheets == null) {
			// POI's usermodel refuses a workbook without sheets
			throw new NotStreamable("no <sheets>");
		}
		return new WorkbookXml(sheets, date1904 != null && date1904);
	}

	private static List<Sheet> sheets(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		List<Sheet> sheets = new ArrayList<>();
		while (xml.child()) {
			if (xml.is("sheet")) {
				String name = xml.attribute("name");
				String id = xml.attribute(XmlPart.RELATIONSHIPS, "id");
				if (name == null || id == null) {
					throw new NotStreamable("a sheet without name or r:id");
				}
				sheets.add(new Sheet(name, id, hidden(xml.attribute("state"))));
			}
			xml.skip();
		}
		return sheets;
	}

	private static boolean hidden(String state) throws NotStreamable {
		if (state == null) {
			return false;
		}
		return switch (state.strip()) {
			case "visible" -> false;
			case "hidden", "veryHidden" -> true;
			default -> throw new NotStreamable("sheet state " + state);
		};
	}

	/** {@code xsd:boolean}; absent is false. */
	private static boolean bool(String value) throws NotStreamable {
		if (value == null) {
			return false;
		}
		return switch (value.strip()) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw new NotStreamable("boolean " + value);
		};
	}

}
