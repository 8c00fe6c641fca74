package jp.csr.review.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.validation.Submission.InitiativeEntry;
import jp.csr.review.validation.Submission.KpiEntry;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per error and warning of PRODUCT.md §3 and per reading of §4: the department's sample
 * submission (template + the sample's answers) broken the way people break it, checked as the nightly
 * run and {@code validate} check it. Each asserts the sheet!cell named and whether the file is accepted.
 *
 * <p>Sample layout: 表紙 B2 期, B3 部署コード; KPI A KPI ID, D 目標値, F 実績, G 実績表記, H 備考 (row 2 on, plan
 * order); 取り組み A 取り組みID, C 進捗, D 自己評価. ISEC: K01 (以下 0件), K02 (維持), I01–I03 (完了, 継続中,
 * 完了). COMP: K05 (以上 100%), K06 (増加 %), K07 (以下 0件). RISK: K08 (定性).
 */
class SubmissionValidatorTest {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final Instant RECEIVED = LocalDateTime.of(2025, 10, 20, 17, 0).atZone(TOKYO).toInstant();

	static final Plan PLAN = SampleWorkbooks.plan();

	@TempDir
	Path dir;

	SubmissionValidator validator = new SubmissionValidator(PLAN, new MarkRule(ReviewProperties.DEFAULT_MARKS), TOKYO);

	// ---- errors: the file is rejected whole --------------------------------------------------------------

	@Test
	void randomBytesNamedXlsxAreNotAWorkbook() throws IOException {
		byte[] bytes = new byte[4096];
		new Random(7).nextBytes(bytes);
		Path file = Files.write(dir.resolve("53期_ISEC_情報セキュリティ部.xlsx"), bytes);
		Validation v = check(file);
		assertRejected(v, "");
		assertThat(v.issues().get(0).message()).startsWith("ブックではありません").contains("「Excel ブック (*.xlsx)」");
		assertThat(v.departmentCode()).isEmpty();
	}

	@Test
	void passwordProtectedWorkbook() throws Exception {
		Path file = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		try (XSSFWorkbook wb = SampleWorkbooks.filled("ISEC"); POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("himitsu");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				wb.write(out);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
		Validation v = check(file);
		assertRejected(v, "");
		assertThat(v.issues().get(0).message()).startsWith("パスワードで保護されたブックは読み込めません");
	}

	@Test
	void requiredSheetMissing() {
		Validation v = check("ISEC", wb -> wb.removeSheetAt(wb.getSheetIndex("取り組み")));
		assertRejected(v, "取り組み");
		assertThat(v.issues()).filteredOn(Issue::isError).first().extracting(Issue::message).asString()
			.contains("シート「取り組み」がありません");
	}

	@Test
	void requiredColumnMissingIsNamedAtTheTemplatesHeaderCell() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!F1").setBlank());
		assertRejected(v, "KPI!F1");
		assertThat(errors(v).get(0).message()).contains("列「実績」がありません");
	}

	@Test
	void termNotThePlans() {
		Validation v = check("ISEC", wb -> cell(wb, "表紙!B2").setCellValue(52));
		assertRejected(v, "表紙!B2");
		assertThat(errors(v).get(0).message()).contains("期「52」").contains("期待値: 53");
	}

	@Test
	void unknownDepartmentCode() {
		Validation v = check("ISEC", wb -> cell(wb, "表紙!B3").setCellValue("ISEX"));
		assertRejected(v, "表紙!B3");
		assertThat(errors(v).get(0).message()).contains("部署コード「ISEX」").contains("ISEC, PRIV");
	}

	@Test
	void idNotInThePlan() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!A2").setCellValue("K99"));
		assertRejected(v, "KPI!A2");
		assertThat(errors(v).get(0).message()).contains("KPI ID「K99」は行動計画にありません");
	}

	@Test
	void idOfAnotherDepartment() {
		Validation v = check("ISEC", wb -> cell(wb, "取り組み!A3").setCellValue("I04"));
		assertRejected(v, "取り組み!A3");
		assertThat(errors(v).get(0).message()).contains("取り組みID「I04」は部署 ISEC の担当ではありません (担当: PRIV)");
	}

	@Test
	void sameIdTwice() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!A3").setCellValue("K01"));
		assertRejected(v, "KPI!A3");
		assertThat(errors(v).get(0).message()).contains("KPI ID「K01」が2回以上あります");
		// K02 has lost its row: told as well, all at once
		assertThat(wheres(v, Severity.WARNING)).containsExactly("KPI");
	}

	@Test
	void countWithAFraction() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!F2").setCellValue(1.5));
		assertRejected(v, "KPI!F2");
		assertThat(errors(v).get(0).message()).contains("実績「1.5」は件数として読めません");
	}

	@Test
	void negativeCount() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!F2").setCellValue("-1件"));
		assertRejected(v, "KPI!F2");
		assertThat(errors(v).get(0).message()).contains("実績「-1件」は件数として読めません");
	}

	@Test
	void numericResultNotANumber() {
		Validation v = check("COMP", wb -> cell(wb, "KPI!F2").setCellValue("ほぼ全員"));
		assertRejected(v, "KPI!F2");
		assertThat(errors(v).get(0).message()).contains("実績「ほぼ全員」は数値として読めません");
	}

	@Test
	void maintainResultNeitherYesNorNo() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!F3").setCellValue("更新審査中"));
		assertRejected(v, "KPI!F3");
		assertThat(errors(v).get(0).message()).contains("実績「更新審査中」は維持のKPIの結果として読めません");
	}

	@Test
	void qualitativeResultOtherThanTheThreeWords() {
		Validation v = check("RISK", wb -> cell(wb, "KPI!F2").setCellValue("完了"));
		assertRejected(v, "KPI!F2");
		assertThat(errors(v).get(0).message()).contains("実績「完了」は定性のKPIの結果として読めません").contains("達成, 継続中, 未達");
	}

	@Test
	void unknownProgress() {
		Validation v = check("ISEC", wb -> {
			cell(wb, "取り組み!C2").setCellValue("ほぼ完了");
			cell(wb, "取り組み!C4").setCellValue(120);
		});
		assertRejected(v, "取り組み!C2", "取り組み!C4");
		assertThat(errors(v).get(0).message()).contains("進捗「ほぼ完了」は読めません");
	}

	@Test
	void everyErrorOfAFileIsReportedAtOnce() {
		Validation v = check("ISEC", wb -> {
			cell(wb, "KPI!F2").setCellValue("多数");
			cell(wb, "KPI!F3").setCellValue("不明");
			cell(wb, "取り組み!C3").setCellValue("たぶん");
		});
		assertRejected(v, "KPI!F2", "KPI!F3", "取り組み!C3");
	}

	// ---- cells that hold no value: never read as 0 or blank -------------------------------------------------

	@Test
	void formulaWithoutASavedResultIsAnErrorAtEachCellItIsRead() {
		// as POI, openpyxl and scripts write formulas: <f> without <v>; POI itself would answer 0 and blank
		Validation v = check("ISEC", wb -> List.of("表紙!B5", "KPI!F2", "KPI!H2", "取り組み!C3")
			.forEach(reference -> withoutResult(wb, reference, "SUM(X1:X2)")));
		assertRejected(v, "表紙!B5", "KPI!H2", "KPI!F2", "取り組み!C3");
		assertThat(errors(v)).extracting(Issue::message).containsOnly("数式の計算結果が保存されていません。Excelで開いて保存し直してください");
	}

	@Test
	void idFormulaWithoutAResultIsAnErrorAndNoPlanRowIsSaidMissing() {
		Validation v = check("ISEC", wb -> withoutResult(wb, "KPI!A3", "\"K\"&\"02\""));
		assertRejected(v, "KPI!A3");
		assertThat(errors(v).get(0).message()).isEqualTo(SubmissionValidator.WITHOUT_RESULT);
		// the unread ID may well be K02's row
		assertThat(warnings(v)).isEmpty();
	}

	@Test
	void departmentCodeFormulaWithoutAResultIsAnError() {
		Validation v = check("ISEC", wb -> withoutResult(wb, "表紙!B3", "\"ISEC\""));
		assertRejected(v, "表紙!B3");
		assertThat(errors(v).get(0).message()).isEqualTo(SubmissionValidator.WITHOUT_RESULT);
		assertThat(v.departmentCode()).isEmpty();
	}

	@Test
	void formulaErrorValueInAResultIsAnErrorNamingIt() {
		Validation v = check("COMP", wb -> calculated(wb, "KPI!F2", "1/0"));
		assertRejected(v, "KPI!F2");
		assertThat(errors(v).get(0).message()).startsWith("実績「#DIV/0!」は数値として読めません");
		assertThat(warnings(v)).isEmpty();
	}

	@Test
	void errorValuesInWordsAndNotesAreErrorsToo() {
		Validation v = check("RISK", wb -> List.of("KPI!F2", "KPI!H2").forEach(reference -> calculated(wb, reference, "NA()")));
		assertRejected(v, "KPI!H2", "KPI!F2");
		assertThat(errors(v)).extracting(Issue::message).containsExactly(
				"「#N/A」はエラー値のため読めません。数式や参照先を直すか、値を入力してください",
				"実績「#N/A」は定性のKPIの結果として読めません (期待値: 達成, 継続中, 未達 のいずれか)");
	}

	@Test
	void numberCellsHoldingNoFiniteNumberAreErrorsAtTheirCells() {
		// Excel cannot save these; a generator can: <v>NaN</v>, <v>1E999</v>
		Validation v = check("COMP", wb -> {
			cell(wb, "KPI!F2").getCTCell().setV("NaN");
			XSSFCell infinite = cell(wb, "KPI!F4");
			infinite.setCellValue(1);
			infinite.getCTCell().setV("1E999");
			XSSFCell note = cell(wb, "KPI!H3");
			note.setCellValue(1);
			note.getCTCell().setV("NaN");
		});
		assertRejected(v, "KPI!F2", "KPI!H3", "KPI!F4");
		assertThat(errors(v)).extracting(Issue::message).containsExactly(
				"実績「NaN」は数値として読めません (期待値: 数値、例: 98.9 または 98.9%)",
				"「NaN」は数値として読めません。値を入力し直してください",
				"実績「1E999」は件数として読めません (期待値: 0以上の整数、例: 1 または 1件)");
	}

	@Test
	void aFractionTypedForAPercentWhoseTargetIsAboveOneIsWarnedAndKept() {
		Validation v = check("COMP", wb -> {
			XSSFCell result = cell(wb, "KPI!F2");
			result.setCellValue(0.32);
			result.setCellStyle(wb.createCellStyle());
		});
		assertAccepted(v, "KPI!F2");
		assertThat(warnings(v).get(0).message())
			.isEqualTo("実績「0.32」を 0.32% と読みました。32% の意味であれば 32 または 32% と入力してください (目標値: 100%)");
		assertThat(kpi(v, "K05").number()).isEqualByComparingTo("0.32");

		Validation typed = check("COMP", wb -> cell(wb, "KPI!F2").setCellValue("０．３２"));
		assertAccepted(typed, "KPI!F2");
		assertThat(kpi(typed, "K05").number()).isEqualByComparingTo("0.32");

		// not warned: written with a percent sign (the sample's 0.989 in a 0.0% cell is percentFormattedCell),
		// or a % KPI without a target above 1 (K06, 増加)
		assertClean(check("COMP", wb -> cell(wb, "KPI!F2").setCellValue("0.32%")));
		assertClean(check("COMP", wb -> cell(wb, "KPI!F3").setCellValue(0.5)));
	}

	// ---- one name, two places: neither is read ---------------------------------------------------------------

	@Test
	void aHiddenSheetWhoseNameIsTheSameAfterNfkcIsAnErrorAndNeitherIsRead() {
		Validation v = check("COMP", wb -> {
			wb.cloneSheet(wb.getSheetIndex("KPI"), "ＫＰＩ");
			wb.setSheetOrder("ＫＰＩ", 0);
			wb.setActiveSheet(1);
			wb.setSheetHidden(0, true);
			cell(wb, "ＫＰＩ!F2").setCellValue(50);
		});
		assertRejected(v, "ＫＰＩ");
		assertThat(errors(v).get(0).message()).contains("シート「ＫＰＩ」(非表示)と「KPI」は同じ名前「KPI」とみなされるため")
			.contains("不要なシートを削除してください");
		// nothing of either sheet was read: no issue names a KPI cell
		assertThat(v.issues()).extracting(Issue::where).doesNotContain("KPI", "KPI!F2");
	}

	@Test
	void aSecondColumnWithTheSameLabelIsAnErrorNamingBothHeaderCells() {
		Validation v = check("ISEC", wb -> {
			cell(wb, "KPI!I1").setCellValue("実績");
			cell(wb, "KPI!I2").setCellValue(0);
		});
		assertRejected(v, "KPI!I1");
		assertThat(errors(v).get(0).message()).isEqualTo("列「実績」が2つあります (F1, I1)。どれを読むか決められないため、不要な列を削除してください");
		// neither column was read: no 未報告 warnings either
		assertThat(warnings(v)).isEmpty();
	}

	@Test
	void aSecondCoverRowWithTheSameLabelIsAnError() {
		Validation v = check("ISEC", wb -> {
			cell(wb, "表紙!A9").setCellValue("部署コード");
			cell(wb, "表紙!B9").setCellValue("PRIV");
		});
		assertRejected(v, "表紙!A9");
		assertThat(errors(v).get(0).message()).isEqualTo("「部署コード」の行が2つあります (A3, A9)。どれを読むか決められないため、不要な行を削除してください");
		assertThat(v.departmentCode()).isEmpty();
	}

	// ---- many issues: listed up to a limit, all counted ----------------------------------------------------

	@Test
	void issuesAreListedUpToTheLimitAndAllCounted() {
		Validation v = check("ISEC", wb -> {
			for (int r = 4; r < 404; r++) {
				cell(wb, "KPI!A" + r).setCellValue("K99");
			}
		});
		assertThat(v.accepted()).isFalse();
		assertThat(v.errors()).isEqualTo(400);
		assertThat(v.warnings()).isZero();
		assertThat(v.issues()).hasSize(Validation.LISTED + 1);
		assertThat(v.issues().get(Validation.LISTED - 1).where()).isEqualTo("KPI!A203");
		Issue rest = v.issues().get(Validation.LISTED);
		assertThat(rest.isError()).isTrue();
		assertThat(rest.where()).isEmpty();
		assertThat(rest.message()).isEqualTo("…ほか 200件 (エラー 200件、警告 0件)");
	}

	@Test
	void errorsAreListedBeforeWarningsWhenThereAreTooMany() {
		// 250 unknown columns are warned before the rows are read; the one error comes last
		Validation v = check("ISEC", wb -> {
			for (int c = 8; c < 258; c++) {
				cell(wb, "KPI!" + CellReference.convertNumToColString(c) + "1").setCellValue("列" + c);
			}
			cell(wb, "KPI!A3").setCellValue("K99");
		});
		assertThat(v.errors()).isEqualTo(1);
		assertThat(v.warnings()).isEqualTo(251);
		assertThat(v.issues()).hasSize(Validation.LISTED + 1);
		assertThat(wheres(v, Severity.ERROR)).containsExactly("KPI!A3");
		assertThat(v.issues().get(Validation.LISTED).message()).isEqualTo("…ほか 52件 (エラー 0件、警告 52件)");
		assertThat(v.issues().get(Validation.LISTED).isError()).isFalse();
	}

	// ---- warnings: the file is accepted ----------------------------------------------------------------

	@Test
	void planIdWithNoRow() {
		Validation v = check("ISEC", wb -> {
			Sheet kpi = wb.getSheet("KPI");
			kpi.removeRow(kpi.getRow(2));
		});
		assertAccepted(v, "KPI");
		assertThat(warnings(v).get(0).message()).contains("KPI K02 (ISMS維持(取得部門についてのみ)) の行がありません (未報告として扱います)");
		assertThat(v.submission().kpis()).extracting(KpiEntry::kpiId).containsExactly("K01");
	}

	@Test
	void emptyResultIsNotReported() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!F3").setBlank());
		assertAccepted(v, "KPI!F3");
		assertThat(warnings(v).get(0).message()).contains("KPI K02 の実績が空です (未報告として扱います)");
		assertThat(v.submission().kpis()).extracting(KpiEntry::kpiId).containsExactly("K01");
	}

	@Test
	void changedTargetKeepsThePlansValue() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!D2").setCellValue(3));
		assertAccepted(v, "KPI!D2");
		assertThat(warnings(v).get(0).message()).contains("目標値「3」が行動計画の値と異なります。行動計画の値 0 を使います");
	}

	@Test
	void unknownColumnIsIgnored() {
		Validation v = check("ISEC", wb -> {
			cell(wb, "KPI!I1").setCellValue("担当者");
			cell(wb, "KPI!I2").setCellValue("山田");
		});
		assertAccepted(v, "KPI!I1");
		assertThat(warnings(v).get(0).message()).contains("列「担当者」は様式にないため無視します");
	}

	@Test
	void declaredMarkDifferentFromTheComputedOne() {
		Validation v = check("ISEC", wb -> cell(wb, "取り組み!D2").setCellValue("△"));
		assertAccepted(v, "取り組み!D2");
		assertThat(warnings(v).get(0).message()).contains("自己評価「△」が進捗「完了」から算出した評価「◎」と異なります。算出した評価を使います");
	}

	@Test
	void receivedAfterTheDeadlineDayInTokyoIsLate() {
		SubmissionValidator withDeadline = new SubmissionValidator(withDeadline(LocalDate.of(2025, 10, 31)),
				new MarkRule(ReviewProperties.DEFAULT_MARKS), TOKYO);
		Path file = save(SampleWorkbooks.filled("ISEC"), "53期_ISEC_情報セキュリティ部.xlsx");

		// 2025-11-01 00:00 in Tokyo is still 2025-10-31 in UTC: the zone decides
		Instant midnight = LocalDateTime.of(2025, 11, 1, 0, 0).atZone(TOKYO).toInstant();
		Validation late = withDeadline.validate(file, file.getFileName().toString(), midnight);
		print("late", late);
		assertAccepted(late, "");
		assertThat(late.late()).isTrue();
		assertThat(warnings(late).get(0).message()).isEqualTo("提出期限 (2025-10-31) を過ぎて受信しました (受信: 2025-11-01T00:00)");

		Instant lastMinute = LocalDateTime.of(2025, 10, 31, 23, 59).atZone(TOKYO).toInstant();
		Validation onTime = withDeadline.validate(file, file.getFileName().toString(), lastMinute);
		assertThat(onTime.accepted()).isTrue();
		assertThat(onTime.late()).isFalse();
		assertThat(onTime.issues()).isEmpty();
	}

	@Test
	void textOverExcelsCellLimitIsCut() {
		// varied text: a repeated character compresses so well that POI takes the file for a zip bomb
		Random random = new Random(1);
		StringBuilder text = new StringBuilder();
		while (text.length() < 40_000) {
			text.append((char) ('ぁ' + random.nextInt(80)));
		}
		String longText = text.toString();
		Validation v = check("ISEC", wb -> {
			// Excel cannot save this, LibreOffice and generators can: written as an inline string
			XSSFCell cell = cell(wb, "ハイライト!B2");
			cell.setBlank();
			cell.getCTCell().setT(STCellType.INLINE_STR);
			cell.getCTCell().addNewIs().setT(longText);
		});
		assertAccepted(v, "ハイライト!B2");
		assertThat(warnings(v).get(0).message()).contains("40,000文字").contains("32,767文字に切り詰めました");
		String kept = v.submission().highlights().get(0).text();
		assertThat(kept).hasSize(SubmissionValidator.MAX_TEXT).endsWith(SubmissionValidator.CUT_MARK);
	}

	// ---- readings of §4: accepted without a word ---------------------------------------------------------

	@Test
	void headersAreComparedAfterNfkc() {
		Validation v = check("ISEC", wb -> {
			cell(wb, "KPI!A1").setCellValue("ＫＰＩ　ＩＤ");
			cell(wb, "KPI!F1").setCellValue(" 実績 ");
			cell(wb, "取り組み!A1").setCellValue("取り組みＩＤ");
		});
		assertClean(v);
		assertThat(v.submission().kpis()).extracting(KpiEntry::kpiId).containsExactly("K01", "K02");
	}

	@Test
	void columnsMayStandInAnyOrder() {
		Validation v = check("ISEC", wb -> swapColumns(wb.getSheet("KPI"), 5, 7));
		assertClean(v);
		assertThat(kpi(v, "K01").cell()).isEqualTo("KPI!H2");
		assertThat(kpi(v, "K01").number()).isEqualByComparingTo("1");
		assertThat(kpi(v, "K02").value()).isEqualTo("維持");
	}

	@Test
	void fullWidthDigits() {
		Validation v = check("COMP", wb -> cell(wb, "KPI!F2").setCellValue("９８．９"));
		assertClean(v);
		assertThat(kpi(v, "K05").number()).isEqualByComparingTo("98.9");
	}

	@Test
	void thousandsSeparators() {
		Validation v = check("ISEC", wb -> cell(wb, "KPI!F2").setCellValue("1,234"));
		assertClean(v);
		assertThat(kpi(v, "K01").value()).isEqualTo("1234");
	}

	@Test
	void unitAppended() {
		Validation v = check("COMP", wb -> {
			cell(wb, "KPI!F2").setCellValue("98.9%");
			cell(wb, "KPI!F4").setCellValue("1件");
		});
		assertClean(v);
		assertThat(kpi(v, "K05").number()).isEqualByComparingTo("98.9");
		assertThat(kpi(v, "K07").number()).isEqualByComparingTo("1");
	}

	@Test
	void percentFormattedCell() {
		// the sample's COMP K05 is 0.989 in a 0.0% cell, as Excel stores a typed 98.9%
		Validation v = check("COMP", wb -> assertThat(cell(wb, "KPI!F2").getNumericCellValue()).isEqualTo(0.989));
		assertClean(v);
		assertThat(kpi(v, "K05").number()).isEqualByComparingTo("98.9");
		assertThat(kpi(v, "K05").value()).isEqualTo("98.9");
	}

	@Test
	void formulaCellGivesItsCachedValue() {
		Validation v = check("ISEC", wb -> {
			XSSFCell cell = cell(wb, "KPI!F2");
			cell.setCellFormula("1+2");
			wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
		});
		assertClean(v);
		assertThat(kpi(v, "K01").number()).isEqualByComparingTo("3");
	}

	@Test
	void percentageProgress() {
		Validation v = check("ISEC", wb -> cell(wb, "取り組み!C3").setCellValue("８０％"));
		assertClean(v);
		InitiativeEntry i02 = v.submission().initiatives().stream().filter(i -> i.initiativeId().equals("I02")).findFirst()
			.orElseThrow();
		assertThat(i02.progress()).isEqualTo("80%");
		assertThat(i02.percent()).isEqualByComparingTo("80");
	}

	@Test
	void macroEnabledWorkbookIsAccepted() {
		XSSFWorkbook wb = SampleWorkbooks.filled("ISEC");
		wb.setWorkbookType(XSSFWorkbookType.XLSM);
		Path file = save(wb, "53期_ISEC_情報セキュリティ部.xlsm");
		Validation v = check(file);
		assertClean(v);
		assertThat(v.submission().kpis()).hasSize(2);
	}

	@Test
	void excel97WorkbookIsAccepted() throws IOException {
		Path file = dir.resolve("53期_COMP_コンプライアンス推進部.xls");
		try (XSSFWorkbook filled = SampleWorkbooks.filled("COMP"); HSSFWorkbook xls = SampleWorkbooks.toXls(filled);
				OutputStream out = Files.newOutputStream(file)) {
			xls.write(out);
		}
		Validation v = check(file);
		assertClean(v);
		assertThat(kpi(v, "K05").number()).isEqualByComparingTo("98.9");
		assertThat(kpi(v, "K06").number()).isEqualByComparingTo("98.4");
		assertThat(v.submission().cover().submittedOn()).isEqualTo(LocalDate.of(2025, 10, 24));
		assertThat(v.submission().initiatives()).hasSize(4);
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private Validation check(String department, Consumer<XSSFWorkbook> change) {
		XSSFWorkbook wb = SampleWorkbooks.filled(department);
		change.accept(wb);
		String name = PLAN.term() + "期_" + department + ".xlsx";
		return check(save(wb, name));
	}

	private Validation check(Path file) {
		Validation v = validator.validate(file, file.getFileName().toString(), RECEIVED);
		print(file.getFileName().toString(), v);
		return v;
	}

	/** The messages as a department reads them, in the test output (PRODUCT.md §3 lists them). */
	private static void print(String what, Validation v) {
		v.issues().forEach(i -> System.out.println("MESSAGE " + what + " " + i.describe()));
	}

	private Path save(XSSFWorkbook wb, String name) {
		Path file = dir.resolve(name);
		try (wb) {
			SampleWorkbooks.saveAs(wb, file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file;
	}

	static XSSFCell cell(XSSFWorkbook wb, String reference) {
		CellReference ref = new CellReference(reference);
		Sheet sheet = wb.getSheet(ref.getSheetName());
		Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
		return (XSSFCell) row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
	}

	/** A formula as POI, openpyxl and scripts write it: {@code <f>} without {@code <v>}. */
	private static void withoutResult(XSSFWorkbook wb, String reference, String formula) {
		XSSFCell cell = cell(wb, reference);
		cell.setBlank();
		cell.setCellFormula(formula);
		assertThat(cell.getCTCell().isSetV()).isFalse();
	}

	/** A formula as Excel saves it: with its result. */
	private static void calculated(XSSFWorkbook wb, String reference, String formula) {
		XSSFCell cell = cell(wb, reference);
		cell.setCellFormula(formula);
		wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
	}

	private static void assertRejected(Validation v, String... errorCells) {
		assertThat(v.accepted()).as("rejected").isFalse();
		assertThat(v.submission()).isNull();
		assertThat(wheres(v, Severity.ERROR)).containsExactly(errorCells);
	}

	private static void assertAccepted(Validation v, String... warningCells) {
		assertThat(wheres(v, Severity.ERROR)).isEmpty();
		assertThat(v.accepted()).as("accepted").isTrue();
		assertThat(wheres(v, Severity.WARNING)).containsExactly(warningCells);
	}

	private static void assertClean(Validation v) {
		assertThat(v.issues()).extracting(Issue::describe).isEmpty();
		assertThat(v.accepted()).isTrue();
	}

	private static List<String> wheres(Validation v, Severity severity) {
		return v.issues().stream().filter(i -> i.severity() == severity).map(Issue::where).toList();
	}

	private static List<Issue> errors(Validation v) {
		return v.issues().stream().filter(Issue::isError).toList();
	}

	private static List<Issue> warnings(Validation v) {
		return v.issues().stream().filter(i -> !i.isError()).toList();
	}

	private static KpiEntry kpi(Validation v, String id) {
		return v.submission().kpis().stream().filter(k -> k.kpiId().equals(id)).findFirst().orElseThrow();
	}

	private static Plan withDeadline(LocalDate deadline) {
		return new Plan(PLAN.group(), PLAN.term(), PLAN.start(), PLAN.end(), deadline, PLAN.departments(), PLAN.kpis(),
				PLAN.initiatives());
	}

	/** Swaps two columns' cells (values and styles), header included. */
	static void swapColumns(Sheet sheet, int a, int b) {
		for (Row row : sheet) {
			Cell ca = row.getCell(a, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
			Cell cb = row.getCell(b, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
			Object va = value(ca);
			CellStyle sa = ca.getCellStyle();
			set(ca, value(cb));
			ca.setCellStyle(cb.getCellStyle());
			set(cb, va);
			cb.setCellStyle(sa);
		}
	}

	private static Object value(Cell cell) {
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> cell.getNumericCellValue();
			default -> null;
		};
	}

	private static void set(Cell cell, Object value) {
		if (value instanceof String s) {
			cell.setCellValue(s);
		}
		else if (value instanceof Double d) {
			cell.setCellValue(d);
		}
		else {
			cell.setBlank();
		}
	}

}
