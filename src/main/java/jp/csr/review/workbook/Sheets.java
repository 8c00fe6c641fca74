package jp.csr.review.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sheets of a workbook file, each read when asked for by name and not kept: the plan of a group of 10,000
 * departments holds a million cells, which as one list of grids would fill a 256 MB heap. Streamed when the file
 * is an OOXML workbook the streaming reader reads; else (or as soon as a sheet is not streamable) opened whole with
 * POI's usermodel, as {@link Grids#read} does.
 */
public final class Sheets implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Sheets.class);

	private final Path file;

	/** The streamed workbook, until it meets what only the usermodel reads. */
	private StreamedWorkbook.Opened streamed;

	/** The usermodel's grids, once needed. */
	private List<Grid> opened;

	private Sheets(Path file, StreamedWorkbook.Opened streamed) {
		this.file = file;
		this.streamed = streamed;
	}

	public static Sheets open(Path file) throws IOException {
		try {
			if (FileMagic.valueOf(file.toFile()) == FileMagic.OOXML) {
				return new Sheets(file, StreamedWorkbook.Opened.of(file));
			}
		}
		catch (Exception ex) {
			log.debug("{}: read with POI's usermodel instead of streamed ({})", file, ex.toString());
		}
		Sheets sheets = new Sheets(file, null);
		sheets.opened = Grids.read(file);
		return sheets;
	}

	/**
	 * The first sheet, in workbook order, whose normalised name is {@code name} (PRODUCT.md §4), read now; as
	 * {@link Grid#named}.
	 */
	public Optional<Grid> named(String name) throws IOException {
		if (streamed != null) {
			Optional<WorkbookXml.Sheet> sheet = streamed.sheets().stream()
				.filter(s -> Text.normalize(s.name()).equals(name))
				.findFirst();
			try {
				return sheet.isEmpty() ? Optional.empty() : Optional.of(streamed.read(sheet.get(), false));
			}
			catch (Exception ex) {
				log.debug("{}: read with POI's usermodel instead of streamed ({})", file, ex.toString());
				streamed.close();
				streamed = null;
				opened = Grids.read(file);
			}
		}
		return Grid.named(opened, name);
	}

	@Override
	public void close() throws IOException {
		if (streamed != null) {
			streamed.close();
		}
	}

}
