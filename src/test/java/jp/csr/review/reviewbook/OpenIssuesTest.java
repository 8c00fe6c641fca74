package jp.csr.review.reviewbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.SampleFolders;
import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
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
 * PRODUCT.md §6: 検証結果 lists what this run found and what is still open from
 * earlier runs (the warnings of the files in use, the errors of each department's newest file when it was
 * rejected), each once, with when it was found. A quiet night shows the office why a department was sent back.
 */
@SpringBootTest
@SharedStoreToo
class OpenIssuesTest {

	static final Path ROOT = SampleFolders.planOnly("open-issues");

	static final Path INPUT = ROOT.resolve("input");

	static final Path REVIEW = ROOT.resolve("output/53期_行動計画振り返り.xlsx");

	static final Instant FIRST = Instant.parse("2025-10-10T08:00:00Z");

	static final Instant SECOND = Instant.parse("2025-10-12T08:00:00Z");

	static final String ISEC = "53期_ISEC_情報セキュリティ部.xlsx";

	static final String RISK = "53期_RISK_リスク管理部.xlsx";

	static final String RISK_FIXED = "53期_RISK_リスク管理部_訂正.xlsx";

	static final String AD = "53期_AD_広告審査部.xlsx";

	static final String AD_AGAIN = "53期_AD_広告審査部_再提出.xlsx";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aQuietNightStillShowsWhatIsOpen() throws Exception {
		// ---- night 1: ISEC accepted with a warning; RISK rejected (two errors and a warning); AD rejected ----
		drop(ISEC, "ISEC", wb -> cell(wb, "KPI!D2").setCellValue(3), FIRST);
		drop(RISK, "RISK", wb -> {
			cell(wb, "KPI!F2").setCellValue("完了");
			cell(wb, "取り組み!C3").setCellValue("ほぼ完了");
			cell(wb, "KPI!J1").setCellValue("メモ");
		}, FIRST);
		drop(AD, "AD", wb -> cell(wb, "KPI!F2").setCellValue("おおむね良好"), FIRST);
		run();
		List<String> isecWarning = List.of(ISEC + " ISEC KPI!D2 警告");
		List<String> riskErrors = List.of(RISK + " RISK KPI!F2 エラー", RISK + " RISK 取り組み!C3 エラー");
		List<String> adErrors = List.of(AD + " AD KPI!F2 エラー");
		assertThat(where(issues())).containsExactlyInAnyOrderElementsOf(concat(isecWarning, riskErrors,
				List.of(RISK + " RISK KPI!J1 警告"), adErrors));

		// ---- night 2: nothing new. The review is kept as night 1 wrote it: what that night found ----
		byte[] written = Files.readAllBytes(REVIEW);
		run();
		assertThat(Files.readAllBytes(REVIEW)).isEqualTo(written);

		// ---- someone removed the review; nothing new. What is open stays in sight, each once, found when it
		// was taken: RISK's errors (its file is still the newest), not the warning of that rejected file ----
		Files.delete(REVIEW);
		run();
		List<Map<String, String>> quiet = issues();
		assertThat(where(quiet)).containsExactlyInAnyOrderElementsOf(concat(isecWarning, riskErrors, adErrors));
		for (Map<String, String> row : quiet) {
			assertThat(row.get("検出日時")).as(row.toString()).isEqualTo(foundAt(row.get("ファイル")));
			assertThat(row.get("メッセージ")).isNotEmpty();
		}
		assertThat(quiet).filteredOn(r -> r.get("ファイル").equals(RISK) && r.get("シート").equals("KPI") && r.get("セル").equals("F2"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("メッセージ")).startsWith("実績「完了」は定性のKPIの結果として読めません"));

		// ---- night 3: RISK's correction is accepted; AD is rejected again for another reason ----
		drop(RISK_FIXED, "RISK", wb -> {
		}, SECOND);
		drop(AD_AGAIN, "AD", wb -> cell(wb, "取り組み!C2").setCellValue("ほぼ完了"), SECOND);
		run();
		// RISK's errors are settled; only AD's newest rejection is open, not the one it replaced
		assertThat(where(issues())).containsExactlyInAnyOrderElementsOf(
				concat(isecWarning, List.of(AD_AGAIN + " AD 取り組み!C2 エラー")));
	}

	private void run() throws Exception {
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	/** 検出日時 as the review shows it: when the file was taken, else received, in Asia/Tokyo. */
	private String foundAt(String fileName) {
		String at = jdbc.sql("""
				SELECT COALESCE(loaded_at, modified_at) FROM submission_file WHERE file_name = ?
				ORDER BY id DESC LIMIT 1""").param(fileName).query(String.class).single();
		return DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").format(Instant.parse(at).atZone(ZoneId.of("Asia/Tokyo")));
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	private static List<String> where(List<Map<String, String>> rows) {
		return rows.stream()
			.map(r -> r.get("ファイル") + " " + r.get("部署") + " " + r.get("シート") + "!" + r.get("セル") + " " + r.get("区分"))
			.toList();
	}

	/** The rows of 検証結果, label → shown text. */
	private static List<Map<String, String>> issues() throws IOException {
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(REVIEW); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			Sheet sheet = wb.getSheet("検証結果");
			Row header = sheet.getRow(0);
			List<Map<String, String>> rows = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Map<String, String> values = new LinkedHashMap<>();
				for (Cell label : header) {
					Cell cell = sheet.getRow(r).getCell(label.getColumnIndex());
					values.put(label.getStringCellValue(), cell == null ? "" : formatter.formatCellValue(cell));
				}
				rows.add(values);
			}
			return rows;
		}
	}

	private static void drop(String name, String department, Consumer<XSSFWorkbook> change, Instant at) {
		Drops.drop(INPUT, department, name, change, at);
	}

	private static Cell cell(XSSFWorkbook wb, String reference) {
		return Drops.cell(wb, reference);
	}

}
