package jp.csr.review.validation;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.WorkbookLimits;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.csr.review.validation.SubmissionValidatorTest.cell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §3 v3: where a cell or row is the problem, the message says what the department did (merged cells,
 * an added row, a percentage typed over a percent format, a required cell left empty), on the sample's filled
 * template changed as a department changes it, read by the streaming reader and by POI's usermodel alike.
 *
 * <p>COMP: KPI rows 2–4 K05 (以上 100%), K06 (増加 %), K07 (以下 0件); 取り組み rows 2–5 I08, I09, I10, I14.
 */
class WhatTheDepartmentDidTest {

	@TempDir
	Path dir;

	private final MarkRule marks = new MarkRule(ReviewProperties.DEFAULT_MARKS);

	private final List<SubmissionValidator> validators = List.of(
			new SubmissionValidator(SampleWorkbooks.plan(), marks, SubmissionValidatorTest.TOKYO),
			new SubmissionValidator(SampleWorkbooks.plan(), marks, SubmissionValidatorTest.TOKYO,
					WorkbookOpener.usermodelOnly(WorkbookOpener.READ_ONLY)));

	// ---- merged cells ---------------------------------------------------------------------------------------

	@Test
	void progressAndMarkMergedOverTwoInitiativesAreRejectedNamingTheMergeAndHowToUndoIt() {
		List<Validation> vs = check("COMP", wb -> {
			var sheet = wb.getSheet("取り組み");
			sheet.addMergedRegion(CellRangeAddress.valueOf("C2:C3"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("D2:D3"));
			cell(wb, "取り組み!C3").setBlank();
			cell(wb, "取り組み!D3").setBlank();
		});
		for (Validation v : vs) {
			assertThat(v.accepted()).isFalse();
			assertThat(v.issues()).extracting(Issue::describe).containsExactly(
					"[エラー] 取り組み!C2: 取り組み!C2:C3 が結合されています。結合したセルの値は先頭のセルにしかなく、ほかの行は空として読まれます。"
							+ "セルの結合を解除し (ホーム →「セルを結合して中央揃え」→「セル結合の解除」)、行ごとに入力してください",
					"[エラー] 取り組み!D2: 取り組み!D2:D3 が結合されています。結合したセルの値は先頭のセルにしかなく、ほかの行は空として読まれます。"
							+ "セルの結合を解除し (ホーム →「セルを結合して中央揃え」→「セル結合の解除」)、行ごとに入力してください");
		}
	}

	@Test
	void cellsMergedWithinOneRowOrOutsideTheTableAreLeftAlone() {
		List<Validation> vs = check("COMP", wb -> {
			wb.getSheet("取り組み").addMergedRegion(CellRangeAddress.valueOf("E2:F2"));
			wb.getSheet("KPI").addMergedRegion(CellRangeAddress.valueOf("K2:K4"));
			wb.getSheet("ハイライト").addMergedRegion(CellRangeAddress.valueOf("D1:D3"));
		});
		for (Validation v : vs) {
			assertThat(v.issues()).extracting(Issue::describe).isEmpty();
		}
	}

	// ---- rows added, IDs deleted ---------------------------------------------------------------------------

	@Test
	void aRowInsertedIntoTheKpiTableIsToldAsAnAddedRow() {
		List<Validation> vs = check("COMP", wb -> {
			var sheet = wb.getSheet("KPI");
			sheet.shiftRows(2, sheet.getLastRowNum(), 1);
			cell(wb, "KPI!B3").setCellValue("内部通報の件数");
			cell(wb, "KPI!F3").setCellValue("1520人");
		});
		for (Validation v : vs) {
			assertThat(v.issues()).extracting(Issue::describe).containsExactly("[エラー] KPI!A3: 行が追加されています (KPI IDのない行)。"
					+ "様式にない行は読み込めないため、この行を削除してください (補足は配布された行の「備考」に書けます)");
		}
	}

	@Test
	void aRowAddedBelowTheInitiativesIsToldAsAnAddedRow() {
		List<Validation> vs = check("COMP", wb -> {
			cell(wb, "取り組み!B6").setCellValue("社内報での周知");
			cell(wb, "取り組み!C6").setCellValue("完了");
		});
		for (Validation v : vs) {
			assertThat(v.issues()).extracting(Issue::describe).containsExactly("[エラー] 取り組み!A6: 行が追加されています (取り組みIDのない行)。"
					+ "様式にない行は読み込めないため、この行を削除してください (補足は配布された行の「備考」に書けます)");
		}
	}

	@Test
	void aKpiIdDeletedIsToldAsDeletedNamingThePlanRowItBelongsTo() {
		List<Validation> vs = check("COMP", wb -> cell(wb, "KPI!A3").setBlank());
		for (Validation v : vs) {
			// the plan row's missing row is this one: not told again
			assertThat(v.issues()).extracting(Issue::describe).containsExactly("[エラー] KPI!A3: KPI IDが消されています。"
					+ "この行は行動計画の K06 (相談・通報ホットラインの認知率向上) の行です: KPI IDに「K06」を入力し直してください");
		}
	}

	@Test
	void anIdDeletedFromARowWhoseTextWasChangedTooNamesTheIdsWithoutARow() {
		List<Validation> vs = check("COMP", wb -> {
			cell(wb, "取り組み!A3").setBlank();
			cell(wb, "取り組み!B3").setCellValue("職場環境調査");
		});
		for (Validation v : vs) {
			assertThat(v.issues()).extracting(Issue::describe).containsExactly(
					"[エラー] 取り組み!A3: 取り組みIDが空です。配布された行であれば取り組みIDを元に戻し (行のない取り組みID: I09)、追加した行であれば削除してください",
					"[警告] 取り組み: 取り組み I09 (職場環境に関する定期的な調査の実施) の行がありません (未報告として扱います)");
		}
	}

	// ---- sheets the product does not read -----------------------------------------------------------------

	@Test
	void aSheetOfTheDepartmentsOwnDataOf150000RowsIsLeftAlone() throws Exception {
		Path file = dir.resolve("53期_COMP.xlsx");
		try (XSSFWorkbook filled = SampleWorkbooks.filled("COMP"); SXSSFWorkbook wb = new SXSSFWorkbook(filled, 100)) {
			Sheet slow = wb.createSheet("slow");
			for (int r = 0; r < 150_000; r++) {
				Row row = slow.createRow(r);
				row.createCell(0).setCellValue("受講記録 " + r);
				row.createCell(1).setCellValue(r);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				wb.write(out);
			}
		}
		Validation v = validators.get(0).validate(file, "53期_COMP.xlsx", SubmissionValidatorTest.RECEIVED);
		assertThat(v.issues()).extracting(Issue::describe).isEmpty();
		assertThat(v.accepted()).isTrue();
	}

	@Test
	void aSheetOfTheDepartmentsOwnOverTheLimitsIsLeftAloneByEitherReader() {
		List<Validation> vs = check("COMP", wb -> overTheLimits(wb.createSheet("集計データ")));
		for (Validation v : vs) {
			assertThat(v.issues()).extracting(Issue::describe).isEmpty();
		}
	}

	@Test
	void aFileRejectedForAKpiSheetOverTheLimitsIsStillItsDepartments() {
		List<Validation> vs = check("COMP", wb -> overTheLimits(wb.getSheet("KPI")));
		for (Validation v : vs) {
			assertThat(v.accepted()).isFalse();
			assertThat(v.issues()).extracting(Issue::describe).containsExactly("[エラー] KPI: シート「KPI」の値の入った行が上限の10,000行"
					+ "を超えています。下までコピーした値など不要な行・列を削除して保存し直してから提出してください");
			// its annotated copy goes to 差戻し/COMP, not 部署不明
			assertThat(v.departmentCode()).isEqualTo("COMP");
		}
	}

	/** A value in each row down to one past the limit, below what the sheet holds. */
	private static void overTheLimits(Sheet sheet) {
		int first = sheet.getLastRowNum() + 10;
		for (int r = first; r <= first + WorkbookLimits.MAX_ROWS; r++) {
			sheet.createRow(r).createCell(9).setCellValue("-");
		}
	}

	// ---- a percentage 100 times too large ---------------------------------------------------------------

	@Test
	void ninetyEightPointFourTypedIntoAPercentCellShows9840PercentAndIsWarned() {
		List<Validation> vs = check("COMP", wb -> {
			// the sample's K05 cell is formatted 0.0%: ９８．４ typed over its 98.9% leaves 98.4 in it, shown 9840.0%
			cell(wb, "KPI!F2").setCellValue(98.4);
			cell(wb, "KPI!F3").setCellStyle(cell(wb, "KPI!F2").getCellStyle());
			cell(wb, "KPI!F3").setCellValue(98.4);
		});
		for (Validation v : vs) {
			assertThat(v.accepted()).isTrue();
			assertThat(v.issues()).extracting(Issue::describe).containsExactly(
					"[警告] KPI!F2: 実績 9,840% は目標値 100% の約100倍です。98.4% のつもりなら、表示形式がパーセンテージのセルに 98.4 と入力すると"
							+ " 9,840% になります: 98.4% と入力し直してください",
					"[警告] KPI!F3: 実績 9,840% は 100% の約100倍です。98.4% のつもりなら、表示形式がパーセンテージのセルに 98.4 と入力すると"
							+ " 9,840% になります: 98.4% と入力し直してください");
		}
	}

	@Test
	void aPercentageOverAHundredThatIsNoHundredTimesItsTargetIsTakenAsItIs() {
		List<Validation> vs = check("COMP", wb -> {
			cell(wb, "KPI!F2").setCellValue(1.2);
			cell(wb, "KPI!F3").setCellValue("250%");
		});
		for (Validation v : vs) {
			assertThat(v.issues()).extracting(Issue::describe).isEmpty();
			assertThat(v.submission().kpis().get(0).number()).isEqualByComparingTo("120");
		}
	}

	// ---- what the guide calls required ---------------------------------------------------------------------

	@Test
	void anEmptySubmitterDateAndHighlightAreEachWarnedAndTheFileAccepted() {
		List<Validation> vs = check("COMP", wb -> {
			cell(wb, "表紙!B5").setBlank();
			cell(wb, "表紙!B6").setBlank();
			cell(wb, "ハイライト!B2").setBlank();
		});
		for (Validation v : vs) {
			assertThat(v.accepted()).isTrue();
			assertThat(v.issues()).extracting(Issue::describe).containsExactly(
					"[警告] 表紙!B5: 提出者が空です。提出者 (記入者) のお名前を入力してください",
					"[警告] 表紙!B6: 提出日が空です。提出した日付を入力してください (例: 2025/10/15)",
					"[警告] ハイライト!B2: 主な取り組みとハイライトが空です (コミットメント「コンプライアンス・リスクマネジメント経営の推進」)。"
							+ "振り返りのハイライト欄に載る文を入力してください");
		}
	}

	/** The template's 記入方法 and the checks agree: every cell it calls 必須 is warned about when left empty. */
	@Test
	void everyCellTheGuideCallsRequiredIsWarnedWhenLeftEmpty() {
		List<String> required = new ArrayList<>();
		try (XSSFWorkbook wb = SampleWorkbooks.filled("COMP")) {
			for (Row row : wb.getSheet("記入方法")) {
				if (row.getRowNum() > 0 && row.getCell(2) != null && row.getCell(2).getStringCellValue().startsWith("必須")) {
					required.add(row.getCell(0).getStringCellValue() + "=" + row.getCell(1).getStringCellValue());
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(required).containsExactlyInAnyOrder("表紙=提出者", "表紙=提出日",
				"KPI=実績", "取り組み=進捗", "ハイライト=主な取り組みとハイライト");
		List<Validation> vs = check("COMP", wb -> {
			for (String reference : List.of("表紙!B5", "表紙!B6", "KPI!F2", "取り組み!C2", "ハイライト!B2")) {
				cell(wb, reference).setBlank();
			}
		});
		for (Validation v : vs) {
			assertThat(v.accepted()).isTrue();
			assertThat(v.issues()).extracting(Issue::where).containsExactlyInAnyOrder("表紙!B5", "表紙!B6", "KPI!F2",
					"取り組み!C2", "ハイライト!B2");
		}
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	/** The department's filled template, changed, checked streamed and by the usermodel: both answers alike. */
	private List<Validation> check(String department, Consumer<XSSFWorkbook> change) {
		XSSFWorkbook wb = SampleWorkbooks.filled(department);
		change.accept(wb);
		Path file = dir.resolve("53期_" + department + ".xlsx");
		try (wb) {
			SampleWorkbooks.saveAs(wb, file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		List<Validation> vs = validators.stream()
			.map(validator -> validator.validate(file, file.getFileName().toString(), SubmissionValidatorTest.RECEIVED))
			.toList();
		vs.get(0).issues().forEach(i -> System.out.println("MESSAGE " + i.describe()));
		assertThat(vs.get(1).issues()).isEqualTo(vs.get(0).issues());
		return vs;
	}

}
