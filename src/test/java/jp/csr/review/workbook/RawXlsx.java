package jp.csr.review.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A workbook written XML by XML, for what POI cannot write but Excel, LibreOffice or scripts do (shared and array
 * formulas, inline and rich strings, cells and rows without numbers, column styles, odd values), and for what no
 * program should write but a file can hold. Also changes an existing workbook's parts.
 */
public final class RawXlsx {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

	private record Sheet(String name, String state, String body) {
	}

	private final List<Sheet> sheets = new ArrayList<>();

	private final List<String> strings = new ArrayList<>();

	private String styles;

	private boolean date1904;

	/** A sheet; {@code body} is what {@code <worksheet>} holds, {@code <sheetData>} included. */
	public RawXlsx sheet(String name, String body) {
		return sheet(name, null, body);
	}

	/** A sheet in a state: {@code hidden}, {@code veryHidden}, or null for visible. */
	public RawXlsx sheet(String name, String state, String body) {
		sheets.add(new Sheet(name, state, body));
		return this;
	}

	/** A shared string item's XML, {@code <si>…</si>}: its index is the number of items before it. */
	public RawXlsx sharedString(String si) {
		strings.add(si);
		return this;
	}

	/** What {@code <styleSheet>} holds; without it the workbook has no styles part. */
	public RawXlsx styles(String body) {
		this.styles = body;
		return this;
	}

	public RawXlsx date1904() {
		this.date1904 = true;
		return this;
	}

	public Path write(Path file) {
		Map<String, String> parts = new LinkedHashMap<>();
		StringBuilder types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + TYPES + "sheet.main+xml\"/>");
		StringBuilder relations = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
		StringBuilder workbook = new StringBuilder("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">");
		if (date1904) {
			workbook.append("<workbookPr date1904=\"1\"/>");
		}
		workbook.append("<sheets>");
		for (int i = 1; i <= sheets.size(); i++) {
			Sheet sheet = sheets.get(i - 1);
			String part = "worksheets/sheet" + i + ".xml";
			types.append("<Override PartName=\"/xl/").append(part).append("\" ContentType=\"").append(TYPES).append("worksheet+xml\"/>");
			relations.append(relation("rId" + i, "worksheet", part));
			workbook.append("<sheet name=\"").append(sheet.name()).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i)
				.append('"').append(sheet.state() == null ? "" : " state=\"" + sheet.state() + "\"").append("/>");
			parts.put("xl/" + part, "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">" + sheet.body() + "</worksheet>");
		}
		workbook.append("</sheets></workbook>");
		if (styles != null) {
			types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"").append(TYPES).append("styles+xml\"/>");
			relations.append(relation("rIdStyles", "styles", "styles.xml"));
			parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\">" + styles + "</styleSheet>");
		}
		if (!strings.isEmpty()) {
			types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"").append(TYPES).append("sharedStrings+xml\"/>");
			relations.append(relation("rIdStrings", "sharedStrings", "sharedStrings.xml"));
			parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\" count=\"" + strings.size() + "\" uniqueCount=\""
					+ strings.size() + "\">" + String.join("", strings) + "</sst>");
		}
		Map<String, String> all = new LinkedHashMap<>();
		all.put("[Content_Types].xml", types.append("</Types>").toString());
		all.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		all.put("xl/workbook.xml", workbook.toString());
		all.put("xl/_rels/workbook.xml.rels", relations.append("</Relationships>").toString());
		all.putAll(parts);
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		all.forEach((name, xml) -> bytes.put(name,
				("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml).getBytes(StandardCharsets.UTF_8)));
		return write(bytes, file);
	}

	private static String relation(String id, String type, String target) {
		return "<Relationship Id=\"" + id + "\" Type=\"" + REL + "/" + type + "\" Target=\"" + target + "\"/>";
	}

	/** A workbook with one part's XML changed, every other part as it was. */
	public static Path change(Path from, String part, UnaryOperator<String> change, Path to) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(from)))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] xml = entries.get(part);
		if (xml == null) {
			throw new IllegalArgumentException(part + " is not in " + from + ": " + entries.keySet());
		}
		entries.put(part, change.apply(new String(xml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		return write(entries, to);
	}

	private static Path write(Map<String, byte[]> entries, Path file) {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.write(file, zip.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
