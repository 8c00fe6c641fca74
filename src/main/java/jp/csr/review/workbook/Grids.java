package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grids of a workbook POI's usermodel opened ({@link WorkbookOpener}): {@code .xls} files and whatever the
 * streaming reader leaves to the usermodel. Every cell is read with {@link Cells#read}, so a check reads the same
 * values whichever reader read the file.
 */
final class Grids {

	private static final Logger log = LoggerFactory.getLogger(Grids.class);

	private Grids() {
	}

	/** Every sheet, in workbook order. */
	public static List<Grid> of(Workbook workbook) {
		return of(workbook, name -> true);
	}

	/** Every sheet, in workbook order; those whose normalised name {@code wanted} refuses by name and visibility alone. */
	static List<Grid> of(Workbook workbook, Predicate<String> wanted) {
		List<Grid> sheets = new ArrayList<>();
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
			String name = workbook.getSheetName(i);
			sheets.add(wanted.test(Text.normalize(name)) ? read(workbook.getSheetAt(i), hidden) : new Grid(name, hidden));
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
		merged(sheet, grid);
		for (Row row : sheet) {
			for (Cell cell : row) {
				int r = row.getRowNum();
				int c = cell.getColumnIndex();
				try {
					grid.put(r, c, Cells.read(sheet.getSheetName(), r, c, cell));
				}
				catch (RuntimeException ex) {
					// thrown again where a check reads this cell: a cell POI cannot read fails what reads it, not the sheet
					grid.fail(r, c, ex);
				}
			}
		}
		return grid;
	}

	private static void merged(Sheet sheet, Grid grid) {
		try {
			sheet.getMergedRegions().forEach(grid::merge);
		}
		catch (RuntimeException ex) {
			// a range POI cannot parse merges nothing a person could see
			log.debug("{}: merged ranges unreadable ({})", sheet.getSheetName(), ex.toString());
		}
	}

}
