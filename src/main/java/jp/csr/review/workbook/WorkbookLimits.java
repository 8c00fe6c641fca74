package jp.csr.review.workbook;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * How much a submission workbook may hold before it is refused unopened. A department's share of the plan
 * is a few hundred rows; a sheet filled down to Excel's last row (a column of "-" dragged to the bottom)
 * would take POI's usermodel gigabytes and minutes to open, and would give a million issues nobody reads.
 * The sheets are counted with a streaming pass first, in bounded memory.
 */
public final class WorkbookLimits {

	/** Rows holding at least one value, per sheet. */
	public static final int MAX_ROWS = 10_000;

	/** Cells holding a value, per sheet. */
	public static final int MAX_CELLS = 200_000;

	private WorkbookLimits() {
	}

	/**
	 * A sheet over the limits.
	 *
	 * @param empties whether empty cells and rows that carry only a format were counted too
	 */
	public record Excess(String sheet, String what, int limit, boolean empties) {

		public Excess(String sheet, String what, int limit) {
			this(sheet, what, limit, false);
		}

		/** For the department: what is too much, and what to do. */
		public String message() {
			if (empties) {
				return "シート「" + sheet + "」の" + what + "が、書式だけの空の" + what + "を含めて上限の"
						+ String.format("%,d", limit) + what + "を超えています。"
						+ "使っていない行・列を削除して (書式のクリアではなく削除) 保存し直してから提出してください";
			}
			return "シート「" + sheet + "」の値の入った" + what + "が上限の" + String.format("%,d", limit) + what
					+ "を超えています。下までコピーした値など不要な行・列を削除して保存し直してから提出してください";
		}

	}

	/**
	 * The first sheet over the limits, counted before POI's usermodel opens the file ({@link WorkbookOpener} for
	 * reading it; the annotated copy for editing it). Empty when every sheet is within them, and also when the file
	 * is not an OOXML workbook at all ({@code .xls}, encrypted, broken): opening it fully then says why.
	 */
	public static Optional<Excess> check(Path file) {
		return check(file, Counter::new, name -> true);
	}

	/** As {@link #check(Path)}, for the sheets whose normalised name {@code wanted} accepts: the others are not read. */
	public static Optional<Excess> check(Path file, Predicate<String> wanted) {
		return check(file, Counter::new, wanted);
	}

	/**
	 * The limits of a workbook to rework, in one streamed pass: the first sheet over the limits of values, as
	 * {@link #check(Path)} tells it (a sheet of values copied down to the last row is told as such, wherever it is);
	 * else the first sheet over them counting every row and cell the sheet's XML holds, empty ones with only a format
	 * too: what POI's usermodel builds an object for when it opens the file to rework it. A sheet of the department's
	 * own that the checks never read may hold millions of them, and the usermodel runs out of memory on it.
	 */
	public static Optional<Excess> checkEditable(Path file) {
		ValuesThenEveryCell count = new ValuesThenEveryCell();
		return check(file, count::sheet, name -> true).or(() -> Optional.ofNullable(count.everyCell));
	}

	private static Optional<Excess> check(Path file, Function<String, ElementCounter> counters,
			Predicate<String> wanted) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					if (!wanted.test(Text.normalize(sheets.getSheetName()))) {
						continue;
					}
					Optional<Excess> excess = count(counters.apply(sheets.getSheetName()), in);
					if (excess.isPresent()) {
						return excess;
					}
				}
			}
			return Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** Counts a sheet's start elements ({@link #count}) as they stream by. */
	private static Optional<Excess> count(ElementCounter counter, InputStream in) throws Exception {
		// POI's factory: external entities and DOCTYPEs are refused
		XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT) {
					Optional<Excess> excess = counter.start(xml.getLocalName());
					if (excess.isPresent()) {
						return excess;
					}
				}
			}
			return Optional.empty();
		}
		finally {
			xml.close();
		}
	}

	/**
	 * Counts value cells ({@code <c>} holding a {@code <v>}, an inline {@code <is>} or a formula {@code <f>}:
	 * a formula without a saved result is still something the department put there) and their rows, from
	 * the local names of a sheet's start elements in document order. The streaming reader counts with it
	 * while it reads, so both refuse the same sheets.
	 */
	/** Counts a sheet from the local names of its start elements in document order. */
	private interface ElementCounter {

		/** The sheet's excess once this start element makes it too big. */
		Optional<Excess> start(String localName);

	}

	/**
	 * Both counts at once, sheet after sheet: an excess of values ends the pass; the first excess of every cell is
	 * kept while the values of the sheets after it are still counted.
	 */
	private static final class ValuesThenEveryCell {

		private Excess everyCell;

		ElementCounter sheet(String name) {
			Counter values = new Counter(name);
			EveryCell cells = new EveryCell(name);
			return localName -> {
				Optional<Excess> excess = values.start(localName);
				if (excess.isEmpty() && everyCell == null) {
					everyCell = cells.start(localName).orElse(null);
				}
				return excess;
			};
		}

	}

	/** Every {@code <row>} and every {@code <c>}, whatever they hold. */
	private static final class EveryCell implements ElementCounter {

		private final String sheet;

		private int rows;

		private int cells;

		EveryCell(String sheet) {
			this.sheet = sheet;
		}

		@Override
		public Optional<Excess> start(String localName) {
			if ("row".equals(localName) && ++rows > MAX_ROWS) {
				return Optional.of(new Excess(sheet, "行", MAX_ROWS, true));
			}
			if ("c".equals(localName) && ++cells > MAX_CELLS) {
				return Optional.of(new Excess(sheet, "セル", MAX_CELLS, true));
			}
			return Optional.empty();
		}

	}

	static final class Counter implements ElementCounter {

		private final String sheet;

		private int rows;

		private int cells;

		private boolean rowCounted;

		private boolean cellCounted;

		Counter(String sheet) {
			this.sheet = sheet;
		}

		@Override
		public Optional<Excess> start(String localName) {
			switch (localName) {
				case "row" -> rowCounted = false;
				case "c" -> cellCounted = false;
				case "v", "is", "f" -> {
					if (!cellCounted) {
						cellCounted = true;
						if (++cells > MAX_CELLS) {
							return Optional.of(new Excess(sheet, "セル", MAX_CELLS));
						}
						if (!rowCounted) {
							rowCounted = true;
							if (++rows > MAX_ROWS) {
								return Optional.of(new Excess(sheet, "行", MAX_ROWS));
							}
						}
					}
				}
				default -> {
				}
			}
			return Optional.empty();
		}

	}

}
