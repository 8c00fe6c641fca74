package jp.csr.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The review workbook as a reader sees it, read by header label so that the tests do not depend on
 * the column order of the report sheets.
 */
public final class ReviewWorkbook {

	private final XSSFWorkbook workbook;

	private final DataFormatter formatter = new DataFormatter();

	private ReviewWorkbook(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	public static ReviewWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new ReviewWorkbook(new XSSFWorkbook(in));
		}
	}

	/** Every sheet's name, in order. */
	public List<String> sheetNames() {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	/** Every cell that shows something, as {@code Sheet!A1} → the text shown, for comparing two reviews cell by cell. */
	public Map<String, String> cells() {
		Map<String, String> cells = new LinkedHashMap<>();
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					String shown = formatter.formatCellValue(cell);
					if (!shown.isEmpty()) {
						cells.put(sheet.getSheetName() + "!" + cell.getAddress(), shown);
					}
				}
			}
		}
		return cells;
	}

	/** The sheet itself, for what a table does not show (charts, panes). */
	public XSSFSheet sheet(String name) {
		return workbook.getSheet(name);
	}

	/** Rows of a sheet whose row 1 holds the labels (KPI達成状況, 提出状況, 検証結果), as label → shown text. */
	public List<Map<String, String>> table(String sheetName) {
		Sheet sheet = workbook.getSheet(sheetName);
		Row header = sheet.getRow(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (Cell label : header) {
				Cell cell = row.getCell(label.getColumnIndex());
				values.put(label.getStringCellValue(), cell == null ? "" : formatter.formatCellValue(cell));
			}
			rows.add(values);
		}
		return rows;
	}

	/** The row of a table whose {@code column} shows {@code value}. */
	public Map<String, String> row(String sheetName, String column, String value) {
		return table(sheetName).stream()
			.filter(r -> value.equals(r.get(column)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(sheetName + " has no row with " + column + " = " + value));
	}

	/**
	 * 振り返り: the text of {@code column} (0-based) in the row whose column B (コミットメント) is
	 * {@code commitment}; the merged cells hold their text in their first row.
	 */
	Optional<String> review(String commitment, int column) {
		Sheet sheet = workbook.getSheet("振り返り");
		for (Row row : sheet) {
			Cell b = row.getCell(1);
			if (b != null && commitment.equals(formatter.formatCellValue(b))) {
				Cell cell = row.getCell(column);
				return Optional.of(cell == null ? "" : formatter.formatCellValue(cell));
			}
		}
		return Optional.empty();
	}

	/** 振り返り: the text of {@code column} in the row whose column D (具体的な取り組み) is {@code initiative}. */
	Optional<String> initiativeRow(String initiative, int column) {
		Sheet sheet = workbook.getSheet("振り返り");
		for (Row row : sheet) {
			Cell d = row.getCell(3);
			if (d != null && initiative.equals(formatter.formatCellValue(d))) {
				Cell cell = row.getCell(column);
				return Optional.of(cell == null ? "" : formatter.formatCellValue(cell));
			}
		}
		return Optional.empty();
	}

}
