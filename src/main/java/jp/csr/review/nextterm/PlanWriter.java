package jp.csr.review.nextterm;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.workbook.FileReplacement;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a plan as the workbook of PRODUCT.md §1, the format {@link PlanReader} reads, laid out as the office
 * would make it by hand: {@code 概要} first, one header row per list sheet (bold, shaded, frozen, with a filter and
 * repeated on every printed page), columns as wide as their texts (up to a limit, then wrapped in a row made tall
 * enough), numbers as numbers, a drop-down list on {@code 判定}. What it writes reads back as the same plan.
 */
public final class PlanWriter {

	/** Rows kept in memory per sheet: a group of 2,000 departments has 30,000 rows of plan. */
	private static final int WINDOW = 200;

	/** Column widths in characters of the default font; a wide (Japanese) character counts two. */
	private static final int MIN_WIDTH = 6;

	private static final int MAX_WIDTH = 56;

	/** 具体的な取り組み: the longest texts of a plan, and what the office reads it for. */
	private static final int MAX_TEXT_WIDTH = 80;

	/** The default font's line (Calibri 11) and a little air. */
	private static final float LINE_POINTS = 15f;

	/** @return the written workbook, replaced in one step (a temporary file beside it, renamed) */
	public Path write(Plan plan, Path file) throws IOException {
		return FileReplacement.write(file, out -> {
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
				new Sheets(workbook).write(plan);
				workbook.write(out);
			}
		});
	}

	/** {@code 2025年10月}: a form the reader takes, and the one the office types. */
	static String yearMonth(YearMonth month) {
		return month.getYear() + "年" + month.getMonthValue() + "月";
	}

	/** Width of a text in characters of the default font: a wide (Japanese) character takes two. */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			width += cp < 0x1100 || cp >= 0xFF61 && cp <= 0xFFDC ? 1 : 2;
			i += Character.charCount(cp);
		}
		return width;
	}

	/** One workbook and the styles its sheets share. */
	private static final class Sheets {

		private final Workbook workbook;

		private final CellStyle header;

		private final CellStyle label;

		private final CellStyle text;

		private final CellStyle centred;

		private final CellStyle number;

		/** A value of 概要: left, as its texts are. */
		private final CellStyle value;

		private final CellStyle date;

		Sheets(Workbook workbook) {
			this.workbook = workbook;
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = bordered(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			label = bordered(bold);
			label.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			text = bordered(null);
			text.setWrapText(true);
			text.setVerticalAlignment(VerticalAlignment.TOP);
			centred = bordered(null);
			centred.setAlignment(HorizontalAlignment.CENTER);
			centred.setVerticalAlignment(VerticalAlignment.TOP);
			number = bordered(null);
			number.setVerticalAlignment(VerticalAlignment.TOP);
			value = bordered(null);
			value.setAlignment(HorizontalAlignment.LEFT);
			date = bordered(null);
			date.setAlignment(HorizontalAlignment.LEFT);
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
		}

		void write(Plan plan) {
			overview(plan);
			List<List<Object>> departments = new ArrayList<>();
			plan.departments().forEach(d -> departments.add(List.of(d.code(), d.name(), d.contact())));
			list("部署", PlanReader.DEPARTMENT_COLUMNS, departments, Set.of());
			List<List<Object>> kpis = new ArrayList<>();
			for (Kpi k : plan.kpis()) {
				kpis.add(Arrays.asList(k.id(), k.departmentCode(), k.materiality(), k.commitment(), k.text(), k.indicator(),
						k.judgement().label(), k.target(), k.unit(), k.previousResult()));
			}
			judgements(list("KPI", PlanReader.KPI_COLUMNS, kpis,
					Set.of(PlanReader.KPI_COLUMNS.indexOf("判定"), PlanReader.KPI_COLUMNS.indexOf("単位"))), kpis.size());
			List<List<Object>> initiatives = new ArrayList<>();
			for (Initiative i : plan.initiatives()) {
				initiatives.add(List.of(i.id(), i.departmentCode(), i.materiality(), i.commitment(), i.text(),
						i.previousMark()));
			}
			list("取り組み", PlanReader.INITIATIVE_COLUMNS, initiatives, Set.of(PlanReader.INITIATIVE_COLUMNS.indexOf("前期評価")));
			workbook.setActiveSheet(0);
		}

		/** グループ名, 期, 開始年月, 終了年月 and, when set, 提出期限: label in A, value in B. */
		private void overview(Plan plan) {
			Sheet sheet = workbook.createSheet("概要");
			sheet.setColumnWidth(0, 14 * 256);
			sheet.setColumnWidth(1, Math.max(24, width(plan.group()) + 2) * 256);
			labelled(sheet, 0, "グループ名", plan.group(), value);
			labelled(sheet, 1, "期", plan.term(), value);
			labelled(sheet, 2, "開始年月", yearMonth(plan.start()), value);
			labelled(sheet, 3, "終了年月", yearMonth(plan.end()), value);
			if (plan.deadline() != null) {
				labelled(sheet, 4, "提出期限", plan.deadline(), date);
			}
		}

		private void labelled(Sheet sheet, int r, String name, Object content, CellStyle style) {
			Row row = sheet.createRow(r);
			Cell cell = row.createCell(0);
			cell.setCellValue(name);
			cell.setCellStyle(label);
			Cell valueCell = row.createCell(1);
			valueCell.setCellStyle(style);
			if (content instanceof java.time.LocalDate day) {
				valueCell.setCellValue(day);
			}
			else if (content instanceof Integer n) {
				valueCell.setCellValue(n);
			}
			else {
				valueCell.setCellValue((String) content);
			}
		}

		/**
		 * A list sheet: the header row, then one row per entry (text or {@link BigDecimal}; null is an empty
		 * cell), each column as wide as its texts up to a limit.
		 */
		private Sheet list(String name, List<String> columns, List<List<Object>> rows, Set<Integer> centredColumns) {
			Sheet sheet = workbook.createSheet(name);
			int[] widths = widths(columns, rows);
			Row top = sheet.createRow(0);
			for (int c = 0; c < columns.size(); c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
				Cell cell = top.createCell(c);
				cell.setCellValue(columns.get(c));
				cell.setCellStyle(header);
			}
			int r = 0;
			for (List<Object> entry : rows) {
				Row row = sheet.createRow(++r);
				int lines = 1;
				for (int c = 0; c < entry.size(); c++) {
					Cell cell = row.createCell(c);
					Object content = entry.get(c);
					if (content instanceof BigDecimal n) {
						cell.setCellStyle(number);
						cell.setCellValue(n.doubleValue());
						continue;
					}
					cell.setCellStyle(centredColumns.contains(c) ? centred : text);
					String s = content == null ? "" : (String) content;
					// always a text cell: a plan text starting with = stays text
					if (!s.isEmpty()) {
						cell.setCellValue(s);
					}
					lines = Math.max(lines, lines(s, widths[c]));
				}
				// neither Excel nor LibreOffice grows a row for wrapped text when it opens a file
				if (lines > 1) {
					row.setHeightInPoints(lines * LINE_POINTS);
				}
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r), 0, columns.size() - 1));
			PrintSetup print = sheet.getPrintSetup();
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			print.setLandscape(true);
			sheet.setFitToPage(true);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
			return sheet;
		}

		private static int[] widths(List<String> columns, List<List<Object>> rows) {
			int[] widths = new int[columns.size()];
			for (int c = 0; c < widths.length; c++) {
				widths[c] = Math.max(MIN_WIDTH, width(columns.get(c)) + 3);
			}
			for (List<Object> row : rows) {
				for (int c = 0; c < row.size(); c++) {
					Object content = row.get(c);
					int w = content instanceof BigDecimal n ? n.toPlainString().length() : content == null ? 0
							: ((String) content).lines().mapToInt(PlanWriter::width).max().orElse(0);
					widths[c] = Math.max(widths[c], w + 2);
				}
			}
			for (int c = 0; c < widths.length; c++) {
				widths[c] = Math.min(widths[c], columns.get(c).equals("具体的な取り組み") ? MAX_TEXT_WIDTH : MAX_WIDTH);
			}
			return widths;
		}

		/** Lines a wrapped text takes in a column {@code columnWidth} characters wide. */
		private static int lines(String text, int columnWidth) {
			int usable = Math.max(1, columnWidth - 1);
			return text.lines().mapToInt(line -> Math.max(1, (width(line) + usable - 1) / usable)).sum();
		}

		/** 判定 from a list: a typo there is a plan the reader refuses. */
		private static void judgements(Sheet sheet, int rows) {
			if (rows == 0) {
				return;
			}
			DataValidationHelper helper = sheet.getDataValidationHelper();
			DataValidation validation = helper.createValidation(
					helper.createExplicitListConstraint(
							Arrays.stream(Criterion.values()).map(Criterion::label).toArray(String[]::new)),
					new CellRangeAddressList(1, rows, PlanReader.KPI_COLUMNS.indexOf("判定"),
							PlanReader.KPI_COLUMNS.indexOf("判定")));
			validation.setShowErrorBox(true);
			validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
			validation.createErrorBox("判定", "以上, 以下, 維持, 増加, 減少, 定性 のいずれかを選んでください");
			sheet.addValidationData(validation);
		}

		private CellStyle bordered(Font font) {
			CellStyle style = workbook.createCellStyle();
			if (font != null) {
				style.setFont(font);
			}
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

	}

}
