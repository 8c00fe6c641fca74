package jp.csr.review.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jp.csr.review.workbook.WorkbookLimits.Excess;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;

/**
 * An OpenDocument spreadsheet ({@code .ods}, LibreOffice's own format) read in one StAX pass over its
 * {@code content.xml} into the {@link Grid}s and {@link CellRead}s the {@code .xlsx} reader gives for the same
 * content, so every check reads it unchanged. Repeated rows and cells are counted, never laid out one by one (a
 * sheet ends with a million repeated empty rows); a cell's value comes from its {@code office:value-type}, a
 * percentage being a percent-formatted number as in Excel; text is its paragraphs, one line each. Held to
 * {@link WorkbookLimits} as the other readers are.
 */
final class OdsWorkbook {

	private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

	private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

	private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

	private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

	private static final String CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

	private static final int MAX_ROW = SpreadsheetVersion.EXCEL2007.getMaxRows();

	private static final int MAX_COLUMN = SpreadsheetVersion.EXCEL2007.getMaxColumns();

	private final XMLStreamReader xml;

	private final boolean limited;

	/** Table styles that hide their sheet ({@code table:display="false"}). */
	private final Set<String> hiddenStyles = new HashSet<>();

	private final List<Grid> sheets = new ArrayList<>();

	private OdsWorkbook(XMLStreamReader xml, boolean limited) {
		this.xml = xml;
		this.limited = limited;
	}

	/** Thrown by the reading when a sheet goes over the limits. */
	private static final class Exceeded extends Exception {

		private static final long serialVersionUID = 1L;

		final transient Excess excess;

		Exceeded(Excess excess) {
			super(excess.sheet(), null, false, false);
			this.excess = excess;
		}

	}

