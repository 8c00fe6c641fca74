package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

import jp.csr.review.workbook.XmlPart.Exceeded;
import jp.csr.review.workbook.XmlPart.NotStreamable;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * The number format of each cell style of a workbook's styles part, as POI's {@code StylesTable} and
 * {@code XSSFCellStyle} give it ({@code getDataFormat()}, {@code getDataFormatString()}), read with StAX instead of
 * binding the whole part: fonts, fills and borders mean nothing to the checks.
 */
final class CellStyles {

	/** A style's number format: its index and its format string (null when neither defined nor built in). */
	record Format(short index, String text) {
	}

	/** A workbook without a styles part: POI's usermodel makes up a General style, neither percent nor date. */
	static final CellStyles NONE = new CellStyles(null, Map.of());

	/** {@code numFmtId} of each {@code <xf>} of {@code <cellXfs>}, by style index; null for no styles part. */
	private final List<Long> styles;

	/** {@code <numFmt>} format codes by their id, as POI keys them (a short). */
	private final Map<Short, String> formats;

	private final Map<Integer, Format> byIndex = new HashMap<>();

	private CellStyles(List<Long> styles, Map<Short, String> formats) {
		this.styles = styles;
		this.formats = formats;
	}

	/** Reads {@code <styleSheet>}: its (first) {@code <numFmts>} and {@code <cellXfs>}. */
	static CellStyles read(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		xml.root("styleSheet");
		List<Long> styles = null;
		Map<Short, String> formats = null;
		while (xml.child()) {
			if (xml.is("numFmts") && formats == null) {
				formats = new HashMap<>();
				while (xml.child()) {
					if (xml.is("numFmt")) {
						// a later definition of one id wins, as in POI's map
						formats.put((short) SheetXml.unsigned(xml.attribute("numFmtId")), xml.attribute("formatCode"));
					}
					xml.skip();
				}
			}
			else if (xml.is("cellXfs") && styles == null) {
				styles = new ArrayList<>();
				while (xml.child()) {
					if (xml.is("xf")) {
						String format = xml.attribute("numFmtId");
						styles.add(format == null ? 0 : SheetXml.unsigned(format));
					}
					xml.skip();
				}
			}
			else {
				xml.skip();
			}
		}
		return new CellStyles(styles == null ? List.of() : styles, formats == null ? Map.of() : formats);
	}

	/**
	 * The number format of a cell with this {@code s} attribute (or none) in a column of this default style, as
	 * {@code XSSFCell.getCellStyle()} finds the style: its own when the workbook has it, else its column's.
	 */
	Format of(String cellStyle, int columnStyle) throws NotStreamable {
		if (styles == null) {
			return null;
		}
		if (cellStyle != null && !styles.isEmpty()) {
			long index = SheetXml.unsigned(cellStyle);
			if (index > Integer.MAX_VALUE) {
				// the usermodel fails on it when the cell is read
				throw new NotStreamable("style index " + cellStyle);
			}
			Format own = at((int) index);
			if (own != null) {
				return own;
			}
		}
		return at(columnStyle);
	}

	private Format at(int index) {
		if (index < 0 || index >= styles.size()) {
			return null;
		}
		return byIndex.computeIfAbsent(index, i -> {
			short id = (short) (long) styles.get(i);
			String text = formats.get(id);
			return new Format(id, text != null ? text : BuiltinFormats.getBuiltinFormat(id));
		});
	}

}
