package jp.csr.review.office;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.csr.review.plan.Plan;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.OfficeDecisions.Decision;
import jp.csr.review.store.OfficeDecisions.Issue;
import jp.csr.review.store.OfficeDecisions.RowComment;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.Text;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads one of the office's workbooks (PRODUCT.md §11) from its bytes, never the file itself again: its decisions
 * and row comments, and what is wrong in it, each row on its own (a bad row never stops the others).
 */
final class DecisionBookReader {

	private final Plan plan;

	DecisionBookReader(Plan plan) {
		this.plan = plan;
	}

	/** What one workbook holds. */
	record Reading(List<Decision> decisions, List<RowComment> comments, List<Issue> issues) {
	}

	/**
	 * @param name the workbook's name as the office sees it (relative to its folder)
	 * @param modified the workbook's modification time: when its decisions were made
	 */
	Reading read(String name, byte[] bytes, String sha256, Instant modified) {
		List<Decision> decisions = new ArrayList<>();
		List<RowComment> comments = new ArrayList<>();
		List<Issue> issues = new ArrayList<>();
		Optional<SheetTable> sheet;
		Optional<SheetTable> commentSheet;
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			sheet = table(workbook, DecisionBook.SHEET);
			commentSheet = table(workbook, DecisionBook.COMMENTS);
		}
		catch (Exception | LinkageError ex) {
			issues.add(new Issue(name, "", "", "", "エラー", "事務局確認ブックとして読み込めませんでした ("
					+ ex.getClass().getSimpleName() + ")。Excel ブック (*.xlsx) として保存してください"));
			return new Reading(decisions, comments, issues);
		}
		if (sheet.isEmpty()) {
			issues.add(new Issue(name, "", DecisionBook.SHEET, "", "エラー",
					"シート「" + DecisionBook.SHEET + "」がありません。事務局確認ブックを保存したものを置いてください"));
			return new Reading(decisions, comments, issues);
		}
		SheetTable table = sheet.get();
		for (String label : List.of(DecisionBook.CODE, DecisionBook.SHA, DecisionBook.DECISION)) {
			if (!table.has(label)) {
				issues.add(new Issue(name, "", table.name(), "", "エラー", "列「" + label + "」がありません"));
			}
		}
		if (issues.isEmpty()) {
			for (TableRow row : table.rows(List.of(DecisionBook.CODE, DecisionBook.SHA, DecisionBook.DECISION,
					DecisionBook.COMMENT, DecisionBook.REVIEWER))) {
				decision(name, sha256, modified, row).ifPresentOrElse(decisions::add, () -> { });
				problem(name, row).ifPresent(issues::add);
			}
		}
		commentSheet.ifPresent(c -> rowComments(name, sha256, c, comments, issues));
		return new Reading(decisions, comments, issues);
	}

	private Optional<Decision> decision(String name, String sha256, Instant modified, TableRow row) {
		return problem(name, row).isPresent() || row.text(DecisionBook.DECISION).isEmpty() ? Optional.empty()
				: Optional.of(new Decision(row.text(DecisionBook.CODE), row.text(DecisionBook.DECISION),
						free(row.get(DecisionBook.COMMENT)), row.text(DecisionBook.REVIEWER), modified,
						row.text(DecisionBook.SHA).toLowerCase(Locale.ROOT), name, sha256, row.sheet(),
						row.get(DecisionBook.DECISION).address(), row.number()));
	}

	/** What keeps a row's decision from being recorded; none for a row the office left undecided. */
	private Optional<Issue> problem(String name, TableRow row) {
		String decision = row.text(DecisionBook.DECISION);
		if (decision.isEmpty()) {
			return Optional.empty();
		}
		String code = row.text(DecisionBook.CODE);
		CellRead decisionCell = row.get(DecisionBook.DECISION);
		if (plan.department(code).isEmpty()) {
			return Optional.of(new Issue(name, code, row.sheet(), row.get(DecisionBook.CODE).address(), "エラー",
					"部署コード「" + code + "」は行動計画にありません。この行の確認は適用しません"));
		}
		if (!OfficeDecisions.APPROVED.equals(decision) && !OfficeDecisions.SENT_BACK.equals(decision)) {
			return Optional.of(new Issue(name, code, row.sheet(), decisionCell.address(), "エラー",
					"確認「" + decision + "」は 承認 か 差戻し で選んでください。この行の確認は適用しません"));
		}
		if (OfficeDecisions.SENT_BACK.equals(decision) && free(row.get(DecisionBook.COMMENT)) == null) {
			return Optional.of(new Issue(name, code, row.sheet(), address(row, DecisionBook.COMMENT, decisionCell), "エラー",
					"差戻しにはコメントが必要です (部署 " + code + ")。この行の確認は適用しません"));
		}
		if (!row.text(DecisionBook.SHA).matches("[0-9A-Fa-f]{8,64}")) {
			return Optional.of(new Issue(name, code, row.sheet(), row.get(DecisionBook.SHA).address(), "エラー",
					"確認したファイルの SHA-256 がありません (部署 " + code + ")。提出のない部署は確認できません"));
		}
		return Optional.empty();
	}

	private void rowComments(String name, String sha256, SheetTable table, List<RowComment> comments, List<Issue> issues) {
		if (!table.has(DecisionBook.ITEM) || !table.has(DecisionBook.COMMENT)) {
			issues.add(new Issue(name, "", table.name(), "", "エラー",
					"列「" + DecisionBook.ITEM + "」と「" + DecisionBook.COMMENT + "」がありません"));
			return;
		}
		for (TableRow row : table.rows(List.of(DecisionBook.CODE, DecisionBook.ITEM, DecisionBook.COMMENT))) {
			String comment = free(row.get(DecisionBook.COMMENT));
			String id = row.text(DecisionBook.ITEM);
			String code = row.text(DecisionBook.CODE);
			String owner = plan.kpi(id).map(k -> k.departmentCode())
				.or(() -> plan.initiative(id).map(i -> i.departmentCode()))
				.orElse(null);
			String where = row.get(DecisionBook.ITEM).address();
			if (comment == null) {
				issues.add(new Issue(name, code, row.sheet(), address(row, DecisionBook.COMMENT, row.get(DecisionBook.ITEM)),
						"エラー", "指摘「" + id + "」にコメントがありません"));
			}
			else if (owner == null) {
				issues.add(new Issue(name, code, row.sheet(), where, "エラー",
						"「" + id + "」は行動計画の KPI ID でも 取り組みID でもありません。この指摘は適用しません"));
			}
			else if (!code.isEmpty() && !code.equals(owner)) {
				issues.add(new Issue(name, code, row.sheet(), where, "エラー",
						"「" + id + "」は部署 " + code + " のものではありません (部署 " + owner + ")。この指摘は適用しません"));
			}
			else {
				comments.add(new RowComment(owner, id, comment, sha256, row.sheet(), where, row.number()));
			}
		}
	}

	/** The first sheet of that name after PRODUCT.md §4's normalisation, read whole (it is small). */
	private static Optional<SheetTable> table(Workbook workbook, String name) {
		for (Sheet sheet : workbook) {
			if (Text.normalize(sheet.getSheetName()).equals(name)) {
				return Optional.of(SheetTable.of(sheet));
			}
		}
		return Optional.empty();
	}

	/** The cell of a column in a row, or the given cell when the column is missing. */
	private static String address(TableRow row, String label, CellRead fallback) {
		CellRead cell = row.cells().get(label);
		return cell != null ? cell.address() : fallback.address();
	}

	private static String free(CellRead cell) {
		String text = Text.freeText(cell.text());
		return text == null || text.isBlank() ? null : text;
	}

}
