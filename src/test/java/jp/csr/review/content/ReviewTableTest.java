package jp.csr.review.content;

import java.util.List;
import java.util.Map;

import jp.csr.review.content.ReviewTable.Band;
import jp.csr.review.content.ReviewTable.Cell;
import jp.csr.review.content.ReviewTable.Row;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 振り返り as a table any renderer can draw: rows with spans, and the one page-break rule. */
class ReviewTableTest {

	@Test
	void rowsGiveASpanningCellOnItsFirstRowOnlyAndEveryColumnIsCoveredOnce() {
		Plan plan = SampleWorkbooks.plan();
		ReviewTable table = ReviewTable.of(new ReviewData(plan, Map.of(), Map.of(), Map.of(), List.of(), sink -> {
		}));

		List<Row> rows = table.rows();
		assertThat(rows).hasSize(table.rowCount());
		assertThat(table.bands().stream().mapToInt(Band::rows).sum()).isEqualTo(plan.commitments().stream()
			.mapToInt(c -> Math.max(1, plan.initiativesOf(c).size()))
			.sum());
		// each column of each row is given by exactly one cell, on that row or spanning down to it
		int[] coveredUntil = new int[ReviewTable.COLUMNS];
		for (int r = 0; r < rows.size(); r++) {
			for (Cell cell : rows.get(r).cells()) {
				assertThat(coveredUntil[cell.column()]).as("row %d column %d", r, cell.column()).isLessThanOrEqualTo(r);
				coveredUntil[cell.column()] = r + cell.rows();
			}
			for (int c = 0; c < ReviewTable.COLUMNS; c++) {
				assertThat(coveredUntil[c]).as("row %d column %d", r, c).isGreaterThan(r);
			}
		}
		// the first row opens the first materiality and the first band, spanning all their rows
		Band first = table.bands().get(0);
		Cell materiality = rows.get(0).cells().get(0);
		assertThat(materiality.column()).isEqualTo(ReviewTable.MATERIALITY);
		assertThat(materiality.text()).isEqualTo(first.materiality());
		assertThat(materiality.rows()).isEqualTo(table.bands().stream()
			.filter(b -> b.materiality().equals(first.materiality()))
			.mapToInt(Band::rows)
			.sum());
		assertThat(rows.get(0).cells()).filteredOn(c -> c.column() == ReviewTable.HIGHLIGHT)
			.singleElement()
			.extracting(Cell::rows)
			.isEqualTo(first.rows());
		assertThat(table.legend()).isEqualTo(ReviewMarks.LEGEND);
	}

	@Test
	void theWorkbookKeepsTheReferencesTildeAndPrintJoinsTheTermsMonthsWithAWaveDash() {
		Plan plan = SampleWorkbooks.plan();
		assertThat(Medium.WORKBOOK.period(plan)).isEqualTo("2024年10月~2025年9月").isEqualTo(plan.period());
		assertThat(Medium.PRINT.period(plan)).isEqualTo("2024年10月\u301C2025年9月");

		ReviewTable workbook = ReviewTable.of(new ReviewData(plan, Map.of(), Map.of(), Map.of(), List.of(), sink -> {
		}));
		assertThat(workbook.title()).isEqualTo("53期(2024年10月~2025年9月) マイナビグループ行動計画振り返り");
		ReviewTable printed = workbook.in(Medium.PRINT, plan);
		assertThat(printed.title()).isEqualTo("53期(2024年10月\u301C2025年9月) マイナビグループ行動計画振り返り");
		assertThat(printed.headers()).containsExactly("マテリアリティ", "コミットメント", "53期KPI\n(2024年10月\u301C2025年9月)",
				"具体的な取り組み", "アクションプランに\n対する自己評価", "53期実績\n(2024年10月\u301C2025年9月)",
				"53期実績(2024年10月\u301C2025年9月)\n主な取り組みとハイライト");
		// only the words of the range differ: the body and the legend are the workbook's
		assertThat(printed.bands()).isEqualTo(workbook.bands());
		assertThat(printed.legend()).isEqualTo(workbook.legend());
	}

	@Test
	void aBandStartsAPageWhenItDoesNotFitAndOnlyABandTallerThanAPageBreaksBetweenItsRows() {
		assertThat(PageBreaks.startsPage(false, 60, 50)).isTrue();
		assertThat(PageBreaks.startsPage(false, 50, 50)).isFalse();
		// an empty page takes whatever comes
		assertThat(PageBreaks.startsPage(true, 500, 100)).isFalse();
		assertThat(PageBreaks.rowsOnPage(new float[] { 40, 40, 40 }, true, 100)).isEqualTo(2);
		assertThat(PageBreaks.rowsOnPage(new float[] { 400, 40 }, true, 100)).isEqualTo(1);
		assertThat(PageBreaks.rowsOnPage(new float[] { 40 }, false, 30)).isZero();
		// heights by function: the second band is taller than a page, broken between its rows
		float[] heights = { 30, 60, 60, 60 };
		assertThat(PageBreaks.before(new int[] { 1, 3 }, row -> heights[row], 100)).containsExactly(1, 2, 3);
	}

}
