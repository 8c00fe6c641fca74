package jp.csr.review.nextterm;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.sample.SampleWorkbooks;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §8: the next term's plan moves every date a year on (a 提出期限 too; 29 February to the 28th),
 * replaces each 前期実績 with this term's result and sets each 前期評価; the plan workbook it is written as reads
 * back as the same plan, whatever its texts and numbers.
 */
class NextTermTest {

	@TempDir
	Path dir;

	@Test
	void aYearOnWithThisTermsResultsAndMarksReadBackUnchanged() throws Exception {
		Plan sample = SampleWorkbooks.plan();
		List<Kpi> kpis = new ArrayList<>(sample.kpis());
		// a 前期実績 of its own (two terms old by next term), a text that looks like a formula
		Kpi k05 = kpis.get(4);
		kpis.set(4, new Kpi(k05.id(), k05.departmentCode(), k05.materiality(), k05.commitment(), "=SUM(A1)+1",
				k05.indicator(), k05.judgement(), new BigDecimal("11800.5"), k05.unit(), new BigDecimal("97")));
		Plan plan = new Plan(sample.group(), 53, YearMonth.of(2023, 3), YearMonth.of(2024, 2), LocalDate.of(2024, 2, 29),
				sample.departments(), kpis, sample.initiatives());

		Plan next = NextTerm.of(plan, Map.of("K09", new BigDecimal("2"), "K06", new BigDecimal("98.4")),
				Map.of("I01", "◎", "I02", "○", "I25", "△"));

		assertThat(next.term()).isEqualTo(54);
		assertThat(next.start()).isEqualTo(YearMonth.of(2024, 3));
		assertThat(next.end()).isEqualTo(YearMonth.of(2025, 2));
		assertThat(next.deadline()).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(next.departments()).isEqualTo(plan.departments());
		assertThat(next.kpis()).extracting(Kpi::id).containsExactlyElementsOf(plan.kpis().stream().map(Kpi::id).toList());
		assertThat(next.kpi("K09").orElseThrow().previousResult()).isEqualByComparingTo("2");
		assertThat(next.kpi("K06").orElseThrow().previousResult()).isEqualByComparingTo("98.4");
		assertThat(next.kpi("K05").orElseThrow().previousResult()).as("53期's own baseline is not carried").isNull();
		assertThat(next.kpi("K05").orElseThrow().target()).isEqualByComparingTo("11800.5");
		assertThat(next.initiatives()).extracting(Initiative::previousMark)
			.containsExactlyElementsOf(plan.initiatives().stream()
				.map(i -> Map.of("I01", "◎", "I02", "○", "I25", "△").getOrDefault(i.id(), ""))
				.toList());

		Path file = new PlanWriter().write(next, dir.resolve("54期_行動計画.xlsx"));
		assertThat(PlanReader.read(file)).isEqualTo(next);
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			XSSFCell deadline = wb.getSheet("概要").getRow(4).getCell(1);
			assertThat(wb.getSheet("概要").getRow(4).getCell(0).getStringCellValue()).isEqualTo("提出期限");
			assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
			assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 28));
			XSSFCell formulaLike = wb.getSheet("KPI").getRow(5).getCell(4);
			assertThat(formulaLike.getStringCellValue()).as("a text, never a formula").isEqualTo("=SUM(A1)+1");
		}
		try (var left = Files.list(dir)) {
			assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no temporary file left")
				.containsExactly("54期_行動計画.xlsx");
		}
	}

}
