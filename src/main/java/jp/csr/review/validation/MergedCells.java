package jp.csr.review.validation;

import java.util.Collection;

import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.SheetTable;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * PRODUCT.md §3 v3: input cells merged over several rows of the KPI or 取り組み table are an error. A person sees the
 * first row's value over the merged rows (完了 for I08 and I09), while the workbook holds it in the first cell only:
 * the other rows would be read as empty, which is not what the department reported. The template merges no cell
 * of these tables.
 */
final class MergedCells {

	private MergedCells() {
	}

	/** An error at each range over several rows that touches a column of the table; its other cells go unsaid. */
	static void check(Grid sheet, SheetTable table, Findings findings) {
		Collection<Integer> columns = table.columns().values();
		for (CellRangeAddress range : sheet.merged()) {
			if (range.getLastRow() > range.getFirstRow() && range.getLastRow() >= 1
					&& columns.stream().anyMatch(c -> range.getFirstColumn() <= c && c <= range.getLastColumn())) {
				findings.merged(sheet.name(), range, sheet.name() + "!" + range.formatAsString()
						+ " が結合されています。結合したセルの値は先頭のセルにしかなく、ほかの行は空として読まれます。セルの結合を解除し (ホーム →「セルを結合して中央揃え」→「セル結合の解除」)、行ごとに入力してください");
			}
		}
	}

}
