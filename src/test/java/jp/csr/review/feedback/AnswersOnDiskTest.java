package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.SampleFolders;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Workbook;
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
 * The answers written to disk, with the real job: a department's file cannot name a path outside
 * {@code 差戻し/}, a long name still gets its copy, and an answer that could not be
 * written is written by the next run while it is still the department's newest; the copy of a
 * department's newest rejected file stays until a newer file of it is accepted (PRODUCT.md §6).
 */
@SpringBootTest
@SharedStoreToo
class AnswersOnDiskTest {

	static final Path ROOT = SampleFolders.planOnly("answers-on-disk");

	static final Path INPUT = ROOT.resolve("input");

	static final Path OUTPUT = ROOT.resolve("output");

	static final Path COPIES = OUTPUT.resolve("差戻し");

	static final Instant FIRST = Instant.parse("2025-10-10T08:00:00Z");

	static final Instant SECOND = Instant.parse("2025-10-11T08:00:00Z");

	static final Instant THIRD = Instant.parse("2025-10-12T08:00:00Z");

	static final String REVIEW = "53期_行動計画振り返り.xlsx";

	static final String RISK = "53期_RISK_リスク管理部.xlsx";

	static final String XYZ = "53期_XYZ_架空部.xlsx";

	/** 251 bytes in UTF-8: a name the file system takes, with no room for anything added to it. */
	static final String LONG = "差".repeat(82) + ".xlsx";

	static final String AD_1 = "53期_AD_広告審査部.xlsx";

	static final String AD_2 = "53期_AD_広告審査部_再提出.xlsx";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answersStayInsideTheirFolderAndAreWrittenAgainUntilSettled() throws Exception {
		assertThat(LONG.getBytes(StandardCharsets.UTF_8)).hasSize(251);
		// ---- night 1 ----
		drop("COMP", "53期_COMP_コンプライアンス推進部.xlsx", wb -> {
		}, FIRST);
		drop("RISK", RISK, wb -> cell(wb, "KPI!F2", "完了"), FIRST);
		// named like the review, with a 部署コード that climbs out of 差戻し/
		drop("ISEC", REVIEW, wb -> cell(wb, "表紙!B3", ".."), FIRST);
		drop("ISEC", XYZ, wb -> cell(wb, "表紙!B3", "XYZ"), FIRST);
		drop("DEV", LONG, wb -> cell(wb, "KPI!F2", "少し"), FIRST);
		drop("AD", AD_1, wb -> cell(wb, "KPI!F2", "おおむね良好"), FIRST);
		run();

		Path review = OUTPUT.resolve(REVIEW);
		try (Workbook wb = open(review)) {
			assertThat(wb.getSheetName(0)).as("the review is the review").isEqualTo("振り返り");
			assertThat(wb.getSheet(AnnotatedCopyWriter.SUMMARY_SHEET)).isNull();
		}
		Path risk = COPIES.resolve("RISK").resolve(RISK);
		Path unsafe = COPIES.resolve("部署不明").resolve(REVIEW);
		Path unknown = COPIES.resolve("部署不明").resolve(XYZ);
		Path dev = COPIES.resolve("DEV").resolve(LONG);
		Path ad1 = COPIES.resolve("AD").resolve(AD_1);
		Path pdf = OUTPUT.resolve(REVIEW.replace(".xlsx", ".pdf"));
		Path page = OUTPUT.resolve(REVIEW.replace(".xlsx", ".html"));
		Path board = OUTPUT.resolve("index.html");
		Path decisions = OUTPUT.resolve("53期_事務局確認.xlsx");
		assertThat(filesUnder(OUTPUT)).containsExactlyInAnyOrder(review, pdf, page, board, decisions, risk, unsafe, unknown, dev, ad1);
		try (Workbook wb = open(unsafe)) {
			assertThat(wb.getSheetName(0)).isEqualTo(AnnotatedCopyWriter.SUMMARY_SHEET);
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("「" + REVIEW + "」は差戻し");
		}
		for (String name : List.of(RISK, REVIEW, XYZ, LONG, AD_1)) {
			assertThat(answeredAt(name)).as(name).isNotNull();
		}

		// ---- between the nights: someone deletes RISK's copy; DEV's was never written (the run died first);
		// AD's first copy goes too, but AD sends a new file, which replaces the answer ----
		Files.delete(risk);
		Files.delete(dev);
		jdbc.sql("UPDATE submission_file SET answered_at = NULL WHERE file_name = ?").param(LONG).update();
		Files.delete(ad1);
		drop("AD", AD_2, wb -> cell(wb, "取り組み!C2", "ほぼ完了"), SECOND);
		run();

		Path ad2 = COPIES.resolve("AD").resolve(AD_2);
		assertThat(filesUnder(OUTPUT)).containsExactlyInAnyOrder(review, pdf, page, board, decisions, risk, unsafe, unknown, dev, ad2);
		assertThat(answeredAt(LONG)).isNotNull();
		try (Workbook wb = open(dev)) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("「" + LONG + "」は差戻し");
		}

		// ---- night 3: RISK's correction is accepted: its answer is settled and goes; the others stay ----
		drop("RISK", "53期_RISK_リスク管理部_訂正.xlsx", wb -> {
		}, THIRD);
		run();
		assertThat(filesUnder(OUTPUT)).containsExactlyInAnyOrder(review, pdf, page, board, decisions, unsafe, unknown, dev, ad2);
	}

	private void run() throws Exception {
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	private String answeredAt(String fileName) {
		return jdbc.sql("SELECT answered_at FROM submission_file WHERE file_name = ? ORDER BY id DESC LIMIT 1")
			.param(fileName)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static List<Path> filesUnder(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static Workbook open(Path file) throws IOException {
		return AnnotatedCopyWriterTest.open(file);
	}

	private static void drop(String department, String name, Consumer<XSSFWorkbook> change, Instant at) {
		Drops.drop(INPUT, department, name, change, at);
	}

	private static void cell(XSSFWorkbook wb, String reference, String value) {
		Drops.cell(wb, reference).setCellValue(value);
	}

}
