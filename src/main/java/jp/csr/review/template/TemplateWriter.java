package jp.csr.review.template;

import jp.csr.review.form.SubmissionFormat;
import static jp.csr.review.form.SubmissionFormat.COVER;
import static jp.csr.review.form.SubmissionFormat.GUIDE;
import static jp.csr.review.form.SubmissionFormat.HIGHLIGHTS;
import static jp.csr.review.form.SubmissionFormat.INITIATIVES;
import static jp.csr.review.form.SubmissionFormat.KPI;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jp.csr.review.plan.Commitment;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Judgement;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.workbook.Numbers;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one department's submission workbook (提出ブック, PRODUCT.md §2), prefilled from the plan.
 * Cells copied from the plan are locked and every sheet is protected; input cells are unlocked, tinted,
 * and carry a data validation whose input message says what to enter.
 */
public final class TemplateWriter {

	/** Excel limits an input or error message to 255 characters. */
	static final int MESSAGE_LIMIT = 255;

	/** Excel limits a data-validation title to 32 characters. */
	static final int TITLE_LIMIT = 32;

	private static final int COVER_NOTE_WIDTH = 60;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private final String password;

	/** @param password sheet-protection password; {@code ""} (or null) protects without one */
	public TemplateWriter(String password) {
		this.password = password == null ? "" : password;
	}

	/**
	 * A 提出日 as a department of this term would write it: the 20th of the month after the term ends (when
	 * submissions come in), or the 提出期限 when that comes first.
	 */
	static String exampleDate(Plan plan) {
		LocalDate example = plan.end().plusMonths(1).atDay(20);
		if (plan.deadline() != null && plan.deadline().isBefore(example)) {
			example = plan.deadline();
		}
		return example.format(DAY);
	}

	/** {@code 53期_ISEC_情報セキュリティ部.xlsx}; characters a file name cannot hold become {@code _}. */
	public static String fileName(Plan plan, Department d) {
		return safe(plan.term() + "期_" + d.code() + "_" + d.name()) + ".xlsx";
	}

