package jp.csr.review.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grids of a workbook POI's usermodel opened: {@code .xls} submissions, the plan, and whatever the streaming
 * reader leaves to the usermodel. Every cell is read with {@link Cells#read}, as before grids existed.
 */
public final class Grids {

	private static final Logger log = LoggerFactory.getLogger(Grids.class);

	private Grids() {
	}

	/**
	 * Every sheet of a workbook file, in workbook order: streamed when it is an OOXML workbook the streaming reader
	 * reads whole, else opened with the usermodel, which reads it as it always did or throws what it always threw.
	 */
	public static List<Grid> read(Path file) throws IOException {
		try {
			if (FileMagic.valueOf(file.toFile()) == FileMagic.OOXML) {
				return StreamedWorkbook.readWhole(file);
			}
		}
		catch (Exception ex) {
			log.debug("{}: read with POI's usermodel instead of streamed ({})", file, ex.toString());
		}
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			return of(workbook);
		}
	}

	/** Every sheet, in workbook order. */
	public static List<Grid> of(Workbook workbook) {
		List<Grid> sheets = new ArrayList<>();
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			sheets.add(read(workbook.getSheetAt(i), hidden));
		}
		return sheets;
	}

	/** One sheet of a workbook. */
	public static Grid of(Sheet sheet) {
		Workbook workbook = sheet.getWorkbook();
		int index = workbook.getSheetIndex(sheet);
		return read(sheet, workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index));
	}

	private static Grid read(Sheet sheet, boolean hidden) {
		Grid grid = new Grid(sheet.getSheetName(), hidden);
		for (Row row : sheet) {
			for (Cell cell : row) {
				int r = row.getRowNum();
				int c = cell.getColumnIndex();
				try {
					grid.put(r, c, Cells.read(sheet.getSheetName(), r, c, cell));
				}
				catch (RuntimeException ex) {
					// thrown again where a check reads this cell, as when checks read POI's cells themselves
					grid.fail(r, c, ex);
				}
			}
		}
		return grid;
	}

}
