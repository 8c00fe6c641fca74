package jp.csr.review.workbook;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One sheet as read, whatever read it (the streaming reader for {@code .xlsx}, POI's usermodel for {@code .xls}
 * and the plan): its name, whether it is hidden, and the cells that hold something. The checks work on grids
 * only, so there is one set of rules however a workbook was read.
 *
 * <p>A cell POI's usermodel could not read ({@link Cells#read} threw) is kept as that failure and thrown again
 * when the cell is read, so a check that reads it fails where it failed before grids existed, and one that
 * never reads it does not fail at all.
 */
public final class Grid {

	private final String name;

	private final boolean hidden;

	/** 0-based row → 0-based column → {@link CellRead}, or the {@link RuntimeException} reading it threw. */
	private final NavigableMap<Integer, NavigableMap<Integer, Object>> rows = new TreeMap<>();

	Grid(String name, boolean hidden) {
		this.name = name;
		this.hidden = hidden;
	}

	/** The sheet of that normalised name (PRODUCT.md §4), if any; the first when several are. */
	public static Optional<Grid> named(List<Grid> sheets, String name) {
		return allNamed(sheets, name).stream().findFirst();
	}

	/**
	 * Every sheet whose normalised name equals {@code name}, in workbook order, hidden ones included:
	 * {@code KPI} and a hidden {@code ＫＰＩ} are one name, and reading either would be a guess.
	 */
	public static List<Grid> allNamed(List<Grid> sheets, String name) {
		return sheets.stream().filter(s -> Text.normalize(s.name()).equals(name)).toList();
	}

	/** The sheet's name as in the workbook. */
	public String name() {
		return name;
	}

	/** Hidden or very hidden: the department does not see it in Excel. */
	public boolean hidden() {
		return hidden;
	}

	/** The cell as read; {@link CellRead#empty} where nothing is. */
	public CellRead cell(int row, int column) {
		NavigableMap<Integer, Object> cells = rows.get(row);
		Object cell = cells == null ? null : cells.get(column);
		if (cell instanceof RuntimeException failure) {
			throw failure;
		}
		return cell == null ? CellRead.empty(name, Cells.address(row, column)) : (CellRead) cell;
	}

	/** 0-based numbers of the rows holding at least one cell, ascending. */
	public NavigableSet<Integer> rows() {
		return Collections.unmodifiableNavigableSet(rows.navigableKeySet());
	}

	/** 0-based columns of a row's cells that hold something, ascending. */
	public NavigableSet<Integer> columns(int row) {
		NavigableMap<Integer, Object> cells = rows.get(row);
		return cells == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(cells.navigableKeySet());
	}

	/**
	 * Keeps a cell, replacing what the same position held (a later cell element of one address wins, as in
	 * POI's usermodel). An empty cell is not kept: it reads the same as none.
	 */
	void put(int row, int column, CellRead cell) {
		if (!cell.equals(CellRead.empty(name, cell.address()))) {
			rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, cell);
			return;
		}
		NavigableMap<Integer, Object> cells = rows.get(row);
		if (cells != null && cells.remove(column) != null && cells.isEmpty()) {
			rows.remove(row);
		}
	}

	/** A cell whose reading threw: thrown again when the cell is read. */
	void fail(int row, int column, RuntimeException failure) {
		rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, failure);
	}

	/** Forgets a row: a later row element of the same number replaces it whole, as in POI's usermodel. */
	void clear(int row) {
		rows.remove(row);
	}

	@Override
	public String toString() {
		return name + (hidden ? " (hidden)" : "") + ": " + rows.size() + " rows";
	}

}