	/** Writes the department's workbook to {@code file}, replacing it atomically. */
	public void write(Plan plan, Department department, Path file) throws IOException {
		Objects.requireNonNull(plan, "plan");
		// the plan's own row wins over the caller's copy, so the cover always matches the plan
		Department planned = plan.department(department.code())
			.orElseThrow(() -> new IllegalArgumentException("部署コード " + department.code() + " は行動計画にありません"));
		Path target = file.toAbsolutePath();
		Path dir = target.getParent();
		Files.createDirectories(dir);
		Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try (XSSFWorkbook workbook = new Builder(plan, planned).build();
				OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
			workbook.write(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
	}

	/** One workbook; holds the styles it shares between sheets. */
	private final class Builder {

		private final Plan plan;

		private final Department department;

		private final XSSFWorkbook workbook = new XSSFWorkbook();

		private final XSSFCellStyle header;

		private final XSSFCellStyle label;

		private final XSSFCellStyle fixed;

		private final XSSFCellStyle fixedCentered;

		private final XSSFCellStyle coverValue;

		private final XSSFCellStyle note;

		private final XSSFCellStyle input;

		private final XSSFCellStyle inputCentered;

		private final XSSFCellStyle inputDate;

		Builder(Plan plan, Department department) {
			this.plan = plan;
			this.department = department;
			XSSFFont bold = workbook.createFont();
			bold.setBold(true);
			XSSFFont grey = workbook.createFont();
			grey.setColor(new XSSFColor(new byte[] { 0x59, 0x59, 0x59 }));
			header = bordered(true);
			header.setFont(bold);
			fill(header, 0xD9, 0xE1, 0xF2);
			label = bordered(true);
			label.setFont(bold);
			fill(label, 0xF2, 0xF2, 0xF2);
			fixed = bordered(true);
			fixedCentered = bordered(true);
			fixedCentered.setAlignment(HorizontalAlignment.CENTER);
			coverValue = bordered(true);
			coverValue.setAlignment(HorizontalAlignment.LEFT);
			note = workbook.createCellStyle();
			note.setWrapText(true);
			note.setVerticalAlignment(VerticalAlignment.TOP);
			note.setFont(grey);
			input = bordered(false);
			fill(input, 0xFF, 0xF2, 0xCC);
			inputCentered = workbook.createCellStyle();
			inputCentered.cloneStyleFrom(input);
			inputCentered.setAlignment(HorizontalAlignment.CENTER);
			inputDate = workbook.createCellStyle();
			inputDate.cloneStyleFrom(input);
			inputDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
			inputDate.setAlignment(HorizontalAlignment.LEFT);
		}

		private XSSFCellStyle bordered(boolean locked) {
			XSSFCellStyle style = workbook.createCellStyle();
			style.setLocked(locked);
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

		private void fill(XSSFCellStyle style, int r, int g, int b) {
			style.setFillForegroundColor(new XSSFColor(new byte[] { (byte) r, (byte) g, (byte) b }));
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}

		XSSFWorkbook build() {
			try {
				cover();
				kpis();
				initiatives();
				highlights();
				guide();
				workbook.setActiveSheet(0);
				return workbook;
			}
			catch (RuntimeException ex) {
				try {
					workbook.close();
				}
				catch (IOException ignored) {
					// nothing was written yet
				}
				throw ex;
			}
		}

		// ---- 表紙

		private void cover() {
			XSSFSheet sheet = workbook.createSheet(COVER);
			widths(sheet, 16, 40, COVER_NOTE_WIDTH);
			labelled(sheet, 0, "様式バージョン").setCellValue(SubmissionFormat.VERSION);
			labelled(sheet, 1, "期").setCellValue(plan.term());
			labelled(sheet, 2, "部署コード").setCellValue(department.code());
			labelled(sheet, 3, "部署名").setCellValue(department.name());
			XSSFCell submitter = labelled(sheet, 4, "提出者");
			submitter.setCellStyle(input);
			XSSFCell date = labelled(sheet, 5, "提出日");
			date.setCellStyle(inputDate);
			noteAt(sheet, 0, plan.term() + "期 (" + plan.period() + ") " + plan.group() + " 行動計画 実績報告");
			noteAt(sheet, 4, "← 提出者のお名前を入力してください");
			noteAt(sheet, 5, "← 提出日を入力してください (例: " + exampleDate(plan) + ")"
					+ (plan.deadline() == null ? "" : "。提出期限は " + plan.deadline().format(DAY) + " です"));
			noteAt(sheet, 7, "黄色のセルに入力してください。それ以外のセルは行動計画から転記しており、変更できません。"
					+ "書き方は「" + GUIDE + "」シートをご覧ください。");
			promptOnly(sheet, new CellRangeAddressList(4, 4, 1, 1), "提出者", "提出者 (記入者) のお名前を入力してください。");
			DataValidationConstraint dates = helper(sheet).createDateConstraint(OperatorType.BETWEEN, "DATE(2000,1,1)",
					"DATE(2099,12,31)", null);
			validate(sheet, dates, new CellRangeAddressList(5, 5, 1, 1), DataValidation.ErrorStyle.WARNING, "提出日",
					"提出した日付を " + exampleDate(plan) + " のように入力してください。Ctrl+; で今日の日付が入ります。", "日付ではありません",
					"日付を " + exampleDate(plan) + " のように入力してください。");
			finish(sheet);
		}

		private XSSFCell labelled(XSSFSheet sheet, int r, String text) {
			XSSFRow row = sheet.createRow(r);
			XSSFCell a = row.createCell(0);
			a.setCellValue(text);
			a.setCellStyle(label);
			XSSFCell b = row.createCell(1);
			b.setCellStyle(coverValue);
			return b;
		}

		private void noteAt(XSSFSheet sheet, int r, String text) {
			XSSFRow row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
			XSSFCell c = row.createCell(2);
			c.setCellValue(text);
			c.setCellStyle(note);
			int lines = lines(text, COVER_NOTE_WIDTH);
			if (lines > 1) {
				row.setHeightInPoints(lines * 15f + 3f);
			}
		}

		// ---- KPI

		private void kpis() {
			XSSFSheet sheet = workbook.createSheet(KPI);
			int[] widths = { 10, 44, 8, 10, 8, 18, 34, 34 };
			widths(sheet, widths);
			headerRow(sheet, SubmissionFormat.KPI_COLUMNS);
			List<Kpi> kpis = plan.kpisOf(department.code());
			for (int i = 0; i < kpis.size(); i++) {
				Kpi kpi = kpis.get(i);
				int r = i + 1;
				XSSFRow row = sheet.createRow(r);
				text(row, 0, kpi.id(), fixed);
				text(row, 1, kpi.text(), fixed);
				text(row, 2, kpi.judgement().label(), fixedCentered);
				XSSFCell target = row.createCell(3);
				target.setCellStyle(fixed);
				if (kpi.target() != null) {
					target.setCellValue(kpi.target().doubleValue());
				}
				text(row, 4, kpi.unit(), fixedCentered);
				row.createCell(5).setCellStyle(input);
				row.createCell(6).setCellStyle(input);
				row.createCell(7).setCellStyle(input);
				fitHeight(row, widths, kpi.id(), kpi.text());
				resultValidation(sheet, kpi, r);
			}
			if (!kpis.isEmpty()) {
				int last = kpis.size();
				promptOnly(sheet, new CellRangeAddressList(1, last, 6, 6), "実績表記 (任意)",
						"振り返りの実績欄に「指標名 実績単位」の代わりに載せる文を入力できます (例: 重大インシデント件数1件)。"
								+ "空欄なら「指標名 実績単位」が載ります。");
				promptOnly(sheet, new CellRangeAddressList(1, last, 7, 7), "備考 (任意)", "補足があれば入力してください。振り返りには載りません。");
			}
			finish(sheet);
		}

		private void resultValidation(XSSFSheet sheet, Kpi kpi, int r) {
			XSSFDataValidationHelper helper = helper(sheet);
			CellRangeAddressList cell = new CellRangeAddressList(r, r, 5, 5);
			Judgement j = kpi.judgement();
			if (j == Judgement.MAINTAIN) {
				List<String> words = new ArrayList<>(SubmissionFormat.YES_WORDS);
				words.addAll(SubmissionFormat.NO_WORDS);
				validate(sheet, helper.createExplicitListConstraint(words.toArray(String[]::new)), cell,
						DataValidation.ErrorStyle.STOP, "実績 (維持)",
						"維持できたかを一覧から選んでください。維持できた: " + String.join("・", SubmissionFormat.YES_WORDS)
								+ " / 維持できなかった: " + String.join("・", SubmissionFormat.NO_WORDS),
						"一覧にない値です", "一覧から選んでください: " + String.join("・", words));
			}
			else if (j == Judgement.QUALITATIVE) {
				validate(sheet, helper.createExplicitListConstraint(SubmissionFormat.QUALITATIVE_RESULTS.toArray(String[]::new)),
						cell, DataValidation.ErrorStyle.STOP, "実績 (定性)",
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
				validate(sheet, number, cell, DataValidation.ErrorStyle.WARNING, "実績 (" + j.label() + ")", prompt,
						"数値を確認してください", kind + "を入力してください。「" + typed
								+ "」のように単位を付けた入力や全角数字は、このまま「はい」で確定できます。");
			}
		}

		private String goal(Kpi kpi) {
			String unit = kpi.unit() == null ? "" : kpi.unit();
			return switch (kpi.judgement()) {
				case AT_LEAST -> "目標: " + number(kpi.target()) + unit + " 以上で達成。";
				case AT_MOST -> "目標: " + number(kpi.target()) + unit + " 以下で達成。";
				case INCREASE -> "前期実績" + baseline(kpi) + "より増えれば達成。";
				case DECREASE -> "前期実績" + baseline(kpi) + "より減れば達成。";
				default -> "";
			};
		}

		private String baseline(Kpi kpi) {
			return kpi.previousResult() == null ? "" : " (" + number(kpi.previousResult()) + kpi.unit() + ") ";
		}

		private String number(BigDecimal n) {
			return n == null ? "" : Numbers.format(n);
		}

		// ---- 取り組み

		private void initiatives() {
			XSSFSheet sheet = workbook.createSheet(INITIATIVES);
			int[] widths = { 12, 60, 14, 10, 40 };
			widths(sheet, widths);
			headerRow(sheet, SubmissionFormat.INITIATIVE_COLUMNS);
			List<Initiative> initiatives = plan.initiativesOf(department.code());
			for (int i = 0; i < initiatives.size(); i++) {
				Initiative initiative = initiatives.get(i);
				XSSFRow row = sheet.createRow(i + 1);
				text(row, 0, initiative.id(), fixed);
				text(row, 1, initiative.text(), fixed);
				row.createCell(2).setCellStyle(inputCentered);
				row.createCell(3).setCellStyle(inputCentered);
				row.createCell(4).setCellStyle(input);
				fitHeight(row, widths, initiative.id(), initiative.text());
			}
			if (!initiatives.isEmpty()) {
				int last = initiatives.size();
				XSSFDataValidationHelper helper = helper(sheet);
				validate(sheet, helper.createExplicitListConstraint(SubmissionFormat.PROGRESS_WORDS.toArray(String[]::new)),
						new CellRangeAddressList(1, last, 2, 2), DataValidation.ErrorStyle.WARNING, "進捗",
						"一覧から選ぶか、進み具合を0〜100の割合 (例: 80%) で入力してください。割合を入力して確認が出たら「はい」を押してください。"
								+ "完了・100%→◎、継続中・一部完了・1〜99%→○、未完了・未着手・0%→△",
						"一覧にない値です",
						"割合 (例: 80%) ならこのまま「はい」を押してください。それ以外は 完了・継続中・一部完了・未完了・未着手 から選んでください。");
				validate(sheet, helper.createExplicitListConstraint(SubmissionFormat.MARKS.toArray(String[]::new)),
						new CellRangeAddressList(1, last, 3, 3), DataValidation.ErrorStyle.STOP, "自己評価 (任意)",
						"部署としての評価を ◎・○・△ から選んでください (空欄可)。◎ 完了 / ○ 継続中・一部完了 / △ 未完了。"
								+ "進捗から求めた評価と異なるときは警告になります。",
						"一覧にない値です", "◎・○・△ から選ぶか、空欄にしてください。");
				promptOnly(sheet, new CellRangeAddressList(1, last, 4, 4), "備考 (任意)", "補足があれば入力してください。振り返りには載りません。");
			}
			finish(sheet);
		}

		// ---- ハイライト

		private void highlights() {
			XSSFSheet sheet = workbook.createSheet(HIGHLIGHTS);
			widths(sheet, 36, 100);
			headerRow(sheet, SubmissionFormat.HIGHLIGHT_COLUMNS);
			List<Commitment> commitments = plan.commitmentsOf(department.code());
			for (int i = 0; i < commitments.size(); i++) {
				XSSFRow row = sheet.createRow(i + 1);
				text(row, 0, commitments.get(i).text(), fixed);
				row.createCell(1).setCellStyle(input);
				row.setHeightInPoints(240);
			}
			if (!commitments.isEmpty()) {
				promptOnly(sheet, new CellRangeAddressList(1, commitments.size(), 1, 1), "主な取り組みとハイライト",
						"今期の主な取り組みと成果を文章で入力してください。セル内の改行は Alt+Enter (Mac: option+return)。改行はそのまま振り返りに載ります。");
			}
			finish(sheet);
		}

		// ---- 記入方法

		private void guide() {
			XSSFSheet sheet = workbook.createSheet(GUIDE);
			int[] widths = { 14, 20, 100 };
			widths(sheet, widths);
			headerRow(sheet, List.of("シート", "項目", "記入方法"));
			List<String[]> rows = new ArrayList<>();
			String deadline = plan.deadline() == null ? "" : "提出期限は " + plan.deadline().format(DAY) + " です。";
			rows.add(new String[] { "全般", "このブックについて",
					plan.group() + " " + plan.term() + "期 (" + plan.period() + ") 行動計画の実績を、" + department.name() + " ("
							+ department.code() + ") からご報告いただくためのブックです。" + deadline });
			rows.add(new String[] { "全般", "入力するセル",
					"黄色のセルだけに入力してください。それ以外のセルは行動計画から転記しており、シートが保護されているため変更できません。"
							+ "シート名・見出し・行の並びは変えないでください。入力セルを選ぶと、何を入力するかの説明が表示されます。" });
			rows.add(new String[] { "全般", "提出",
					"記入したブックを共有フォルダに置いてください。部署は「表紙」の部署コードで判断します。"
							+ "同じ部署から複数回提出された場合は、最後に受け付けたものが使われます。" });
			rows.add(new String[] { COVER, "様式バージョン・期・部署コード・部署名", "行動計画から転記しています。変更しないでください。" });
			rows.add(new String[] { COVER, "提出者", "提出者 (記入者) のお名前を入力してください。" });
			rows.add(new String[] { COVER, "提出日", "提出した日付を " + exampleDate(plan) + " のように入力してください。" });
			rows.add(new String[] { KPI, "KPI ID", "行動計画のKPIの番号です (変更不可)。" });
			rows.add(new String[] { KPI, "KPI", "行動計画の目標です。振り返りのKPI欄にこのまま載ります (変更不可)。" });
			rows.add(new String[] { KPI, "判定",
					"実績の判定方法です (変更不可)。以上: 実績が目標値以上で達成 / 以下: 実績が目標値以下で達成 / 維持: 維持できていれば達成 / "
							+ "増加・減少: 前期実績より増えて・減っていれば達成 / 定性: 達成・継続中・未達 を選んでいただきます。" });
			rows.add(new String[] { KPI, "目標値・単位", "行動計画の目標値と単位です (変更不可)。実績はこの単位で入力してください。" });
			rows.add(new String[] { KPI, "実績",
					"必須。判定が以上・以下・増加・減少のKPIは数値で入力してください。「1件」のように単位を付けても、「98.9%」のように%を付けても、"
							+ "「９８．４％」のように全角数字でも構いません (確認メッセージが出たら「はい」を押してください)。"
							+ "単位が 件・人・名・回・台・枚・社・拠点・部門 のように数を数えるものは0以上の整数で入力してください。" });
			rows.add(new String[] { KPI, "実績 (維持)",
					"判定が維持のKPIは一覧から選んでください。維持できた: " + String.join("、", SubmissionFormat.YES_WORDS)
							+ "。維持できなかった: " + String.join("、", SubmissionFormat.NO_WORDS) + "。" });
			rows.add(new String[] { KPI, "実績 (定性)", "判定が定性のKPIは 達成、継続中、未達 のいずれかを一覧から選んでください。" });
			rows.add(new String[] { KPI, "実績表記",
					"任意。振り返りの実績欄には、通常「指標名 実績単位」(例: 重大な個人情報漏洩件数 1件) が載ります。"
							+ "別の書き方で載せたいときは、その文をここに入力してください (例: 重大インシデント件数1件、ISMS維持)。"
							+ "定性のKPIで実績が継続中のときは、実績表記が空欄なら実績欄には何も載りません。" });
			rows.add(new String[] { KPI, "備考", "任意。補足があれば入力してください。振り返りには載りません。" });
			rows.add(new String[] { INITIATIVES, "取り組みID・具体的な取り組み", "行動計画の取り組みです (変更不可)。" });
			rows.add(new String[] { INITIATIVES, "進捗",
					"必須。完了、継続中、一部完了、未完了、未着手 から選ぶか、進み具合を0〜100の割合で入力してください "
							+ "(80、80%、または%表示のセルに0.8)。一覧にない値の確認メッセージが出たら「はい」を押してください。"
							+ "振り返りの自己評価は進捗から決まります: 完了・100% → ◎ / 継続中・一部完了・1〜99% → ○ / 未完了・未着手・0% → △。" });
			rows.add(new String[] { INITIATIVES, "自己評価",
					"任意。部署としての評価を ◎、○、△ から選んでください。進捗から求めた評価と異なるときは警告としてお知らせします。" });
			rows.add(new String[] { INITIATIVES, "備考", "任意。補足があれば入力してください。振り返りには載りません。" });
			rows.add(new String[] { HIGHLIGHTS, "コミットメント", "貴部署が担当するコミットメントです (変更不可)。" });
			rows.add(new String[] { HIGHLIGHTS, "主な取り組みとハイライト",
					"今期の主な取り組みと成果を文章で入力してください。セル内の改行は Alt+Enter (Mac: option+return) で入れられ、"
							+ "そのまま振り返りに載ります。複数の部署が担当するコミットメントでは、部署ごとの文が段落として並びます。" });
			rows.add(new String[] { "評価の記号", "◎ ○ △",
					"◎ アクションが完了している / ○ 最終的な評価のみを記載しているがまだアクションが完了していない / △ アクションが完了していない" });
			for (int i = 0; i < rows.size(); i++) {
				XSSFRow row = sheet.createRow(i + 1);
				String[] cells = rows.get(i);
				for (int c = 0; c < cells.length; c++) {
					text(row, c, cells[c], c == 0 ? label : fixed);
				}
				fitHeight(row, widths, cells);
			}
			finish(sheet);
		}

		// ---- shared

		private void widths(XSSFSheet sheet, int... chars) {
			for (int c = 0; c < chars.length; c++) {
				sheet.setColumnWidth(c, chars[c] * 256);
			}
		}

		private void headerRow(XSSFSheet sheet, List<String> labels) {
			XSSFRow row = sheet.createRow(0);
			for (int c = 0; c < labels.size(); c++) {
				text(row, c, labels.get(c), header);
			}
			sheet.createFreezePane(0, 1);
			sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
		}

		private void text(XSSFRow row, int c, String value, XSSFCellStyle style) {
			XSSFCell cell = row.createCell(c);
			cell.setCellValue(value == null ? "" : value);
			cell.setCellStyle(style);
		}

		/** Rows with wrapped text get a height that shows all of it (Excel does not fit them on open). */
		private void fitHeight(XSSFRow row, int[] widths, String... texts) {
			int lines = 1;
			for (int c = 0; c < texts.length && c < widths.length; c++) {
				lines = Math.max(lines, lines(texts[c], widths[c]));
			}
			if (lines > 1) {
				row.setHeightInPoints(lines * 15f + 3f);
			}
		}

		private XSSFDataValidationHelper helper(XSSFSheet sheet) {
			return new XSSFDataValidationHelper(sheet);
		}

		/** An input message for free-text cells: any text up to Excel's cell limit. */
		private void promptOnly(XSSFSheet sheet, CellRangeAddressList cells, String title, String prompt) {
			DataValidationConstraint any = helper(sheet).createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, "32767", null);
			validate(sheet, any, cells, DataValidation.ErrorStyle.WARNING, title, prompt, "長すぎます",
					"1つのセルに入る文字数 (32,767文字) を超えています。");
		}

		private void validate(XSSFSheet sheet, DataValidationConstraint constraint, CellRangeAddressList cells,
				int errorStyle, String title, String prompt, String errorTitle, String error) {
			check(title, TITLE_LIMIT);
			check(errorTitle, TITLE_LIMIT);
			check(prompt, MESSAGE_LIMIT);
			check(error, MESSAGE_LIMIT);
			DataValidation validation = helper(sheet).createValidation(constraint, cells);
			validation.setEmptyCellAllowed(true);
			validation.setErrorStyle(errorStyle);
			validation.createPromptBox(title, prompt);
			validation.setShowPromptBox(true);
			validation.createErrorBox(errorTitle, error);
			validation.setShowErrorBox(true);
			sheet.addValidationData(validation);
		}

		private void check(String message, int limit) {
			if (message.length() > limit) {
				throw new IllegalStateException("data-validation text longer than " + limit + ": " + message);
			}
		}

		private void finish(XSSFSheet sheet) {
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.setMargin(PageMargin.LEFT, 0.4);
			sheet.setMargin(PageMargin.RIGHT, 0.4);
			protect(sheet);
		}

		/**
		 * Locks the sheet. {@code protectSheet("")} would store the hash of an empty password (0000), so a
		 * sheet without password is locked by setting the protection flag alone.
		 */
		private void protect(XSSFSheet sheet) {
			if (password.isEmpty()) {
				sheet.enableLocking();
			}
			else {
				sheet.protectSheet(password);
			}
			sheet.lockObjects(true);
			sheet.lockScenarios(true);
			sheet.lockSelectLockedCells(false);
			sheet.lockSelectUnlockedCells(false);
			// departments may still widen columns and heighten rows to read long texts
			sheet.lockFormatColumns(false);
			sheet.lockFormatRows(false);
		}

	}

	/** Display lines of {@code text} in a wrapped column {@code width} characters wide (CJK counts double). */
	static int lines(String text, int width) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		int lines = 0;
		for (String line : text.split("\n", -1)) {
			int units = 0;
			for (int i = 0; i < line.length(); i++) {
				units += line.charAt(i) < 0x2E80 ? 1 : 2;
			}
			lines += Math.max(1, (int) Math.ceil(units / (double) Math.max(1, width - 1)));
		}
		return lines;
	}

}
