package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet whose row 1 holds column labels (PRODUCT.md §1, §2): columns are found by their normalised
 * label, so they may stand in any order; rows that are blank in every known column are skipped.
 */
public final class SheetTable {

	private final Grid sheet;

	private final Map<String, Integer> columns;

	private final List<CellRead> headers;

	private SheetTable(Grid sheet, Map<String, Integer> columns, List<CellRead> headers) {
		this.sheet = sheet;
		this.columns = columns;
		this.headers = headers;
	}

	public static SheetTable of(Grid sheet) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<CellRead> headers = new ArrayList<>();
		// cells that hold nothing are not in the grid, and would be skipped here
		for (int c : sheet.columns(0)) {
			CellRead cell = sheet.cell(0, c);
			if (!cell.isBlank()) {
				headers.add(cell);
			}
			String label = cell.normalized();
			if (!label.isEmpty()) {
				columns.putIfAbsent(label, c);
			}
		}
		return new SheetTable(sheet, columns, List.copyOf(headers));
	}

	/** A sheet of a workbook POI's usermodel opened. */
	public static SheetTable of(Sheet sheet) {
		return of(Grids.of(sheet));
	}

	/** The same table without some columns: they are not read, and {@link #has} denies them. */
	public SheetTable without(Collection<String> labels) {
		Map<String, Integer> kept = new LinkedHashMap<>(columns);
		kept.keySet().removeAll(labels);
		return new SheetTable(sheet, kept, headers);
	}

	/** The non-blank cells of row 1, in column order, those that hold no readable label included. */
	public List<CellRead> headers() {
		return headers;
	}

	/** Labels given by more than one header cell, each with all its cells: only the first would be read. */
	public Map<String, List<CellRead>> duplicates() {
		return duplicates(headers);
	}

	/** Label cells grouped by normalised label, for the labels more than one cell gives. */
	static Map<String, List<CellRead>> duplicates(List<CellRead> labels) {
		Map<String, List<CellRead>> byLabel = new LinkedHashMap<>();
		for (CellRead label : labels) {
			if (!label.normalized().isEmpty()) {
				byLabel.computeIfAbsent(label.normalized(), l -> new ArrayList<>()).add(label);
			}
		}
		byLabel.values().removeIf(cells -> cells.size() < 2);
		return byLabel;
	}

	public String name() {
		return sheet.name();
	}

	public boolean has(String label) {
		return columns.containsKey(label);
	}

	/** Labels of row 1 in column order; the caller decides which are unknown. */
	public Map<String, Integer> columns() {
		return columns;
	}

	/** Header cell of a label, for messages about the column itself. */
	public String headerAddress(String label) {
		Integer c = columns.get(label);
		return c == null ? "1" : CellReference.convertNumToColString(c) + "1";
	}

	/** Data rows (row 2 on) that have something in at least one of {@code labels}. */
	public List<TableRow> rows(List<String> labels) {
		List<TableRow> rows = new ArrayList<>();
		// a row the grid does not hold is blank in every column
		for (int r : sheet.rows().tailSet(1)) {
			TableRow row = row(r, labels);
			if (!row.isBlank()) {
				rows.add(row);
			}
		}
		return rows;
	}

	private TableRow row(int r, List<String> labels) {
		Map<String, CellRead> cells = new LinkedHashMap<>();
		for (String label : labels) {
			Integer c = columns.get(label);
			if (c != null) {
				cells.put(label, sheet.cell(r, c));
			}
		}
		return new TableRow(sheet.name(), r + 1, cells);
	}

	/**
	 * A data row.
	 *
	 * @param number 1-based row number, as a person reads it
	 */
	public record TableRow(String sheet, int number, Map<String, CellRead> cells) {

		public CellRead get(String label) {
			CellRead cell = cells.get(label);
			return cell != null ? cell : CellRead.empty(sheet, "?" + number);
		}

		public String text(String label) {
			return get(label).normalized();
		}

		boolean isBlank() {
			return cells.values().stream().allMatch(CellRead::isBlank);
		}

	}

}
