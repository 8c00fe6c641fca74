package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

import jp.csr.review.workbook.CellRead.Kind;
import jp.csr.review.workbook.XmlPart.Exceeded;
import jp.csr.review.workbook.XmlPart.NotStreamable;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One worksheet's XML read into a {@link Grid}, each cell read as {@link Cells#read} reads POI's usermodel cell
 * of the same XML: a formula's cached value (never a recalculation), a formula without one, error values, bad
 * numbers, shared and inline strings, percent and date formats from the cell's style or its column's. Where the
 * usermodel's answer would depend on more than this one pass can know, the sheet is refused
 * ({@link NotStreamable}) and left to it.
 */
final class SheetXml {

	/** What every sheet of a workbook shares. */
	record Context(List<String> strings, CellStyles styles, boolean date1904) {
	}

	private final String name;

	private final Grid grid;

	private final Context context;

	/** {@code <col>} ranges, 0-based inclusive, with their style. */
	private final List<int[]> columnStyles = new ArrayList<>();

	/** Array formulas' ranges: POI's usermodel takes every cell in them for a formula cell. */
	private final List<CellRangeAddress> arrays = new ArrayList<>();

	private boolean sheetDataRead;

	/** The last row read (0-based), -1 before the first. */
	private int lastRow = -1;

	SheetXml(String name, boolean hidden, Context context) {
		this.name = name;
		this.grid = new Grid(name, hidden);
		this.context = context;
	}

	Grid read(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		xml.root("worksheet");
		while (xml.child()) {
			if (xml.is("cols") && !sheetDataRead) {
				columns(xml);
			}
			else if (xml.is("sheetData") && !sheetDataRead) {
				sheetDataRead = true;
				while (xml.child()) {
					if (xml.is("row")) {
						row(xml);
					}
					else {
						xml.skip();
					}
				}
			}
			else if (xml.is("mergeCells")) {
				mergedCells(xml);
			}
			else if (xml.is("cols") || xml.is("sheetData")) {
				// column styles after the cells, or a second sheetData: not what any program writes
				throw new NotStreamable("<cols> or <sheetData> out of place");
			}
			else {
				xml.skip();
			}
		}
		if (!sheetDataRead) {
			// POI's usermodel refuses a sheet without sheetData
			throw new NotStreamable("no <sheetData>");
		}
		return grid;
	}

	/** {@code <mergeCell ref="C2:C3"/>}s; a range the usermodel would read its own way is left to it. */
	private void mergedCells(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		while (xml.child()) {
			if (xml.is("mergeCell")) {
				String ref = xml.attribute("ref");
				try {
					grid.merge(CellRangeAddress.valueOf(ref));
				}
				catch (RuntimeException ex) {
					throw new NotStreamable("merged range " + ref);
				}
			}
			xml.skip();
		}
	}

	/** Column default styles: a cell without a style of its own has its column's. */
	private void columns(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		while (xml.child()) {
			if (xml.is("col")) {
				long min = unsigned(xml.attribute("min"));
				long max = unsigned(xml.attribute("max"));
				String style = xml.attribute("style");
				if (min < 1 || max < min || max > Integer.MAX_VALUE) {
					throw new NotStreamable("column range " + min + ":" + max);
				}
				int[] range = { (int) min - 1, (int) max - 1, style == null ? 0 : (int) unsigned(style) };
				for (int[] other : columnStyles) {
					if (range[0] <= other[1] && other[0] <= range[1]) {
						// POI's usermodel splits overlapping ranges its own way
						throw new NotStreamable("overlapping column ranges");
					}
				}
				columnStyles.add(range);
			}
			xml.skip();
		}
	}

	private void row(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		String number = xml.attribute("r");
		int row;
		if (number == null) {
			// as POI's usermodel numbers a row without r: the one after the last
			row = lastRow + 1;
		}
		else {
			long r = unsigned(number);
			if (r < 1 || r - 1 > Integer.MAX_VALUE) {
				throw new NotStreamable("row number " + number);
			}
			row = (int) (r - 1);
			if (row <= lastRow) {
				// a row given twice replaces the first in POI's usermodel, array formulas included: not guessed at
				throw new NotStreamable("rows out of order");
			}
		}
		lastRow = row;
		int lastColumn = -1;
		while (xml.child()) {
			if (xml.is("c")) {
				lastColumn = Math.max(lastColumn, cell(xml, row, lastColumn));
			}
			else {
				xml.skip();
			}
		}
	}

	/** Reads a {@code <c>} and keeps its read; gives its column. */
	private int cell(XmlPart xml, int row, int lastColumn) throws XMLStreamException, NotStreamable, Exceeded {
		String reference = xml.attribute("r");
		// as POI's usermodel places a cell without r: after the row's last
		int column = reference == null ? lastColumn + 1 : column(reference);
		String type = xml.attribute("t");
		String style = xml.attribute("s");
		boolean formula = false;
		String formulaType = null;
		String value = null;
		String inline = null;
		boolean hasInline = false;
		boolean hasValue = false;
		while (xml.child()) {
			if (xml.is("f") && !formula) {
				formula = true;
				formulaType = formula(xml, row, column, lastColumn);
			}
			else if (xml.is("v") && !hasValue) {
				hasValue = true;
				value = xml.text();
			}
			else if (xml.is("is") && !hasInline) {
				hasInline = true;
				inline = RichText.read(xml);
			}
			else {
				xml.skip();
			}
		}
		// POI does not take data tables for formulas; every cell of an array formula's range is one
		boolean isFormula = formula && !"dataTable".equals(formulaType) || inArray(row, column);
		grid.put(row, column, read(Cells.address(row, column), column, type, style, isFormula, value, inline, hasInline));
		return column;
	}

