package jp.csr.review.workbook;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import jp.csr.review.workbook.CellRead.Kind;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * One cell of an OpenDocument spreadsheet ({@link OdsWorkbook}), read once however often it is repeated, and the
 * {@link CellRead} the {@code .xlsx} reader gives for the cell Excel saves of the same content.
 *
 * @param type its {@code office:value-type}, null when it holds no typed value
 * @param value the value of that type, as held
 * @param text its paragraphs, one line each
 * @param formula it holds a formula
 * @param error LibreOffice marked its value an error ({@code #DIV/0!})
 */
record OdsCell(String type, String value, String text, boolean formula, boolean error) {

	boolean holdsValue() {
		return type != null || formula || !text.isEmpty();
	}

	/** What the {@code .xlsx} reader gives for the cell Excel saves of this content. */
	CellRead read(String sheet, int row, int column) {
		OdsCell content = this;
		String address = Cells.address(row, column);
		if (content.error()) {
			return CellRead.unusable(sheet, address, content.text().isEmpty() ? "#N/A" : content.text(), Kind.ERROR_VALUE);
		}
		if (content.type() == null) {
			return content.formula() ? CellRead.withoutResult(sheet, address)
					: new CellRead(sheet, address, content.text(), null, false, null);
		}
		return switch (content.type()) {
			case "float", "percentage", "currency" -> number(sheet, address, content, "percentage".equals(content.type()));
			case "date" -> date(sheet, address, content);
			case "time" -> time(sheet, address, content);
			case "boolean" -> new CellRead(sheet, address, "true".equals(content.value()) ? "TRUE" : "FALSE", null, false,
					null);
			// a formula's text result may be held in office:string-value only
			default -> new CellRead(sheet, address,
					content.text().isEmpty() && content.value() != null ? content.value() : content.text(), null, false,
					null);
		};
	}

	private static CellRead number(String sheet, String address, OdsCell content, boolean percent) {
		double number;
		try {
			number = Double.parseDouble(content.value() == null ? "" : content.value().strip());
		}
		catch (NumberFormatException ex) {
			return CellRead.unusable(sheet, address, content.value() == null ? content.text() : content.value(),
					Kind.BAD_NUMBER);
		}
		if (!Double.isFinite(number)) {
			return CellRead.unusable(sheet, address, content.value(), Kind.BAD_NUMBER);
		}
		return Cells.number(sheet, address, number, percent, null, null);
	}

	/** A date cell: Excel holds it as its serial number, date-formatted. */
	private static CellRead date(String sheet, String address, OdsCell content) {
		try {
			String value = content.value().strip();
			LocalDateTime date = value.length() <= 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
			double serial = DateUtil.getExcelDate(date);
			if (serial < 0) {
				return new CellRead(sheet, address, content.text(), null, false, null);
			}
			return Cells.number(sheet, address, serial, false, DateUtil.getLocalDateTime(serial), null);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return new CellRead(sheet, address, content.text(), null, false, null);
		}
	}

	/** A time cell: Excel holds it as a fraction of a day, date-formatted. */
	private static CellRead time(String sheet, String address, OdsCell content) {
		try {
			Duration duration = Duration.parse(content.value().strip());
			double serial = duration.toNanos() / 86_400e9;
			return Cells.number(sheet, address, serial, false, DateUtil.getLocalDateTime(serial), null);
		}
		catch (DateTimeParseException | NullPointerException | ArithmeticException ex) {
			return new CellRead(sheet, address, content.text(), null, false, null);
		}
	}

}
