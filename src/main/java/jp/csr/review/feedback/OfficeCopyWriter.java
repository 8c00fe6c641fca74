package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import jp.csr.review.workbook.FileReplacement;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotated copy of a file the office sent back (PRODUCT.md §11): the department's own accepted workbook with
 * each row comment of the office as a comment on the row's ID cell (KPI ID or 取り組みID), marked as the copies of
 * rejected files are, and the general comment first on 差戻し内容. A row the workbook does not show (an ID it has
 * no row for) is listed without a cell.
 */
final class OfficeCopyWriter {

	private static final Logger log = LoggerFactory.getLogger(OfficeCopyWriter.class);

	/**
	 * What the office's comments are labelled with, in the cell comments (【事務局】) and the list's first column: the
	 * department sees it is the office speaking, not a check of the file.
	 */
	static final String OFFICE = "事務局";

	private static final Function<Issue, String> BY_THE_OFFICE = issue -> OFFICE;

	static final String FIX_AND_SEND_AGAIN = "CSR事務局の確認で差戻しになりました。赤いセルのコメントと下の一覧の指摘に沿って直し、"
			+ "このブックを保存して、もう一度提出してください。";

	/** The office's comments on one file, as the store recorded them. */
	record OfficeComments(String comment, String reviewer, List<RowNote> rows) {
	}

	/** A comment on the row of one KPI or initiative. */
	record RowNote(String itemId, String comment) {
	}

	/**
	 * Writes the copy of {@code original} (only read) to {@code target}, through a temporary file.
	 *
	 * @return false, writing nothing, when the original cannot be opened
	 */
	boolean write(Path original, OfficeComments office, Path target) throws IOException {
		String fileName = target.getFileName().toString();
		WorkbookOpener.Editable editable = WorkbookOpener.editable(original);
		if (editable instanceof WorkbookOpener.Editable.Unopened) {
			return false;
		}
		if (editable instanceof WorkbookOpener.Editable.Opened opened) {
			try (Workbook workbook = opened.workbook()) {
				List<Issue> issues = issues(workbook, fileName, office);
				CellMarks marks = new CellMarks(workbook);
				IssueListSheet list = new IssueListSheet(workbook, fileName, BY_THE_OFFICE);
				marks.undoEarlierRound();
				list.removeEarlier();
				marks.mark(issues, BY_THE_OFFICE);
				list.write(heading(fileName, issues), issues, 0, notes(office));
				if (workbook instanceof XSSFWorkbook xssf) {
					OpaqueColors.repair(xssf);
				}
				FileReplacement.write(target.toAbsolutePath(), workbook::write);
				return true;
			}
			catch (RuntimeException ex) {
				log.warn("{} に事務局の指摘を書き込めないため、指摘の一覧のみの写しを作ります", fileName, ex);
			}
		}
		// too large to open, an OpenDocument file, or one POI cannot rework: the list alone still says what to fix
		String lower = fileName.toLowerCase(Locale.ROOT);
		try (Workbook list = lower.endsWith(".xls") ? new HSSFWorkbook()
				: new XSSFWorkbook(lower.endsWith(".xlsm") ? XSSFWorkbookType.XLSM : XSSFWorkbookType.XLSX)) {
			List<Issue> issues = issues(list, fileName, office);
			new IssueListSheet(list, fileName, BY_THE_OFFICE).write(heading(fileName, issues), issues, 0, notes(office));
			FileReplacement.write(target.toAbsolutePath(), list::write);
		}
		return true;
	}

	private static String heading(String fileName, List<Issue> issues) {
		return "「" + fileName + "」は事務局の確認で差戻しになりました (指摘 " + issues.size() + "件)";
	}

	private static List<String> notes(OfficeComments office) {
		String by = office.reviewer() == null || office.reviewer().isBlank() ? "" : "確認者: " + office.reviewer();
		return by.isEmpty() ? List.of(FIX_AND_SEND_AGAIN) : List.of(FIX_AND_SEND_AGAIN, by);
	}

	/** The general comment first (on no cell), then each row comment on its ID cell when the workbook has the row. */
	static List<Issue> issues(Workbook workbook, String fileName, OfficeComments office) {
		List<Issue> issues = new ArrayList<>();
		if (office.comment() != null && !office.comment().isBlank()) {
			issues.add(new Issue(Severity.ERROR, fileName, "", "", office.comment()));
		}
		for (RowNote row : office.rows()) {
			Optional<Cell> cell = idCell(workbook, row.itemId());
			issues.add(cell.map(c -> new Issue(Severity.ERROR, fileName, c.getSheet().getSheetName(),
					c.getAddress().formatAsString(), row.comment()))
				.orElseGet(() -> new Issue(Severity.ERROR, fileName, "", "", row.itemId() + ": " + row.comment())));
		}
		return issues;
	}

	/** The cell holding exactly the ID on the KPI or 取り組み sheet: the row the office commented on. */
	private static Optional<Cell> idCell(Workbook workbook, String id) {
		for (String name : List.of(SubmissionFormat.KPI, SubmissionFormat.INITIATIVES)) {
			Sheet sheet = workbook.getSheet(name);
			if (sheet == null) {
				continue;
			}
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING && id.equals(cell.getStringCellValue().strip())) {
						return Optional.of(cell);
					}
				}
			}
		}
		return Optional.empty();
	}

}