	/** Reads an {@code <f>}: its type, and the range of an array formula. */
	private String formula(XmlPart xml, int row, int column, int lastColumn)
			throws XMLStreamException, NotStreamable {
		String type = xml.attribute("t");
		String ref = xml.attribute("ref");
		String index = xml.attribute("si");
		xml.text();
		if (type != null && !List.of("normal", "array", "dataTable", "shared").contains(type)) {
			throw new NotStreamable("formula type " + type);
		}
		if ("shared".equals(type)) {
			if (index != null && unsigned(index) > Integer.MAX_VALUE) {
				throw new NotStreamable("shared formula index " + index);
			}
			if (ref != null) {
				// POI's usermodel parses the range when it opens the sheet, and fails there on a bad one
				CellRangeAddress.valueOf(ref);
			}
		}
		if ("array".equals(type) && ref != null) {
			CellRangeAddress range = CellRangeAddress.valueOf(ref);
			// the usermodel applies the range to cells read before it too; none may be in it
			if (range.getFirstRow() < row || range.getFirstRow() == row
					&& (range.getFirstColumn() < column || lastColumn >= range.getFirstColumn())) {
				throw new NotStreamable("array formula range " + ref + " before its cell");
			}
			arrays.add(range);
		}
		return type;
	}

	private boolean inArray(int row, int column) {
		for (CellRangeAddress range : arrays) {
			if (range.isInRange(row, column)) {
				return true;
			}
		}
		return false;
	}

	/** What {@link Cells#read} gives for the usermodel's cell of this XML. */
	private CellRead read(String address, int column, String type, String style, boolean formula, String value,
			String inline, boolean hasInline) throws NotStreamable {
		if (formula && value == null) {
			return CellRead.withoutResult(name, address);
		}
		switch (type == null ? "n" : type) {
			case "n":
				// a number cell without a value is blank
				return value == null ? CellRead.empty(name, address) : number(address, column, style, value, formula);
			case "b":
				return new CellRead(name, address, "1".equals(value) ? "TRUE" : "FALSE", null, false, null);
			case "e":
				return CellRead.unusable(name, address, value == null || value.isBlank() ? "#N/A" : value, Kind.ERROR_VALUE);
			case "s":
				return text(address, value == null ? "" : sharedString(value));
			case "str":
				return text(address, value == null ? "" : RichText.decode(value));
			case "inlineStr":
				return text(address, hasInline ? inline : value == null ? "" : RichText.decode(value));
			default:
				throw new NotStreamable("cell type " + type);
		}
	}

	private CellRead text(String address, String text) {
		// an empty shared string (<si/>) is null to POI: text is never null
		return new CellRead(name, address, text == null ? "" : text, null, false, null);
	}

	/** A shared string by its index; POI's usermodel reads a bad index as empty. */
	private String sharedString(String index) {
		try {
			return context.strings().get(Integer.parseInt(index));
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private CellRead number(String address, int column, String style, String value, boolean formula)
			throws NotStreamable {
		double number;
		try {
			number = value.isEmpty() ? 0.0 : Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return CellRead.unusable(name, address, value, Kind.BAD_NUMBER);
		}
		if (!Double.isFinite(number)) {
			return CellRead.unusable(name, address, value, Kind.BAD_NUMBER);
		}
		CellStyles.Format format = context.styles().of(style, columnStyle(column));
		boolean percent = format != null && Cells.isPercent(format.text());
		boolean date = !percent && format != null && DateUtil.isValidExcelDate(number)
				&& DateUtil.isADateFormat(format.index(), format.text());
		return Cells.number(name, address, number, percent,
				date ? DateUtil.getLocalDateTime(number, context.date1904()) : null,
				formula ? format == null ? "" : format.text() : null);
	}

	/** The column's default style; 0 where no {@code <col>} gives one. */
	private int columnStyle(int column) {
		for (int[] range : columnStyles) {
			if (range[0] <= column && column <= range[1]) {
				return range[2];
			}
		}
		return 0;
	}

	/** The 0-based column of an A1 reference; the plain {@code F7} is read without parsing it as POI does. */
	static int column(String reference) {
		int letters = 0;
		int column = 0;
		while (letters < reference.length() && letters < 3 && reference.charAt(letters) >= 'A'
				&& reference.charAt(letters) <= 'Z') {
			column = column * 26 + reference.charAt(letters) - 'A' + 1;
			letters++;
		}
		int digits = reference.length() - letters;
		boolean plain = letters > 0 && digits > 0 && digits <= 7;
		for (int i = letters; plain && i < reference.length(); i++) {
			plain = reference.charAt(i) >= '0' && reference.charAt(i) <= '9';
		}
		// anything else ($A$1, a sheet name, lower case, a huge row) as POI's usermodel reads it, failing as it fails
		return plain ? column - 1 : new CellReference(reference).getCol();
	}

	/** An {@code xsd:unsignedInt}; anything else is left to the usermodel. */
	static long unsigned(String value) throws NotStreamable {
		try {
			long n = value == null ? -1 : Long.parseLong(value.strip());
			if (n < 0 || n > 0xFFFF_FFFFL) {
				throw new NotStreamable("unsignedInt " + value);
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new NotStreamable("unsignedInt " + value);
		}
	}

}
