package jp.csr.review.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;

import jp.csr.review.workbook.WorkbookLimits.Counter;
import jp.csr.review.workbook.WorkbookLimits.Excess;
import jp.csr.review.workbook.XmlPart.Exceeded;
import jp.csr.review.workbook.XmlPart.NotStreamable;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * An {@code .xlsx} or {@code .xlsm} workbook read in one streaming pass: the package opened ({@link OoxmlPackage}), the
 * shared strings and the styles read once, each sheet's XML parsed with StAX into a {@link Grid} that holds
 * exactly the {@link CellRead}s POI's usermodel would give, in a fraction of its time and memory. The sheets
 * are counted against {@link WorkbookLimits} as they are read, so a sheet filled to Excel's last row is
 * refused after its first rows over the limit.
 *
 * <p>What this reader does not know to read as the usermodel would (a strict OOXML workbook, a chart sheet,
 * an unknown cell type, rows out of order around an array formula, a DOCTYPE, a broken package…) it refuses by
 * throwing, and {@link WorkbookOpener} opens the file with the usermodel, which reads it or says why not.
 *
 * @param sheets every sheet in workbook order; empty when a sheet is over the limits
 * @param excess the first sheet over the limits, which stopped the reading
 */
public record StreamedWorkbook(List<Grid> sheets, Optional<Excess> excess) {

	/**
	 * Reads an OOXML workbook, stopping at the first sheet over {@link WorkbookLimits}.
	 *
	 * @throws Exception whenever the usermodel must read it instead: whatever this reader cannot read as it would
	 */
	public static StreamedWorkbook read(Path file) throws Exception {
		return read(file, true, name -> true);
	}

	/**
	 * Reads the sheets of an OOXML workbook whose normalised name {@code wanted} accepts, stopping at the first over
	 * {@link WorkbookLimits}; every other sheet is there by its name and visibility alone, unparsed and unlimited.
	 *
	 * @throws Exception whenever the usermodel must read it instead: whatever this reader cannot read as it would
	 */
	public static StreamedWorkbook read(Path file, Predicate<String> wanted) throws Exception {
		return read(file, true, wanted);
	}

	/**
	 * Reads an OOXML workbook whole, however large: the plan, whose KPI sheet of a large group is over the limits
	 * of a department's submission.
	 *
	 * @throws Exception whenever the usermodel must read it instead: whatever this reader cannot read as it would
	 */
	public static List<Grid> readWhole(Path file) throws Exception {
		return read(file, false, name -> true).sheets();
	}

	private static StreamedWorkbook read(Path file, boolean limited, Predicate<String> wanted) throws Exception {
		try (Opened workbook = Opened.of(file)) {
			List<Grid> sheets = new ArrayList<>();
			for (WorkbookXml.Sheet sheet : workbook.sheets()) {
				if (!wanted.test(Text.normalize(sheet.name()))) {
					sheets.add(new Grid(sheet.name(), sheet.hidden()));
					continue;
				}
				try {
					sheets.add(workbook.read(sheet, limited));
				}
				catch (Exceeded ex) {
					return new StreamedWorkbook(List.of(), Optional.of(ex.excess));
				}
			}
			return new StreamedWorkbook(List.copyOf(sheets), Optional.empty());
		}
	}

	/**
	 * A workbook opened, its shared strings and styles read, whose sheets are read one at a time when asked for
	 * ({@link Sheets}): a large group's plan does not fit a small heap as a whole.
	 */
	static final class Opened implements AutoCloseable {

		private final OoxmlPackage pkg;

		private final String workbookPart;

		private final WorkbookXml workbook;

		private final SheetXml.Context context;

		private Opened(OoxmlPackage pkg, String workbookPart, WorkbookXml workbook, SheetXml.Context context) {
			this.pkg = pkg;
			this.workbookPart = workbookPart;
			this.workbook = workbook;
			this.context = context;
		}

