package jp.csr.review.workbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** A sheet of label in column A, value in column B, any row order (概要, 表紙). */
public final class LabelValueSheet {

	private final Map<String, CellRead> values;

	private LabelValueSheet(Map<String, CellRead> values) {
		this.values = values;
	}

	public static LabelValueSheet of(Sheet sheet) {
		Map<String, CellRead> values = new LinkedHashMap<>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			String label = Cells.read(sheet.getSheetName(), r, 0, row.getCell(0)).normalized();
			if (!label.isEmpty()) {
				values.putIfAbsent(label, Cells.read(sheet.getSheetName(), r, 1, row.getCell(1)));
			}
		}
		return new LabelValueSheet(values);
	}

	/** The value cell of a label; absent when the label is not in column A. */
	public Optional<CellRead> get(String label) {
		return Optional.ofNullable(values.get(label));
	}

}
