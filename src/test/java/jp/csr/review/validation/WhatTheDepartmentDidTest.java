package jp.csr.review.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.ss.util.CellRangeAddress;
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
