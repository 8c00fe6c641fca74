package jp.csr.review.validation;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.SheetTable.TableRow;

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
			findings.error(idCell, idColumn + "が空です (配布された行の" + idColumn + "を消さないでください)");
			return Optional.empty();
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

	/** The plan's values win; a department that changed a copy is told so. */
	static void changed(TableRow row, String label, String planValue, Findings findings) {
		if (row.cells().containsKey(label) && !findings.unreadable(row.get(label)) && !row.text(label).equals(planValue)) {
			findings.warning(row.get(label), label + "「" + row.get(label).text() + "」が行動計画の値と異なります。行動計画の値「" + planValue
					+ "」を使います");
		}
	}

}
