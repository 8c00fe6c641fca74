package jp.csr.review.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.drawingml.x2006.chart.ChartSpaceDocument;
import org.openxmlformats.schemas.drawingml.x2006.main.ThemeDocument;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.WsDrDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CommentsDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.SstDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.TableDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

/**
 * Checks the parts of a workbook we wrote against the ECMA-376 schemas (POI's full XMLBeans types), as a strict
 * reader would: Excel repairs a colour of six hex digits silently, other readers paint such a fill black.
 */
public final class OoxmlSchema {

	private static final String SML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

	/** The parts the schemas cover, by content type. */
	private static final Map<String, Parser> PARSERS = Map.ofEntries(
			Map.entry(SML + "sheet.main+xml", WorkbookDocument.Factory::parse),
			Map.entry("application/vnd.ms-excel.sheet.macroEnabled.main+xml", WorkbookDocument.Factory::parse),
			Map.entry(SML + "template.main+xml", WorkbookDocument.Factory::parse),
			Map.entry(SML + "worksheet+xml", WorksheetDocument.Factory::parse),
			Map.entry(SML + "styles+xml", StyleSheetDocument.Factory::parse),
			Map.entry(SML + "sharedStrings+xml", SstDocument.Factory::parse),
			Map.entry(SML + "comments+xml", CommentsDocument.Factory::parse),
			Map.entry(SML + "table+xml", TableDocument.Factory::parse),
			Map.entry("application/vnd.openxmlformats-officedocument.drawing+xml", WsDrDocument.Factory::parse),
			Map.entry("application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
					ChartSpaceDocument.Factory::parse),
			Map.entry("application/vnd.openxmlformats-officedocument.theme+xml", ThemeDocument.Factory::parse));

	@FunctionalInterface
	private interface Parser {

		XmlObject parse(InputStream in, XmlOptions options) throws XmlException, IOException;

	}

	private OoxmlSchema() {
	}

	/** Every schema error of every part the schemas cover, as {@code part: message}; empty when valid. */
	public static List<String> errors(Path workbook) throws IOException {
		List<String> errors = new ArrayList<>();
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			Map<String, String> types = contentTypes(zip);
			for (ZipEntry entry : zip.stream().toList()) {
				String type = types.get(entry.getName());
				Parser parser = type == null ? null : PARSERS.get(type);
				if (parser == null) {
					continue;
				}
				List<XmlError> found = new ArrayList<>();
				try (InputStream in = zip.getInputStream(entry)) {
					XmlObject part = parser.parse(in, new XmlOptions().setLoadLineNumbers());
					part.validate(new XmlOptions().setErrorListener(found));
				}
				catch (XmlException ex) {
					errors.add(entry.getName() + ": " + ex.getMessage());
				}
				found.stream().filter(e -> !isXmlSpace(e)).forEach(e -> errors.add(entry.getName() + ": " + e));
			}
		}
		return errors;
	}

	/**
	 * {@code xml:space="preserve"} on a text: XML itself (1.0, §2.10) gives it to every element, Excel and POI write
	 * it on every text with a leading or trailing space, and the compiled schemas leave it out.
	 */
	private static boolean isXmlSpace(XmlError error) {
		return error.getMessage().contains("space@http://www.w3.org/XML/1998/namespace");
	}

	/** How many parts of the workbook the schemas cover: a check that validated nothing proves nothing. */
	public static int covered(Path workbook) throws IOException {
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			Map<String, String> types = contentTypes(zip);
			return (int) zip.stream().filter(e -> PARSERS.containsKey(types.get(e.getName()))).count();
		}
	}

	/** Part name (no leading slash) to content type, from {@code [Content_Types].xml}. */
	private static Map<String, String> contentTypes(ZipFile zip) throws IOException {
		Map<String, String> defaults = new HashMap<>();
		Map<String, String> types = new HashMap<>();
		try (InputStream in = zip.getInputStream(zip.getEntry("[Content_Types].xml"))) {
			XmlObject doc = XmlObject.Factory.parse(in);
			String ns = "declare namespace t='http://schemas.openxmlformats.org/package/2006/content-types' ";
			for (XmlObject d : doc.selectPath(ns + "$this/t:Types/t:Default")) {
				defaults.put(attribute(d, "Extension").toLowerCase(Locale.ROOT), attribute(d, "ContentType"));
			}
			for (XmlObject o : doc.selectPath(ns + "$this/t:Types/t:Override")) {
				types.put(attribute(o, "PartName").substring(1), attribute(o, "ContentType"));
			}
		}
		catch (XmlException ex) {
			throw new IOException(ex);
		}
		for (ZipEntry entry : zip.stream().toList()) {
			String name = entry.getName();
			String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
			if (!types.containsKey(name) && defaults.containsKey(extension)) {
				types.put(name, defaults.get(extension));
			}
		}
		return types;
	}

	private static String attribute(XmlObject element, String name) {
		return element.getDomNode().getAttributes().getNamedItem(name).getNodeValue();
	}

}
