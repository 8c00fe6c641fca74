package jp.csr.review.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

import jp.csr.review.workbook.XmlPart.Exceeded;
import jp.csr.review.workbook.XmlPart.NotStreamable;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The parts of an OOXML package, read straight from its zip through POI's {@link ZipSecureFile} (so POI's limits
 * on entries, sizes and compression ratios apply to every byte read), with its content types and relationships
 * parsed by StAX. POI's {@code OPCPackage} builds a DOM of every relationship part and of the document
 * properties, and validates every part name, before the first cell: most of the time a department's small
 * workbook took to read.
 *
 * <p>Only what every spreadsheet program writes is read here: plain ASCII part names, one content type per part,
 * well-formed relationship parts. Anything else is {@link NotStreamable}, and POI's usermodel opens the file as
 * before, reading it or saying why not. The document properties ({@code docProps/core.xml}) are not read: nothing
 * of them is used, and a workbook whose properties break OPC's rules M4.2–M4.5 (which POI enforces, and Excel
 * does not) opens here as it opens in Excel.
 */
final class OoxmlPackage implements AutoCloseable {

	static final String CONTENT_TYPES_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/content-types";

	static final String RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String CONTENT_TYPES = "[Content_Types].xml";

	/** Part names as Excel, LibreOffice and POI write them; anything else is left to POI's rules. */
	private static final Pattern PLAIN_NAME = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9_.\\-]+)+");

	/** A relationship of a part; {@code target} as written, resolved when used. */
	record Relation(String id, String type, String target, boolean external) {
	}

	private final ZipSecureFile zip;

	/** Entries by lower-case part name: OPC's part names compare without case. */
	private final Map<String, ZipArchiveEntry> parts;

	private final Map<String, List<Relation>> relations = new HashMap<>();

	private OoxmlPackage(ZipSecureFile zip, Map<String, ZipArchiveEntry> parts) {
		this.zip = zip;
		this.parts = parts;
	}

	/**
	 * Opens the package and checks what POI checks on opening it: the number of entries, a content type for
	 * every part, well-formed relationship parts with at most one core-properties relationship.
	 */
	static OoxmlPackage open(Path file) throws IOException, XMLStreamException, NotStreamable, Exceeded {
		ZipSecureFile zip = new ZipSecureFile(file.toFile());
		try {
			OoxmlPackage pkg = new OoxmlPackage(zip, entries(zip));
			pkg.checkContentTypes();
			for (String name : List.copyOf(pkg.parts.keySet())) {
				if (name.endsWith(".rels")) {
					pkg.relations.put(source(name), pkg.readRelations(name));
				}
			}
			return pkg;
		}
		catch (IOException | XMLStreamException | NotStreamable | Exceeded | RuntimeException ex) {
			zip.close();
			throw ex;
		}
	}

	private static Map<String, ZipArchiveEntry> entries(ZipSecureFile zip) throws NotStreamable {
		List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
		if (all.size() > ZipSecureFile.getMaxFileCount()) {
			throw new NotStreamable(all.size() + " entries");
		}
		Map<String, ZipArchiveEntry> parts = new HashMap<>();
		for (ZipArchiveEntry entry : all) {
			String name = entry.getName();
			if (name.endsWith("/") || name.startsWith("[trash]")) {
				continue;
			}
			String partName = name.equals(CONTENT_TYPES) ? name : "/" + name;
			if (!partName.equals(CONTENT_TYPES) && !PLAIN_NAME.matcher(partName).matches()) {
				throw new NotStreamable("part name " + name);
			}
			if (parts.put(partName.toLowerCase(Locale.ROOT), entry) != null) {
				throw new NotStreamable("two parts named " + name);
			}
		}
		return parts;
	}

	/** POI refuses a package without content types, or with a part that has none (OPC M1.13, M1.14). */
	private void checkContentTypes() throws IOException, XMLStreamException, NotStreamable, Exceeded {
		ZipArchiveEntry types = parts.get(CONTENT_TYPES.toLowerCase(Locale.ROOT));
		if (types == null) {
			throw new NotStreamable("no " + CONTENT_TYPES);
		}
		Map<String, String> defaults = new HashMap<>();
		Map<String, String> overrides = new HashMap<>();
		try (InputStream in = zip.getInputStream(types); XmlPart xml = new XmlPart(in, null)) {
			xml.root(CONTENT_TYPES_NAMESPACE, "Types");
			while (xml.child()) {
				String type = xml.attribute("ContentType");
				if (xml.is(CONTENT_TYPES_NAMESPACE, "Default") && xml.attribute("Extension") != null && type != null) {
					defaults.put(xml.attribute("Extension").toLowerCase(Locale.ROOT), type);
				}
				else if (xml.is(CONTENT_TYPES_NAMESPACE, "Override") && xml.attribute("PartName") != null
						&& type != null) {
					overrides.put(xml.attribute("PartName").toLowerCase(Locale.ROOT), type);
				}
				else {
					throw new NotStreamable("content types: unexpected element or attribute");
				}
				xml.skip();
			}
		}
		for (String name : parts.keySet()) {
			int dot = name.lastIndexOf('.');
			String extension = dot < 0 ? "" : name.substring(dot + 1);
			if (!name.equals(CONTENT_TYPES.toLowerCase(Locale.ROOT)) && !overrides.containsKey(name)
					&& !defaults.containsKey(extension)) {
				throw new NotStreamable("no content type for " + name);
			}
		}
	}

	/** The part a relationship part belongs to: {@code /xl/_rels/workbook.xml.rels} → {@code /xl/workbook.xml}. */
	private static String source(String relsName) {
		int folder = relsName.lastIndexOf("/_rels/");
		if (folder < 0) {
			// a .rels part outside a _rels folder is nobody's
			return relsName;
		}
		String base = relsName.substring(0, folder + 1);
		return base + relsName.substring(folder + "/_rels/".length(), relsName.length() - ".rels".length());
	}

	private List<Relation> readRelations(String relsName) throws IOException, XMLStreamException, NotStreamable, Exceeded {
		List<Relation> read = new ArrayList<>();
		try (InputStream in = zip.getInputStream(parts.get(relsName)); XmlPart xml = new XmlPart(in, null)) {
			xml.root(RELATIONSHIPS_NAMESPACE, "Relationships");
			while (xml.child()) {
				String id = xml.attribute("Id");
				String type = xml.attribute("Type");
				String target = xml.attribute("Target");
				if (!xml.is(RELATIONSHIPS_NAMESPACE, "Relationship") || id == null || type == null || target == null) {
					throw new NotStreamable("relationships: unexpected element or attribute in " + relsName);
				}
				String mode = xml.attribute("TargetMode");
				read.add(new Relation(id, type, target, mode != null && !mode.equalsIgnoreCase("internal")));
				xml.skip();
			}
		}
		if (read.stream().map(Relation::id).distinct().count() < read.size()
				|| read.stream().filter(r -> r.type().equals(PackageRelationshipTypes.CORE_PROPERTIES)).count() > 1) {
			throw new NotStreamable("relationships: an id twice, or two core properties in " + relsName);
		}
		return read;
	}

	/** The relationships of a part ({@code /xl/workbook.xml}), or of the package ({@code /}). */
	List<Relation> relations(String partName) {
		return relations.getOrDefault(partName.toLowerCase(Locale.ROOT), List.of());
	}

	/** The part an internal relationship of {@code source} points to; an external or missing one is not streamable. */
	String target(String source, Relation relation) throws NotStreamable {
		if (relation.external()) {
			throw new NotStreamable("external part " + relation.target());
		}
		String resolved;
		try {
			resolved = URI.create(source).resolve(relation.target()).normalize().getPath();
		}
		catch (IllegalArgumentException ex) {
			throw new NotStreamable("target " + relation.target());
		}
		if (resolved == null || !PLAIN_NAME.matcher(resolved).matches()
				|| !parts.containsKey(resolved.toLowerCase(Locale.ROOT))) {
			throw new NotStreamable("no part " + relation.target());
		}
		return resolved;
	}

	/** The relationships of {@code source} of a type. */
	List<Relation> relations(String source, String type) {
		return relations(source).stream().filter(r -> r.type().equals(type)).toList();
	}

	/** The relationship of {@code source} with that id. */
	Optional<Relation> relation(String source, String id) {
		return relations(source).stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/** A part's bytes, inflated under POI's limits. */
	InputStream stream(String partName) throws IOException {
		return zip.getInputStream(parts.get(partName.toLowerCase(Locale.ROOT)));
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

}
