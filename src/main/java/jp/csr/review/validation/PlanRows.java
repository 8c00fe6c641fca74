package jp.csr.review.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.Text;

/**
 * A submission row against the plan row it names: the KPI and 取り組み sheets are the plan's rows, handed out with
 * copies of the plan's values for the department to read.
 */
final class PlanRows {

	private PlanRows() {
	}

	/** The plan row a submission row names, when the ID is known, the department's, and not repeated. */
	static <T> Optional<T> identify(TableRow row, String idColumn, Function<String, Optional<T>> lookup,
			Function<T, String> departmentOf, String code, Set<String> seen, Findings findings) {
		CellRead idCell = row.get(idColumn);
		String id = idCell.normalized();
		if (id.isEmpty()) {
			throw new IllegalArgumentException("a row without an ID is told by withoutId: " + idCell.reference());
		}
		Optional<T> item = lookup.apply(id);
		if (item.isEmpty()) {
			findings.error(idCell, idColumn + "「" + idCell.text() + "」は行動計画にありません");
			return Optional.empty();
		}
		if (!departmentOf.apply(item.get()).equals(code)) {
			findings.error(idCell, idColumn + "「" + id + "」は部署 " + code + " の担当ではありません (担当: "
					+ departmentOf.apply(item.get()) + ")");
			return Optional.empty();
		}
		if (!seen.add(id)) {
			findings.error(idCell, idColumn + "「" + id + "」が2回以上あります");
			return Optional.empty();
		}
		return item;
	}

	/** A row without an ID: told by {@link #withoutId} once every row with one is read. */
	static boolean hasNoId(TableRow row, String idColumn) {
		return row.text(idColumn).isEmpty();
	}

	/**
	 * Rows without an ID, told for what the department did (PRODUCT.md §3): a row whose plan text is that of a plan
	 * row no other row names had its ID deleted; with every plan row there, a row was added; else either may be.
	 *
	 * @param missing the department's plan rows no row names, in plan order
	 * @return the plan rows whose deleted ID was told: their missing row is no news
	 */
	static <T> Set<T> withoutId(List<TableRow> rows, String idColumn, String textColumn, List<T> missing,
			Function<T, String> idOf, Function<T, String> textOf, Findings findings) {
		Set<T> told = new HashSet<>();
		for (TableRow row : rows) {
			CellRead idCell = row.get(idColumn);
			Optional<T> deleted = missing.stream()
				.filter(item -> !told.contains(item) && Text.normalize(textOf.apply(item)).equals(row.text(textColumn)))
				.findFirst();
			if (deleted.isPresent()) {
				told.add(deleted.get());
				String id = idOf.apply(deleted.get());
				findings.error(idCell, idColumn + "が消されています。この行は行動計画の " + id + " (" + textOf.apply(deleted.get())
						+ ") の行です: " + idColumn + "に「" + id + "」を入力し直してください");
			}
			else if (missing.isEmpty()) {
				findings.error(idCell, "行が追加されています (" + idColumn + "のない行)。様式にない行は読み込めないため、この行を削除してください"
						+ " (補足は配布された行の「備考」に書けます)");
			}
			else {
				findings.error(idCell, idColumn + "が空です。配布された行であれば" + idColumn + "を元に戻し (行のない" + idColumn + ": "
						+ String.join(", ", missing.stream().map(idOf).toList()) + ")、追加した行であれば削除してください");
			}
		}
		return told;
	}

	/** The plan's values win; a department that changed a copy is told so. */
	static void changed(TableRow row, String label, String planValue, Findings findings) {
		if (row.cells().containsKey(label) && !findings.unreadable(row.get(label)) && !row.text(label).equals(planValue)) {
			findings.warning(row.get(label), label + "「" + row.get(label).text() + "」が行動計画の値と異なります。行動計画の値「" + planValue
					+ "」を使います");
		}
	}

}
