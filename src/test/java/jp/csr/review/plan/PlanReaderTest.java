package jp.csr.review.plan;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PRODUCT.md §1: the plan workbook. */
class PlanReaderTest {

	@TempDir
	Path dir;

	/** A plan workbook; {@code kpiRows}' first row is the header, in whatever order the test wants. */
	Path plan(Object startMonth, List<List<Object>> kpiRows, List<List<Object>> initiativeRows) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet extra = wb.createSheet("メモ");
			extra.createRow(0).createCell(0).setCellValue("extra sheets are ignored");
			Sheet overview = wb.createSheet("概要");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/mm/dd"));
			put(overview, 0, "ＧＲＯＵＰ", "ignored label");
			put(overview, 1, "期", 53);
			put(overview, 2, "グループ名", "マイナビグループ");
			put(overview, 3, "開始年月", startMonth);
			put(overview, 4, "終了年月", "2025年9月");
			Row deadline = overview.createRow(5);
			deadline.createCell(0).setCellValue("提出期限");
			deadline.createCell(1).setCellValue(LocalDate.of(2025, 10, 31));
			deadline.getCell(1).setCellStyle(date);
			table(wb.createSheet("部署"), List.of(List.of("部署名", "部署コード", "備考"), List.of("情報セキュリティ部", "ISEC", "x"),
					List.of("コンプライアンス推進部", "COMP", "")));
			table(wb.createSheet("KPI"), kpiRows);
			table(wb.createSheet("取り組み"), initiativeRows);
			Path file = dir.resolve("plan.xlsx");
			try (OutputStream out = Files.newOutputStream(file)) {
				wb.write(out);
			}
			return file;
		}
	}

	static void put(Sheet sheet, int row, String label, Object value) {
		table(sheet, row, List.of(label, value));
	}

	static void table(Sheet sheet, List<List<Object>> rows) {
		for (int r = 0; r < rows.size(); r++) {
			table(sheet, r, rows.get(r));
		}
	}

	static void table(Sheet sheet, int r, List<Object> values) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < values.size(); c++) {
			Object v = values.get(c);
			if (v instanceof Number n) {
				row.createCell(c).setCellValue(n.doubleValue());
			}
			else {
				row.createCell(c).setCellValue(String.valueOf(v));
			}
		}
	}

	static final List<Object> KPI_HEADER = List.of("判定", "ＫＰＩ　ＩＤ", "部署コード", "マテリアリティ", "コミットメント", "KPI", "指標名", "目標値",
			"単位", "前期実績", "担当メモ");

	static final List<Object> INITIATIVE_HEADER = List.of("取り組みID", "部署コード", "マテリアリティ", "コミットメント", "具体的な取り組み");

	static List<Object> kpi(String judgement, String id, String code, String commitment, Object target) {
		return List.of(judgement, id, code, "責任ある企業活動の実施", commitment, id + "のKPI", id + "の指標", target, "件", "", "");
	}

	static List<Object> initiative(String id, String code, String materiality, String commitment) {
		return List.of(id, code, materiality, commitment, id + "の取り組み");
	}

	@Test
	void readsColumnsInAnyOrderAndEveryYearMonthForm() throws Exception {
		for (Object start : List.of("2024-10", "2024/10", "2024年10月", "２０２４年１０月")) {
			Plan plan = PlanReader.read(plan(start,
					List.of(KPI_HEADER, kpi("以下", "K1", "ISEC", "情報セキュリティ体制の構築", 0),
							kpi("定性", "K2", "COMP", "コンプライアンス", "")),
					List.of(INITIATIVE_HEADER, initiative("I1", "ISEC", "責任ある企業活動の実施", "情報セキュリティ体制の構築"))));
			assertThat(plan.start()).isEqualTo(YearMonth.of(2024, 10));
			assertThat(plan.end()).isEqualTo(YearMonth.of(2025, 9));
			assertThat(plan.period()).isEqualTo("2024年10月~2025年9月");
			assertThat(plan.term()).isEqualTo(53);
			assertThat(plan.group()).isEqualTo("マイナビグループ");
			assertThat(plan.deadline()).isEqualTo(LocalDate.of(2025, 10, 31));
			assertThat(plan.departments()).extracting(Department::code).containsExactly("ISEC", "COMP");
			assertThat(plan.kpis()).extracting(Kpi::id).containsExactly("K1", "K2");
			assertThat(plan.kpis().get(0).judgement()).isEqualTo(Criterion.AT_MOST);
			assertThat(plan.kpis().get(0).target()).isEqualByComparingTo("0");
			assertThat(plan.kpis().get(0).previousResult()).isNull();
			// commitments in review order: those with initiatives first, then those with KPIs only
			assertThat(plan.commitments()).extracting(Commitment::text).containsExactly("情報セキュリティ体制の構築", "コンプライアンス");
		}
	}

	@Test
	void collectsEveryProblemOfThePlanAtOnce() throws Exception {
		Path file = plan("2024-13",
				List.of(KPI_HEADER, kpi("以上", "K1", "ISEC", "情報セキュリティ体制の構築", ""),
						kpi("以下", "K1", "ISEC", "情報セキュリティ体制の構築", 0), kpi("たぶん", "K3", "ISEC", "情報セキュリティ体制の構築", 0),
						kpi("以下", "K4", "HR", "情報セキュリティ体制の構築", 0)),
				List.of(INITIATIVE_HEADER, initiative("I1", "ISEC", "別のマテリアリティ", "情報セキュリティ体制の構築")));
		assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOfSatisfying(PlanException.class,
				ex -> assertThat(ex.problems()).containsExactlyInAnyOrder(
						"概要!B4: 「2024-13」は年月ではありません (例: 2024-10, 2024/10, 2024年10月)",
						"KPI!H2: 判定が以上のKPIには目標値が必要です",
						"KPI!B3: KPI ID K1 が重複しています",
						"KPI!A4: 判定「たぶん」は 以上, 以下, 維持, 増加, 減少, 定性 のいずれでもありません",
						"KPI!C5: 部署コード「HR」は部署シートにありません",
						"取り組み!C2: コミットメント「情報セキュリティ体制の構築」は既にマテリアリティ「責任ある企業活動の実施」に属しています"));
	}

	@Test
	void aMissingSheetOrColumnIsNamed() throws Exception {
		Path file = plan("2024-10", List.of(List.of("KPI ID", "部署コード")), List.of(INITIATIVE_HEADER));
		assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOfSatisfying(PlanException.class,
				ex -> assertThat(ex.problems()).contains("KPI: 列「判定」がありません (1行目に見出し)", "KPI: 列「目標値」がありません (1行目に見出し)")
					.noneMatch(p -> p.contains("前期実績")));
		assertThatThrownBy(() -> PlanReader.read(dir.resolve("none.xlsx"))).isInstanceOf(PlanException.class)
			.hasMessageContaining("ファイルがありません");
	}

}