	/**
	 * Every sheet, stopping at the first one over {@link WorkbookLimits} when {@code limited}.
	 *
	 * @throws IOException a package or a content that is not an OpenDocument spreadsheet's
	 */
	static StreamedWorkbook read(Path file, boolean limited) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry content = zip.getEntry("content.xml");
			if (content == null) {
				throw new IOException("no content.xml");
			}
			try (InputStream in = zip.getInputStream(content)) {
				XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
				try {
					OdsWorkbook workbook = new OdsWorkbook(xml, limited);
					workbook.document();
					return new StreamedWorkbook(List.copyOf(workbook.sheets), Optional.empty());
				}
				catch (Exceeded ex) {
					return new StreamedWorkbook(List.of(), Optional.of(ex.excess));
				}
				finally {
					xml.close();
				}
			}
		}
		catch (XMLStreamException ex) {
			throw new IOException("content.xml: " + ex.getMessage(), ex);
		}
	}

	private void document() throws XMLStreamException, Exceeded {
		while (xml.hasNext()) {
			if (xml.next() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (is(STYLE, "style") && "table".equals(attribute(STYLE, "family"))) {
				tableStyle();
			}
			else if (is(TABLE, "table")) {
				table();
			}
		}
	}

	private void tableStyle() throws XMLStreamException {
		String name = attribute(STYLE, "name");
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				if (is(STYLE, "table-properties") && "false".equals(attribute(TABLE, "display")) && name != null) {
					hiddenStyles.add(name);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** A sheet being read: where the next row goes, and what is counted of it. */
	private static final class Sheet {

		final Grid grid;

		int row;

		int rows;

		int cells;

		Sheet(Grid grid) {
			this.grid = grid;
		}

	}

	private void table() throws XMLStreamException, Exceeded {
		String name = attribute(TABLE, "name");
		String style = attribute(TABLE, "style-name");
		Sheet sheet = new Sheet(new Grid(name == null ? "" : name, style != null && hiddenStyles.contains(style)));
		rows(sheet);
		sheets.add(sheet.grid);
	}

	/** The rows of a table or of a group of rows, to the end of the element holding them. */
	private void rows(Sheet sheet) throws XMLStreamException, Exceeded {
		while (child()) {
			if (is(TABLE, "table-row")) {
				row(sheet);
			}
			else if (is(TABLE, "table-header-rows") || is(TABLE, "table-row-group") || is(TABLE, "table-rows")) {
				rows(sheet);
			}
			else {
				skip();
			}
		}
	}

	/** A cell merged over others ({@code table:number-rows-spanned}), as the xlsx readers keep a merged range. */
	private static void merged(Sheet sheet, int column, String rowsSpanned, String columnsSpanned) {
		int rows = rowsSpanned == null ? 1 : repeat(rowsSpanned);
		int columns = columnsSpanned == null ? 1 : repeat(columnsSpanned);
		if ((rows > 1 || columns > 1) && column < MAX_COLUMN && sheet.row < MAX_ROW) {
			sheet.grid.merge(new CellRangeAddress(sheet.row, (int) Math.min((long) sheet.row + rows - 1, MAX_ROW - 1),
					column, (int) Math.min((long) column + columns - 1, MAX_COLUMN - 1)));
		}
	}

	private void row(Sheet sheet) throws XMLStreamException, Exceeded {
		int repeat = repeat(attribute(TABLE, "number-rows-repeated"));
		List<int[]> spans = new ArrayList<>();
		List<OdsCell> contents = new ArrayList<>();
		int column = 0;
		int valueCells = 0;
		while (child()) {
			if (is(TABLE, "table-cell") || is(TABLE, "covered-table-cell")) {
				int columns = repeat(attribute(TABLE, "number-columns-repeated"));
				merged(sheet, column, attribute(TABLE, "number-rows-spanned"), attribute(TABLE, "number-columns-spanned"));
				OdsCell content = content();
				if (content.holdsValue() && column < MAX_COLUMN) {
					int span = Math.min(columns, MAX_COLUMN - column);
					spans.add(new int[] { column, span });
					contents.add(content);
					valueCells += span;
				}
				column = (int) Math.min((long) column + columns, MAX_COLUMN);
			}
			else {
				skip();
			}
		}
		int rows = (int) Math.min(repeat, (long) MAX_ROW - sheet.row);
		if (valueCells > 0 && limited) {
			// the repetition at which each limit is passed, as counting the rows one by one would find it: a row's
			// cells are counted before the row
			long overCells = (WorkbookLimits.MAX_CELLS - sheet.cells) / valueCells + 1;
			long overRows = WorkbookLimits.MAX_ROWS - sheet.rows + 1;
			if (overCells <= rows && overCells <= overRows) {
				throw new Exceeded(new Excess(sheet.grid.name(), "セル", WorkbookLimits.MAX_CELLS));
			}
			if (overRows <= rows) {
				throw new Exceeded(new Excess(sheet.grid.name(), "行", WorkbookLimits.MAX_ROWS));
			}
			sheet.cells += valueCells * rows;
			sheet.rows += rows;
		}
		for (int r = 0; valueCells > 0 && r < rows; r++) {
			for (int i = 0; i < spans.size(); i++) {
				for (int c = spans.get(i)[0]; c < spans.get(i)[0] + spans.get(i)[1]; c++) {
					sheet.grid.put(sheet.row + r, c, contents.get(i).read(sheet.grid.name(), sheet.row + r, c));
				}
			}
		}
		sheet.row += rows;
	}

	private OdsCell content() throws XMLStreamException {
		String type = attribute(OFFICE, "value-type");
		String value = switch (type == null ? "" : type) {
			case "float", "percentage", "currency" -> attribute(OFFICE, "value");
			case "date" -> attribute(OFFICE, "date-value");
			case "time" -> attribute(OFFICE, "time-value");
			case "boolean" -> attribute(OFFICE, "boolean-value");
			case "string" -> attribute(OFFICE, "string-value");
			default -> null;
		};
		boolean formula = attribute(TABLE, "formula") != null;
		boolean error = "error".equals(attribute(CALCEXT, "value-type"));
		StringBuilder text = new StringBuilder();
		boolean first = true;
		while (child()) {
			if (is(TEXT, "p") || is(TEXT, "h")) {
				if (!first) {
					text.append('\n');
				}
				first = false;
				paragraph(text);
			}
			else {
				// a comment (office:annotation) and anything else is not the cell's value
				skip();
			}
		}
		return new OdsCell(type, value, text.toString(), formula, error);
	}

	/** A paragraph's text: spans and links read through, {@code text:s} spaces, tabs and line breaks kept. */
	private void paragraph(StringBuilder text) throws XMLStreamException {
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				text.append(xml.getText());
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return;
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				if (is(TEXT, "s")) {
					text.append(" ".repeat(Math.min(repeat(attribute(TEXT, "c")), 10_000)));
					skip();
				}
				else if (is(TEXT, "tab")) {
					text.append('\t');
					skip();
				}
				else if (is(TEXT, "line-break")) {
					text.append('\n');
					skip();
				}
				else if (is(TEXT, "span") || is(TEXT, "a") || is(TEXT, "ruby") || is(TEXT, "ruby-base")) {
					paragraph(text);
				}
				else {
					// a note, a ruby's reading, a bookmark, a field's metadata: not what the cell shows
					skip();
				}
			}
		}
	}

	/** A repetition count: 1 when absent or unreadable. */
	private static int repeat(String count) {
		if (count == null) {
			return 1;
		}
		try {
			return Math.max(1, Integer.parseInt(count.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/** Moves to the current element's next child element: false once the element ends. */
	private boolean child() throws XMLStreamException {
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				return true;
			}
			if (event == XMLStreamConstants.END_ELEMENT) {
				return false;
			}
			if (event == XMLStreamConstants.END_DOCUMENT) {
				throw new XMLStreamException("unexpected end of content.xml");
			}
		}
	}

	/** Skips the current element with what it holds. */
	private void skip() throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	private boolean is(String namespace, String name) {
		return name.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
	}

	private String attribute(String namespace, String name) {
		return xml.getAttributeValue(namespace, name);
	}

}
