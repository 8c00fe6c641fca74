package jp.csr.review;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jp.csr.review.feedback.Drops;
import jp.csr.review.plan.Initiative;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PRODUCT.md §10, the views for reporting tools (README, PostgreSQL): after the real job on the bundled sample,
 * each view shows what the term's latest review shows, whichever store holds it; on PostgreSQL a role given the
 * README's GRANTs reads the views and cannot write.
 */
@SpringBootTest
@SharedStoreToo
class ReportingViewsTest {

	static final Path ROOT = SampleFolders.copy("reporting-views");

	static final Path INPUT = ROOT.resolve("input");

	static final Path REVIEW = ROOT.resolve("output/53期_行動計画振り返り.xlsx");

	static final String BCP = "53期_BCP_BCP推進部.xlsx";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void eachViewShowsWhatTheLatestReviewOfTheTermShows() throws Exception {
		// 1: BCP has sent nothing yet — its KPIs and initiatives are 未提出, and so is its row of review_submission
		Files.move(INPUT.resolve(BCP), ROOT.resolve(BCP));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(submissions()).containsExactly("AD 受理", "BCP 未提出", "COMP 受理", "DEV 受理", "ISEC 受理", "PRIV 受理",
				"RISK 受理");
		assertSubmissionsAsTheReviewShows();
		assertKpisAsTheReviewShows();
		assertThat(jdbc.sql("SELECT kpi_id, department_code, outcome FROM review_kpi_result WHERE kpi_id IN ('K12', 'K13')"
				+ " ORDER BY kpi_id").query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
			.containsExactly("K12 BCP 未提出", "K13 BCP 未提出");
		assertThat(jdbc.sql("SELECT DISTINCT department_code FROM review_initiative_mark WHERE mark = '未提出'")
			.query(String.class).list()).as("the plan's department of each initiative not submitted").containsExactly("BCP");
		assertThat(marks()).containsExactlyElementsOf(referenceMarks("BCP"));

		// 2: BCP's file arrives: the sample complete, as the reference shows it; one row per KPI and initiative
		// although two runs judged the term
		Files.move(ROOT.resolve(BCP), INPUT.resolve(BCP));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(submissions()).containsExactly("AD 受理", "BCP 受理", "COMP 受理", "DEV 受理", "ISEC 受理", "PRIV 受理",
				"RISK 受理");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_submission WHERE term = 53 AND errors = 0 AND warnings = 0"
				+ " AND newest_file = file_in_use AND rejected_file IS NULL AND received_at IS NOT NULL"
				+ " AND newest_loaded_at IS NOT NULL AND submitted_by IS NOT NULL").query(Integer.class).single()).isEqualTo(7);
		assertSubmissionsAsTheReviewShows();
		assertKpisAsTheReviewShows();
		assertThat(jdbc.sql("SELECT kpi_id || ' ' || outcome FROM review_kpi_result ORDER BY plan_order").query(String.class)
			.list()).containsExactly("K01 未達", "K02 達成", "K03 未達", "K04 達成", "K05 未達", "K06 判定不能", "K07 達成", "K08 継続中",
					"K09 判定不能", "K10 継続中", "K11 継続中", "K12 継続中", "K13 継続中");
		assertThat(marks()).containsExactlyElementsOf(referenceMarks(null));
		assertThat(jdbc.sql("SELECT source_file || ' ' || source_cell FROM review_initiative_mark WHERE initiative_id = 'I01'")
			.query(String.class).single()).isEqualTo("53期_ISEC_情報セキュリティ部.xlsx 取り組み!C2");

