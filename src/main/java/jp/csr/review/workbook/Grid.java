package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.ss.util.CellRangeAddress;

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

	/**
	 * 0-based row → its cells by 0-based column: {@link CellRead}, or the {@link RuntimeException} reading it threw.
	 * A large group's plan holds a million cells: a map per row would take more memory than the cells.
	 */
	private final NavigableMap<Integer, Row> rows = new TreeMap<>();

	/** Merged cells: a person sees the first cell's value over the range, a reader finds the others empty. */
	private final List<CellRangeAddress> merged = new ArrayList<>();

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
		Row cells = rows.get(row);
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
		Row cells = rows.get(row);
		return cells == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(cells.columns());
	}

	/**
	 * Keeps a cell, replacing what the same position held (a later cell element of one address wins, as in
	 * POI's usermodel). An empty cell is not kept: it reads the same as none.
	 */
	void put(int row, int column, CellRead cell) {
		if (!cell.equals(CellRead.empty(name, cell.address()))) {
			rows.computeIfAbsent(row, r -> new Row()).put(column, cell);
			return;
		}
		Row cells = rows.get(row);
		if (cells != null && cells.remove(column) && cells.isEmpty()) {
			rows.remove(row);
		}
	}

	/**
	 * The sheet's merged ranges, as the workbook lists them: Excel shows the first cell's value over the whole range,
	 * while every other cell of it holds nothing.
	 */
	public List<CellRangeAddress> merged() {
		return Collections.unmodifiableList(merged);
	}

	void merge(CellRangeAddress range) {
		merged.add(range);
	}

	/** A cell whose reading threw: thrown again when the cell is read. */
	void fail(int row, int column, RuntimeException failure) {
		rows.computeIfAbsent(row, r -> new Row()).put(column, failure);
	}

	/** Forgets a row: a later row element of the same number replaces it whole, as in POI's usermodel. */
	void clear(int row) {
		rows.remove(row);
	}

	/** A row's cells, by ascending column in two arrays. */
	private static final class Row {

		private int[] columns = new int[4];

		private Object[] cells = new Object[4];

		private int size;

		Object get(int column) {
			int i = Arrays.binarySearch(columns, 0, size, column);
			return i >= 0 ? cells[i] : null;
		}

		void put(int column, Object cell) {
			int i = Arrays.binarySearch(columns, 0, size, column);
			if (i >= 0) {
				cells[i] = cell;
				return;
			}
			int at = -i - 1;
			if (size == columns.length) {
				columns = Arrays.copyOf(columns, size * 2);
				cells = Arrays.copyOf(cells, size * 2);
			}
			System.arraycopy(columns, at, columns, at + 1, size - at);
			System.arraycopy(cells, at, cells, at + 1, size - at);
			columns[at] = column;
			cells[at] = cell;
			size++;
		}

		boolean remove(int column) {
			int i = Arrays.binarySearch(columns, 0, size, column);
			if (i < 0) {
				return false;
			}
			System.arraycopy(columns, i + 1, columns, i, size - i - 1);
			System.arraycopy(cells, i + 1, cells, i, size - i - 1);
			size--;
			cells[size] = null;
			return true;
		}

		boolean isEmpty() {
			return size == 0;
		}

		NavigableSet<Integer> columns() {
			NavigableSet<Integer> set = new TreeSet<>();
			for (int i = 0; i < size; i++) {
				set.add(columns[i]);
			}
			return set;
		}

	}

	@Override
	public String toString() {
		return name + (hidden ? " (hidden)" : "") + ": " + rows.size() + " rows";
	}

}
