package jp.csr.review.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Sheet;

/** A sheet of label in column A, value in column B, any row order (概要, 表紙). */
public final class LabelValueSheet {

	private final Map<String, CellRead> values;

	private final List<CellRead> labels;

	private LabelValueSheet(Map<String, CellRead> values, List<CellRead> labels) {
		this.values = values;
		this.labels = labels;
	}

	public static LabelValueSheet of(Grid sheet) {
		Map<String, CellRead> values = new LinkedHashMap<>();
		List<CellRead> labels = new ArrayList<>();
		for (int r : sheet.rows()) {
			CellRead label = sheet.cell(r, 0);
			if (!label.isBlank()) {
				labels.add(label);
			}
			if (!label.normalized().isEmpty()) {
				values.putIfAbsent(label.normalized(), sheet.cell(r, 1));
			}
		}
		return new LabelValueSheet(values, List.copyOf(labels));
	}

	/** A sheet of a workbook POI's usermodel opened. */
	public static LabelValueSheet of(Sheet sheet) {
		return of(Grids.of(sheet));
	}

	/** The non-blank cells of column A, those that hold no readable label included. */
	public List<CellRead> labels() {
		return labels;
	}

	/** Labels given by more than one row, each with all its label cells: only the first row would be read. */
	public Map<String, List<CellRead>> duplicates() {
		return SheetTable.duplicates(labels);
	}

	/** The value cell of a label; absent when the label is not in column A. */
	public Optional<CellRead> get(String label) {
		return Optional.ofNullable(values.get(label));
	}

}
