package jp.csr.review.validation;

/**
 * One problem found in a file, named the way a department finds it: sheet and cell, in Japanese,
 * with what was found and what is expected in the message.
 *
 * @param sheet sheet name, or empty when the problem is the file itself
 * @param cell A1 address, or empty when the problem is a whole sheet or file
 */
public record Issue(Severity severity, String file, String sheet, String cell, String message) {

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** {@code KPI!F7} or the sheet alone or nothing, for one-line output. */
	public String where() {
		if (sheet.isEmpty()) {
			return "";
		}
		return cell.isEmpty() ? sheet : sheet + "!" + cell;
	}

	/** {@code [エラー] KPI!F7: …}: the line printed on the console and in logs. */
	public String describe() {
		String where = where();
		return "[" + severity.label() + "] " + (where.isEmpty() ? "" : where + ": ") + message;
	}

}
