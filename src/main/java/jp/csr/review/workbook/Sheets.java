package jp.csr.review.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sheets of a workbook file ({@link WorkbookOpener#sheets}), each read when asked for by name and not kept: the
 * plan of a group of 10,000 departments holds a million cells, which as one list of grids would fill a 256 MB heap.
 * Streamed while the streaming reader reads the sheets asked for; as soon as one is not streamable, the whole
 * workbook is read by POI's usermodel instead.
 */
public final class Sheets implements AutoCloseable {

	private final Path file;

	private final WorkbookOpener opener;

	/** The streamed workbook, until it meets what only the usermodel reads. */
	private StreamedWorkbook.Opened streamed;

	/** The usermodel's grids, once needed. */
	private List<Grid> opened;

	Sheets(Path file, StreamedWorkbook.Opened streamed, WorkbookOpener opener) {
		this.file = file;
		this.streamed = streamed;
		this.opener = opener;
	}

	/** Sheets the usermodel read. */
	Sheets(List<Grid> opened) {
		this(null, null, null);
		this.opened = opened;
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
				WorkbookOpener.fellBack(file, ex);
				streamed.close();
				streamed = null;
				opened = opener.usermodel(file);
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
