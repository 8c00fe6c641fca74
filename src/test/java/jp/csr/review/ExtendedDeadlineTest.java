package jp.csr.review;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.CellStyle;
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

/**
 * PRODUCT.md §3, late: decided from a file's received time and the plan in force each time the review is written.
 * The office extends 提出期限: the review is written again, and a file received between the two deadlines is no
 * longer late, in 提出状況, in 検証結果 and in the views; a department whose only file was rejected is late as one
 * without a file, never "unknown".
 */
@SpringBootTest
@SharedStoreToo
class ExtendedDeadlineTest {

	static final Path ROOT = SampleFolders.planOnly("extended-deadline");

	static final Path PLAN = ROOT.resolve("plan.xlsx");

	static final Path INPUT = ROOT.resolve("input");

	static final Path REVIEW = ROOT.resolve("output/53期_行動計画振り返り.xlsx");

	/** The end of it in Tokyo is 2025-10-31T15:00Z. */
	static final LocalDate DEADLINE = LocalDate.of(2025, 10, 31);

	/** Far ahead: it has not passed whenever the test runs. */
	static final LocalDate EXTENDED = LocalDate.of(2099, 11, 30);

	/** After the first deadline, before the extended one. */
	static final Instant BETWEEN = Instant.parse("2025-11-05T01:00:00Z");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExtendedDeadlineRewritesTheReviewWithTheFileNoLongerLate() throws Exception {
		deadline(DEADLINE);
		Drops.drop(INPUT, "ISEC", "53期_ISEC_情報セキュリティ部.xlsx", wb -> {
		}, BETWEEN);
		// DEV's only file is rejected (its first KPI counts incidents: a word), received on time
		Drops.drop(INPUT, "DEV", "53期_DEV_システム開発部.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("少し"),
				Instant.parse("2025-10-20T01:00:00Z"));
		run();
		ReviewWorkbook review = ReviewWorkbook.open(REVIEW);
		Map<String, String> isec = review.row("提出状況", "部署コード", "ISEC");
		assertThat(List.of(isec.get("期限超過"), isec.get("警告件数"))).containsExactly("はい", "1");
		assertThat(review.table("検証結果")).filteredOn(r -> r.get("ファイル").startsWith("53期_ISEC"))
			.extracting(r -> r.get("メッセージ"))
			.containsExactly("提出期限 (2025-10-31) を過ぎて受信しました (受信: 2025-11-05T10:00)");
		assertThat(late("ISEC")).isTrue();
		assertThat(late("DEV")).as("no file in use, the deadline passed").isTrue();

		// ---- the office extends 提出期限: the same files, the review written again ----
		deadline(EXTENDED);
		run();
		review = ReviewWorkbook.open(REVIEW);
		isec = review.row("提出状況", "部署コード", "ISEC");
		assertThat(List.of(isec.get("状態"), isec.get("期限超過"), isec.get("警告件数"))).containsExactly("受理", "いいえ", "0");
		assertThat(review.row("提出状況", "部署コード", "AD").get("期限超過")).isEqualTo("いいえ");
		Map<String, String> dev = review.row("提出状況", "部署コード", "DEV");
		assertThat(List.of(dev.get("状態"), dev.get("期限超過"))).containsExactly("差戻し", "いいえ");
		assertThat(review.table("検証結果")).extracting(r -> r.get("メッセージ")).noneMatch(m -> m.startsWith("提出期限"));
		assertThat(late("ISEC")).isFalse();
		assertThat(late("DEV")).as("rejected before a deadline still ahead: いいえ, as the review says").isFalse();
		assertThat(jdbc.sql("SELECT warnings FROM review_submission WHERE term = 53 AND department_code = 'ISEC'")
			.query(Integer.class).single()).isZero();

		// ---- and brought back: late again, with the deadline in force named ----
		deadline(DEADLINE);
		run();
		review = ReviewWorkbook.open(REVIEW);
		assertThat(review.row("提出状況", "部署コード", "ISEC").get("期限超過")).isEqualTo("はい");
		assertThat(review.table("検証結果")).extracting(r -> r.get("メッセージ"))
			.contains("提出期限 (2025-10-31) を過ぎて受信しました (受信: 2025-11-05T10:00)");
		assertThat(late("ISEC")).isTrue();
	}

	private void run() throws Exception {
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	/** review_submission.late of a department: never NULL. */
	private boolean late(String department) {
		Object late = jdbc.sql("SELECT late FROM review_submission WHERE term = 53 AND department_code = ?")
			.param(department)
			.query((rs, n) -> rs.getObject(1))
			.single();
		assertThat(late).as(department + " late").isNotNull();
		return late instanceof Boolean b ? b : ((Number) late).intValue() == 1;
	}

	/** The plan's 提出期限, as the office types it in 概要. */
	private static void deadline(LocalDate day) throws Exception {
		XSSFWorkbook wb;
		try (InputStream in = Files.newInputStream(PLAN)) {
			wb = new XSSFWorkbook(in);
		}
		try (wb; OutputStream out = Files.newOutputStream(PLAN)) {
			Sheet overview = wb.getSheet("概要");
			Row row = null;
			for (Row r : overview) {
				if (r.getCell(0) != null && "提出期限".equals(r.getCell(0).getStringCellValue())) {
					row = r;
				}
			}
			if (row == null) {
				row = overview.createRow(overview.getLastRowNum() + 1);
				row.createCell(0).setCellValue("提出期限");
			}
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/mm/dd"));
			row.createCell(1).setCellValue(day);
			row.getCell(1).setCellStyle(date);
			wb.write(out);
		}
	}

}