		/** @throws Exception whenever the usermodel must read it instead */
		static Opened of(Path file) throws Exception {
			OoxmlPackage pkg = OoxmlPackage.open(file);
			try {
				List<OoxmlPackage.Relation> core = pkg.relations("/", PackageRelationshipTypes.CORE_DOCUMENT);
				if (core.isEmpty()) {
					// strict OOXML, or no workbook at all
					throw new NotStreamable("no transitional office document");
				}
				String workbookPart = pkg.target("/", core.get(0));
				WorkbookXml workbook;
				try (InputStream in = pkg.stream(workbookPart); XmlPart xml = new XmlPart(in, null)) {
					workbook = WorkbookXml.read(xml);
				}
				CellStyles styles = CellStyles.NONE;
				Optional<String> stylesPart = single(pkg, workbookPart, XSSFRelation.STYLES);
				if (stylesPart.isPresent()) {
					try (InputStream in = pkg.stream(stylesPart.get()); XmlPart xml = new XmlPart(in, null)) {
						styles = CellStyles.read(xml);
					}
				}
				List<String> strings = List.of();
				Optional<String> stringsPart = single(pkg, workbookPart, XSSFRelation.SHARED_STRINGS);
				if (stringsPart.isPresent()) {
					try (InputStream in = pkg.stream(stringsPart.get()); XmlPart xml = new XmlPart(in, null)) {
						strings = sharedStrings(xml);
					}
				}
				return new Opened(pkg, workbookPart, workbook,
						new SheetXml.Context(strings, styles, workbook.date1904()));
			}
			catch (Exception ex) {
				pkg.close();
				throw ex;
			}
		}

		/** Every sheet in workbook order. */
		List<WorkbookXml.Sheet> sheets() {
			return workbook.sheets();
		}

		/** One sheet, counted against {@link WorkbookLimits} when {@code limited}. */
		Grid read(WorkbookXml.Sheet sheet, boolean limited) throws Exception {
			String part = worksheet(pkg, workbookPart, sheet.relationId());
			Counter counter = limited ? new Counter(sheet.name()) : null;
			try (InputStream in = pkg.stream(part); XmlPart xml = new XmlPart(in, counter)) {
				return new SheetXml(sheet.name(), sheet.hidden(), context).read(xml);
			}
		}

		@Override
		public void close() throws IOException {
			pkg.close();
		}

	}

	/** The one part of that kind the workbook names; none, or several of which POI's usermodel keeps the last, are refused. */
	private static Optional<String> single(OoxmlPackage pkg, String workbook, XSSFRelation kind) throws NotStreamable {
		List<OoxmlPackage.Relation> relations = pkg.relations(workbook, kind.getRelation());
		if (relations.isEmpty()) {
			return Optional.empty();
		}
		if (relations.size() > 1) {
			throw new NotStreamable(relations.size() + " relationships of type " + kind.getRelation());
		}
		return Optional.of(pkg.target(workbook, relations.get(0)));
	}

	/** A worksheet's part; a chart sheet, a dialog sheet or a missing part is left to the usermodel. */
	private static String worksheet(OoxmlPackage pkg, String workbook, String relationId) throws NotStreamable {
		Optional<OoxmlPackage.Relation> relation = relationId == null ? Optional.empty()
				: pkg.relation(workbook, relationId);
		if (relation.isEmpty() || !XSSFRelation.WORKSHEET.getRelation().equals(relation.get().type())) {
			throw new NotStreamable("sheet " + relationId + " is no worksheet of the package");
		}
		return pkg.target(workbook, relation.get());
	}

	/** The shared strings' texts by index ({@code <sst><si>…}). */
	private static List<String> sharedStrings(XmlPart xml) throws XMLStreamException, NotStreamable, Exceeded {
		xml.root("sst");
		List<String> strings = new ArrayList<>();
		while (xml.child()) {
			if (xml.is("si")) {
				strings.add(RichText.read(xml));
			}
			else {
				xml.skip();
			}
		}
		return strings;
	}

}
