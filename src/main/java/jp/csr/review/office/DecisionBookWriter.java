package jp.csr.review.office;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewData.DepartmentStatus;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.OfficeDecisions.RowComment;
import jp.csr.review.workbook.FileReplacement;
import jp.csr.review.workbook.InputLists;
import jp.csr.review.workbook.SheetProtection;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes {@code <期>期_事務局確認.xlsx} (PRODUCT.md §11): per department of the plan its state, the file in use and
 * its results, and the office's three input columns prefilled with the decision in force; 指摘 with the row
 * comments that came with those decisions. Locked like the templates: only the input cells can be typed in, and
 * they offer drop-downs where the values are a closed set.
 */
public final class DecisionBookWriter {

	/** Rows kept in memory per sheet while streaming. */
	private static final int WINDOW = 200;

	/** @param comments per department, the row comments of its decision in force */
	public Path write(ReviewData data, Map<String, List<RowComment>> comments, Path outputDir) throws IOException {
		Path target = outputDir.resolve(DecisionBook.fileName(data.plan().term()));
		return FileReplacement.write(target, out -> {
			// streamed, strings inline: a group of thousands of departments has tens of thousands of IDs in the lists,
			// and a shared-strings table would cost most of what streaming saves (Excel and LibreOffice turn inline
			// strings into shared ones when the office saves)
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
				Looks looks = new Looks(workbook.getXSSFWorkbook());
				decisions(workbook, data, looks);
				comments(workbook, data.plan(), comments, looks);
				lists(workbook, data.plan());
				workbook.write(out);
			}
		});
	}

	private void decisions(SXSSFWorkbook workbook, ReviewData data, Looks looks) {
		SXSSFSheet sheet = workbook.createSheet(DecisionBook.SHEET);
		XSSFSheet settings = workbook.getXSSFWorkbook().getSheet(DecisionBook.SHEET);
		header(sheet, DecisionBook.HEADERS, DecisionBook.WIDTHS, looks);
		int r = 1;
		for (DepartmentStatus d : data.departments()) {
			Row row = sheet.createRow(r++);
			List<String> outcomes = new ArrayList<>();
			for (Kpi kpi : data.plan().kpisOf(d.code())) {
				ReviewData.KpiStatus status = data.kpis().get(kpi.id());
				outcomes.add(status == null ? "未提出" : status.outcome());
			}
			List<String> marks = new ArrayList<>();
			for (Initiative initiative : data.plan().initiativesOf(d.code())) {
				ReviewData.InitiativeStatus status = data.initiatives().get(initiative.id());
				marks.add(status == null ? null : status.mark());
			}
			boolean hasFile = d.file() != null;
			int c = 0;
			text(row, c++, d.code(), looks.fixed);
			text(row, c++, d.name(), looks.fixed);
			text(row, c++, d.state(), looks.fixed);
			text(row, c++, d.file(), looks.fixed);
			String received = d.receivedAt() == null ? null
					: d.receivedAt().toLocalDateTime().withNano(0).toString().replace('T', ' ');
			text(row, c++, received, looks.fixed);
			text(row, c++, d.sha256() == null ? null : d.sha256().substring(0, DecisionBook.SHA_PREFIX), looks.fixed);
			for (String outcome : List.of("達成", "未達", "継続中", "判定不能", "未報告")) {
				count(row, c++, hasFile ? outcomes.stream().filter(outcome::equals).count() : null, looks.fixed);
			}
			for (String mark : List.of("◎", "○", "△")) {
				count(row, c++, hasFile ? marks.stream().filter(mark::equals).count() : null, looks.fixed);
			}
			count(row, c++, hasFile ? (long) d.warnings() : null, looks.fixed);
			ReviewData.Confirmation confirmation = d.confirmation();
			boolean decided = confirmation != null && !OfficeDecisions.UNDECIDED.equals(confirmation.decision());
			text(row, c++, decided ? confirmation.decision() : null, looks.input);
			text(row, c++, decided ? confirmation.comment() : null, looks.input);
			text(row, c, decided ? confirmation.reviewer() : null, looks.input);
		}
		int last = Math.max(1, r - 1);
		int first = DecisionBook.FIRST_INPUT;
		InputLists.list(settings, new CellRangeAddressList(1, last, first, first),
				new String[] { OfficeDecisions.APPROVED, OfficeDecisions.SENT_BACK }, "確認",
				"承認 か 差戻し を選んでください。差戻しにはコメントが必要です。");
		InputLists.promptOnly(settings, new CellRangeAddressList(1, last, first + 1, first + 1), "コメント",
				"差戻しの理由など、部署への全体のコメント。行ごとの指摘はシート「指摘」へ。");
		finish(settings, DecisionBook.HEADERS.size(), r - 1);
	}

	private void comments(SXSSFWorkbook workbook, Plan plan, Map<String, List<RowComment>> comments, Looks looks) {
		SXSSFSheet sheet = workbook.createSheet(DecisionBook.COMMENTS);
		XSSFSheet settings = workbook.getXSSFWorkbook().getSheet(DecisionBook.COMMENTS);
		header(sheet, DecisionBook.COMMENT_HEADERS, DecisionBook.COMMENT_WIDTHS, looks);
		int r = 1;
		for (Department d : plan.departments()) {
			for (RowComment c : comments.getOrDefault(d.code(), List.of())) {
				Row row = sheet.createRow(r++);
				text(row, 0, c.department(), looks.input);
				text(row, 1, c.itemId(), looks.input);
				text(row, 2, c.comment(), looks.input);
			}
		}
		int last = r + DecisionBook.COMMENT_ROWS - 1;
		for (; r <= last; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < DecisionBook.COMMENT_HEADERS.size(); c++) {
				row.createCell(c).setCellStyle(looks.input);
			}
		}
		int departments = plan.departments().size();
		int ids = plan.kpis().size() + plan.initiatives().size();
		InputLists.listFrom(settings, new CellRangeAddressList(1, last, 0, 0),
				"'" + DecisionBook.LISTS + "'!$A$1:$A$" + Math.max(1, departments), "部署コード", "指摘する行の部署を選んでください。");
		InputLists.listFrom(settings, new CellRangeAddressList(1, last, 1, 1),
				"'" + DecisionBook.LISTS + "'!$B$1:$B$" + Math.max(1, ids), "KPI ID・取り組みID",
				"その部署の KPI ID か 取り組みID を選んでください。");
		finish(settings, DecisionBook.COMMENT_HEADERS.size(), 0);
	}

	/** The values of the drop-downs of 指摘: too many for a list written into the validation itself. */
	private void lists(SXSSFWorkbook workbook, Plan plan) {
		SXSSFSheet sheet = workbook.createSheet(DecisionBook.LISTS);
		List<String> codes = plan.departments().stream().map(Department::code).toList();
		List<String> ids = new ArrayList<>();
		plan.kpis().forEach(k -> ids.add(k.id()));
		plan.initiatives().forEach(i -> ids.add(i.id()));
		for (int r = 0; r < Math.max(codes.size(), ids.size()); r++) {
			Row row = sheet.createRow(r);
			if (r < codes.size()) {
				row.createCell(0).setCellValue(codes.get(r));
			}
			if (r < ids.size()) {
				row.createCell(1).setCellValue(ids.get(r));
			}
		}
		workbook.getXSSFWorkbook().getSheet(DecisionBook.LISTS).enableLocking();
		workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
	}

	private static void header(SXSSFSheet sheet, List<String> headers, int[] widths, Looks looks) {
		Row row = sheet.createRow(0);
		for (int c = 0; c < headers.size(); c++) {
			text(row, c, headers.get(c), looks.header);
			sheet.setColumnWidth(c, widths[c] * 256 + 200);
		}
		sheet.createFreezePane(0, 1);
	}

	/** Text as text: a name or comment starting with {@code =} never becomes a formula. */
	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	private static void count(Row row, int column, Long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	/**
	 * Locked but for the input cells, as the templates are; the office may still widen columns, and filter and
	 * sort the departments.
	 */
	private static void finish(XSSFSheet sheet, int columns, int lastRow) {
		if (lastRow > 0) {
			sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns - 1));
		}
		// twenty columns of a department each: A3 landscape, as the review, its header on every page
		SheetProtection.printOnePageWide(sheet, PrintSetup.A3_PAPERSIZE);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
		SheetProtection.lock(sheet, "");
		sheet.lockAutoFilter(false);
		sheet.lockSort(false);
	}

}