		// 3: AD sends a file that is rejected: 差戻し, its accepted file stays in use and its KPIs are judged from it
		String bad = "53期_AD_広告審査部_修正.xlsx";
		Drops.drop(INPUT, "AD", bad, wb -> Drops.cell(wb, "KPI!F2").setCellValue("おおむね良好"),
				SampleFolders.RECEIVED.plusSeconds(60));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT status, file_in_use, rejected_file, newest_file, errors FROM review_submission"
				+ " WHERE term = 53 AND department_code = 'AD'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) > 0))
			.single()).containsExactly("差戻し", "53期_AD_広告審査部.xlsx", bad, bad, true);
		assertThat(submissions()).hasSize(7).filteredOn(s -> s.endsWith("受理")).hasSize(6);
		assertSubmissionsAsTheReviewShows();
		assertKpisAsTheReviewShows();
		assertThat(marks()).containsExactlyElementsOf(referenceMarks(null));

		// read-only for everyone, their owner too: each joins tables, which neither database writes through
		for (String view : List.of("review_kpi_result", "review_initiative_mark", "review_submission")) {
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM " + view).update()).as(view)
				.hasMessageContaining(view).hasMessageContaining("view");
		}
	}

	/**
	 * The README's GRANTs for a BI tool: the role reads the views, and neither reads nor writes the tables. Run on
	 * PostgreSQL only (SQLite has no roles: a reader opens the file read-only, as the README says).
	 */
	@Test
	void aReadOnlyRoleReadsTheViewsAndWritesNothing() throws Exception {
		assumeTrue(TestStore.postgres(), "roles are PostgreSQL's");
		String url;
		try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
			url = admin.getMetaData().getURL();
			String database = admin.getCatalog();
			s.execute("CREATE ROLE review_bi LOGIN PASSWORD 'bi-secret'");
			s.execute("GRANT CONNECT ON DATABASE " + database + " TO review_bi");
			s.execute("GRANT USAGE ON SCHEMA public TO review_bi");
			s.execute("GRANT SELECT ON review_kpi_result, review_initiative_mark, review_submission TO review_bi");
		}
		try (Connection bi = DriverManager.getConnection(url, "review_bi", "bi-secret");
				Statement s = bi.createStatement()) {
			for (String view : List.of("review_kpi_result", "review_initiative_mark", "review_submission")) {
				try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + view)) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getInt(1)).as(view).isEqualTo(
							jdbc.sql("SELECT COUNT(*) FROM " + view).query(Integer.class).single());
				}
			}
			assertThatThrownBy(() -> s.executeUpdate("INSERT INTO judged_term (job_instance_id, term) VALUES (999, 53)"))
				.isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table judged_term");
			assertThatThrownBy(() -> s.executeQuery("SELECT * FROM submission_file"))
				.isInstanceOf(SQLException.class).hasMessageContaining("permission denied for table submission_file");
		}
	}

	@Test
	void aDepartmentThatNeverSubmittedIsListedLateOnceTheDeadlineHasPassed() throws Exception {
		// a term whose plan lists a department that sent nothing, and whose deadline is still ahead
		jdbc.sql("INSERT INTO plan_term (term, late_from) VALUES (99, '2999-01-01T00:00:00Z')").update();
		jdbc.sql("INSERT INTO plan_department (term, department_code, position) VALUES (99, 'NEW', 1)").update();
		assertThat(jdbc.sql("SELECT term, department_code, status, late, errors, file_in_use FROM review_submission"
				+ " WHERE term = 99").query((rs, n) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3),
						rs.getBoolean(4), rs.getInt(5), String.valueOf(rs.getString(6)))).single())
			.containsExactly(99, "NEW", "未提出", false, 0, "null");
		jdbc.sql("UPDATE plan_term SET late_from = '2025-10-31T15:00:00Z' WHERE term = 99").update();
		assertThat(jdbc.sql("SELECT late FROM review_submission WHERE term = 99").query((rs, n) -> rs.getBoolean(1))
			.single()).isTrue();
	}

	/**
	 * Each row of the review's 提出状況 and the view's row of that department: every department of the plan, with
	 * its state, file in use, 期限超過, counts and rejected file alike.
	 */
	private void assertSubmissionsAsTheReviewShows() throws Exception {
		List<List<Object>> shown = new ArrayList<>();
		try (InputStream in = Files.newInputStream(REVIEW); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("提出状況");
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				shown.add(List.of(text(row.getCell(0)), text(row.getCell(2)), text(row.getCell(3)),
						"はい".equals(text(row.getCell(7))), (int) row.getCell(8).getNumericCellValue(),
						(int) row.getCell(9).getNumericCellValue(), text(row.getCell(10))));
			}
		}
		List<List<Object>> viewed = jdbc.sql("""
				SELECT d.department_code, s.status, s.file_in_use, s.late, s.errors, s.warnings, s.rejected_file
				FROM plan_department d JOIN review_submission s ON s.term = d.term AND s.department_code = d.department_code
				WHERE d.term = 53 ORDER BY d.position""")
			.query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)).replace("null", ""),
					rs.getBoolean(4), rs.getInt(5), rs.getInt(6), String.valueOf(rs.getString(7)).replace("null", "")))
			.list();
		assertThat(viewed).hasSize(7).containsExactlyElementsOf(shown);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_submission WHERE term = 53").query(Integer.class).single())
			.isEqualTo(7);
	}

	/** "department status" per row of review_submission for 53期, by department. */
	private List<String> submissions() {
		return jdbc.sql("SELECT department_code || ' ' || status FROM review_submission WHERE term = 53 ORDER BY department_code")
			.query(String.class)
			.list();
	}

	/** "initiative mark" per row of review_initiative_mark, in the plan's order (its IDs are). */
	private List<String> marks() {
		return jdbc.sql("SELECT initiative_id || ' ' || COALESCE(mark, '-') FROM review_initiative_mark WHERE term = 53"
				+ " ORDER BY initiative_id").query(String.class).list();
	}

	/** The reference's marks (SampleReviewTest.INITIATIVES), 未提出 for the initiatives of {@code missing}. */
	private static List<String> referenceMarks(String missing) {
		List<Initiative> plan = SampleWorkbooks.plan().initiatives();
		List<String> marks = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			Initiative initiative = plan.get(i);
			assertThat(initiative.text()).isEqualTo(SampleReviewTest.INITIATIVES.get(i)[0]);
			marks.add(initiative.id() + " "
					+ (initiative.departmentCode().equals(missing) ? "未提出" : SampleReviewTest.INITIATIVES.get(i)[1]));
		}
		assertThat(marks).hasSize(25);
		return marks;
	}

	/**
	 * Each KPI row of the review's KPI達成状況 and the view's row of that KPI: 部署コード (未提出 ones too), 実績,
	 * 基準値, 達成率, 結果 and 出典 alike, and no other rows.
	 */
	private void assertKpisAsTheReviewShows() throws Exception {
		Map<String, List<Object>> shown = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(REVIEW); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("KPI達成状況");
			List<String> headers = new ArrayList<>();
			sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String outcome = text(row.getCell(headers.indexOf("結果")));
				BigDecimal rate = number(row.getCell(headers.indexOf("達成率")));
				shown.put(text(row.getCell(0)), List.of(
						text(row.getCell(headers.indexOf("部署コード"))),
						value(row.getCell(headers.indexOf("実績"))), value(row.getCell(headers.indexOf("基準値"))),
						rate == null ? "-" : rate.setScale(6, java.math.RoundingMode.HALF_UP).movePointRight(2).stripTrailingZeros().toPlainString(), outcome,
						text(row.getCell(headers.indexOf("出典")))));
			}
		}
		Map<String, List<Object>> viewed = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT kpi_id, department_code, result_value, baseline, achievement_rate, outcome, source_file, source_sha256,
				       source_cell
				FROM review_kpi_result WHERE term = 53 ORDER BY plan_order""")
			.query(rs -> {
				String file = rs.getString(7);
				viewed.put(rs.getString(1), List.of(dash(rs.getString(2)), dash(rs.getString(3)), decimal(rs.getString(4)),
						decimal(rs.getString(5)), rs.getString(6),
						file == null ? "" : file + " (" + rs.getString(8).substring(0, 8) + ") " + rs.getString(9)));
			});
		assertThat(viewed).hasSize(13).containsExactlyEntriesOf(shown);
	}

	private static String text(Cell cell) {
		return cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
	}

	private static BigDecimal number(Cell cell) {
		return cell == null || cell.getCellType() == CellType.BLANK ? null : BigDecimal.valueOf(cell.getNumericCellValue());
	}

	/** 実績 and 基準値 as the sheet shows them: a number, a word, or "-" when empty. */
	private static String value(Cell cell) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return "-";
		}
		return cell.getCellType() == CellType.NUMERIC ? decimal(Double.toString(cell.getNumericCellValue()))
				: cell.getStringCellValue();
	}

	private static String decimal(String text) {
		return text == null ? "-" : new BigDecimal(text).stripTrailingZeros().toPlainString();
	}

	private static String dash(String text) {
		return text == null ? "-" : text;
	}

}
