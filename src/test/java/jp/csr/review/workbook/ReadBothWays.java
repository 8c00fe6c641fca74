package jp.csr.review.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook read by the streaming reader and by POI's usermodel ({@link Cells#read} on every cell, as before
 * the streaming reader existed), compared sheet by sheet and cell by cell.
 */
public final class ReadBothWays {

	private ReadBothWays() {
	}

	/**
	 * Asserts that both read the same sheets (names, order, visibility) and the same {@link CellRead} in every cell.
	 *
	 * @return what was read, for a test to look at particular cells
	 */
	public static Map<String, Object> assertReadAlike(Path file) throws Exception {
		Map<String, Object> opened = opened(file);
		StreamedWorkbook streamed = StreamedWorkbook.read(file);
		assertThat(streamed.excess()).as("%s over the limits", file.getFileName()).isEmpty();
		Map<String, Object> read = describe(streamed.sheets());
		assertThat(read).as("%s streamed, against the usermodel", file.getFileName()).containsExactlyEntriesOf(opened);
		return read;
	}

	/** What POI's usermodel reads. */
	public static Map<String, Object> opened(Path file) throws IOException {
		try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
			return describe(Grids.of(workbook));
		}
	}

	/**
	 * Every sheet ({@code "1 KPI"} → visible or hidden) and every cell holding something ({@code "1 KPI!F2"} →
	 * its {@link CellRead}, or what reading it threw), in workbook, row and column order.
	 */
	static Map<String, Object> describe(List<Grid> sheets) {
		Map<String, Object> read = new LinkedHashMap<>();
		for (int i = 0; i < sheets.size(); i++) {
			Grid sheet = sheets.get(i);
			String key = (i + 1) + " " + sheet.name();
			read.put(key, sheet.hidden() ? "hidden" : "visible");
			if (!sheet.merged().isEmpty()) {
				read.put(key + " merged", sheet.merged().stream().map(CellRangeAddress::formatAsString).toList());
			}
			for (int r : sheet.rows()) {
				for (int c : sheet.columns(r)) {
					Object cell;
					try {
						cell = sheet.cell(r, c);
					}
					catch (RuntimeException ex) {
						cell = "throws " + ex;
					}
					read.put(key + "!" + Cells.address(r, c), cell);
				}
			}
		}
		return read;
	}

}
