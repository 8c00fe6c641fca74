package jp.csr.review.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.csr.review.workbook.CellRead;

/**
 * Labels (known columns, 表紙 rows) that more than one cell gives. Which cell the department meant is a guess, so
 * the label is read from none of them.
 */
final class DuplicateLabels {

	private DuplicateLabels() {
	}

	/**
	 * An error at the second cell of each label read that more than one cell gives, naming them all; a label
	 * formula without a result is an error too.
	 *
	 * @param message the error with the label, the number of cells and their addresses to fill in
	 * @return the labels not to read
	 */
	static Set<String> reported(List<CellRead> labels, Map<String, List<CellRead>> duplicates, List<String> read,
			String message, Findings findings) {
		labels.forEach(findings::withoutResult);
		Map<String, List<CellRead>> twice = new LinkedHashMap<>(duplicates);
		twice.keySet().retainAll(read);
		twice.forEach((label, cells) -> findings.error(cells.get(1), String.format(message, label, cells.size(),
				cells.stream().map(CellRead::address).collect(Collectors.joining(", ")))));
		return twice.keySet();
	}

}
