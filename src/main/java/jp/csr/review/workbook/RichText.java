package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

import jp.csr.review.workbook.XmlPart.Exceeded;
import jp.csr.review.workbook.XmlPart.NotStreamable;

/**
 * The text of a string item ({@code <si>} of the shared strings, {@code <is>} of a cell) as POI's usermodel
 * gives it: the runs' texts when there are runs, else the item's own text; phonetic guides (the furigana
 * Japanese Excel keeps beside a text) left out; Excel's escapes ({@code _x001B_}) decoded.
 */
final class RichText {

	private RichText() {
	}

	/**
	 * Reads the item the part stands on, to its end.
	 *
	 * @return its text; null for an item without any, as POI's usermodel answers
	 */
	static String read(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		String text = null;
		boolean own = false;
		List<String> runs = null;
		while (xml.child()) {
			if (xml.is("t") && !own) {
				own = true;
				text = xml.text();
			}
			else if (xml.is("r")) {
				if (runs == null) {
					runs = new ArrayList<>();
				}
				runs.add(run(xml));
			}
			else {
				// a second <t>, phonetic runs (<rPh>), their properties, anything else
				xml.skip();
			}
		}
		if (runs == null) {
			return decode(text);
		}
		StringBuilder all = new StringBuilder();
		// a run without text adds "null", as POI's usermodel has it
		runs.forEach(all::append);
		return decode(all.toString());
	}

	/** A run's text, null when it has none. */
	private static String run(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		String text = null;
		boolean read = false;
		while (xml.child()) {
			if (xml.is("t") && !read) {
				read = true;
				text = xml.text();
			}
			else if (xml.is("rPr")) {
				properties(xml);
			}
			else {
				xml.skip();
			}
		}
		return text;
	}

	/**
	 * A run's font named {@code #n} is taken by POI's usermodel for the workbook's font n, looked up when the text
	 * is read, which can fail; such a text is left to it.
	 */
	private static void properties(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		boolean first = true;
		while (xml.child()) {
			if (xml.is("rFont") && first) {
				first = false;
				String name = xml.attribute("val");
				if (name == null || name.startsWith("#")) {
					throw new NotStreamable("a run's font named " + name);
				}
			}
			xml.skip();
		}
	}

	/** Excel's escape of a UTF-16 code unit, {@code _x001B_}, decoded; any other text as it is. */
	static String decode(String text) {
		if (text == null || !text.contains("_x")) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			if (isEscape(text, i)) {
				out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
				i += 7;
			}
			else {
				out.append(text.charAt(i++));
			}
		}
		return out.toString();
	}

	/** {@code _x} four hex digits {@code _} at {@code i}. */
	private static boolean isEscape(String text, int i) {
		if (i + 7 > text.length() || text.charAt(i) != '_' || text.charAt(i + 1) != 'x' || text.charAt(i + 6) != '_') {
			return false;
		}
		for (int k = i + 2; k < i + 6; k++) {
			char c = text.charAt(k);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
				return false;
			}
		}
		return true;
	}

}
