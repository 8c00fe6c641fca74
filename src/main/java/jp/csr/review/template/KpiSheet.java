package jp.csr.review.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Kpi;
import jp.csr.review.workbook.InputLists;
import jp.csr.review.workbook.Numbers;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import static jp.csr.review.form.SubmissionFormat.KPI;

/**
 * KPI: one row per KPI of the department, its 実績 validated by how the KPI is judged, so the input message
 * says what achieves the target.
 */
final class KpiSheet {

	private static final int[] WIDTHS = { 10, 44, 8, 10, 8, 18, 34, 34 };

	private final TemplateBook book;

	private final TemplateStyles styles;

	KpiSheet(TemplateBook book) {
		this.book = book;
		this.styles = book.styles();
	}

	void write() {
		XSSFSheet sheet = book.workbook().createSheet(KPI);
		Cells.widths(sheet, WIDTHS);
		Cells.headerRow(sheet, SubmissionFormat.KPI_COLUMNS, styles.header);
		List<Kpi> kpis = book.plan().kpisOf(book.department().code());
		for (int i = 0; i < kpis.size(); i++) {
			Kpi kpi = kpis.get(i);
			int r = i + 1;
			XSSFRow row = sheet.createRow(r);
			Cells.text(row, 0, kpi.id(), styles.fixed);
			Cells.text(row, 1, kpi.text(), styles.fixed);
			Cells.text(row, 2, kpi.judgement().label(), styles.fixedCentered);
			XSSFCell target = row.createCell(3);
			target.setCellStyle(styles.fixed);
			if (kpi.target() != null) {
				target.setCellValue(kpi.target().doubleValue());
			}
			Cells.text(row, 4, kpi.unit(), styles.fixedCentered);
			row.createCell(5).setCellStyle(styles.input);
			row.createCell(6).setCellStyle(styles.input);
			row.createCell(7).setCellStyle(styles.input);
			Cells.fitHeight(row, WIDTHS, kpi.id(), kpi.text());
			resultValidation(sheet, kpi, r);
		}
		if (!kpis.isEmpty()) {
			int last = kpis.size();
			InputLists.promptOnly(sheet, new CellRangeAddressList(1, last, 6, 6), "実績表記 (任意)",
					"振り返りの実績欄に「指標名 実績単位」の代わりに載せる文を入力できます (例: 重大インシデント件数1件)。"
							+ "空欄なら「指標名 実績単位」が載ります。");
			InputLists.promptOnly(sheet, new CellRangeAddressList(1, last, 7, 7), "備考 (任意)",
					"補足があれば入力してください。振り返りには載りません。");
		}
		book.finish().apply(sheet);
	}

	private static void resultValidation(XSSFSheet sheet, Kpi kpi, int r) {
		XSSFDataValidationHelper helper = InputLists.helper(sheet);
		CellRangeAddressList cell = new CellRangeAddressList(r, r, 5, 5);
		Criterion j = kpi.judgement();
		if (j == Criterion.MAINTAIN) {
			List<String> words = new ArrayList<>(SubmissionFormat.YES_WORDS);
			words.addAll(SubmissionFormat.NO_WORDS);
			InputLists.validate(sheet, helper.createExplicitListConstraint(words.toArray(String[]::new)), cell,
					DataValidation.ErrorStyle.STOP, "実績 (維持)",
					"維持できたかを一覧から選んでください。維持できた: " + String.join("・", SubmissionFormat.YES_WORDS)
							+ " / 維持できなかった: " + String.join("・", SubmissionFormat.NO_WORDS),
					"一覧にない値です", "一覧から選んでください: " + String.join("・", words));
		}
		else if (j == Criterion.QUALITATIVE) {
			InputLists.validate(sheet,
					helper.createExplicitListConstraint(SubmissionFormat.QUALITATIVE_RESULTS.toArray(String[]::new)), cell,
					DataValidation.ErrorStyle.STOP, "実績 (定性)",
					"一覧から選んでください: 達成・継続中・未達。内容は「実績表記」に書けます (継続中で実績表記が空欄なら振り返りの実績欄には何も載りません)。",
					"一覧にない値です", "達成・継続中・未達 のいずれかを選んでください。");
		}
		else {
			String unit = kpi.unit() == null ? "" : kpi.unit();
			DataValidationConstraint number = kpi.countsThings()
					? helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null)
					: helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
			String kind = kpi.countsThings() ? "0以上の整数" : "0以上の数値";
			String typed = kpi.isPercent() ? "98.9%" : "1" + unit;
			String example = kpi.isPercent() ? "98.9 または 98.9%" : typed;
			String prompt = "実績を" + kind + (unit.isEmpty() ? "" : " (単位: " + unit + ")") + "で入力してください。例: " + example
					+ "。単位付き・全角数字も可 (確認が出たら「はい」)。" + goal(kpi);
			InputLists.validate(sheet, number, cell, DataValidation.ErrorStyle.WARNING, "実績 (" + j.label() + ")", prompt,
					"数値を確認してください", kind + "を入力してください。「" + typed
							+ "」のように単位を付けた入力や全角数字は、このまま「はい」で確定できます。");
		}
	}

	private static String goal(Kpi kpi) {
		String unit = kpi.unit() == null ? "" : kpi.unit();
		return switch (kpi.judgement()) {
			case AT_LEAST -> "目標: " + number(kpi.target()) + unit + " 以上で達成。";
			case AT_MOST -> "目標: " + number(kpi.target()) + unit + " 以下で達成。";
			case INCREASE -> "前期実績" + baseline(kpi) + "より増えれば達成。";
			case DECREASE -> "前期実績" + baseline(kpi) + "より減れば達成。";
			default -> "";
		};
	}

	private static String baseline(Kpi kpi) {
		return kpi.previousResult() == null ? "" : " (" + number(kpi.previousResult()) + kpi.unit() + ") ";
	}

	private static String number(BigDecimal n) {
		return n == null ? "" : Numbers.format(n);
	}

}
