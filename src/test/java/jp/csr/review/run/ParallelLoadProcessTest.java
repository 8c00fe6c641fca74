package jp.csr.review.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The load step checks the files of a chunk on several threads and loads many files per transaction, yet
 * leaves exactly what the one-file-at-a-time load leaves: the same store rows, the same outcomes, the same
 * review, on a drop with rejected, late, superseded and duplicate files (a copy in the same chunk as its
 * original, another in a later chunk). Killed in the middle, it resumes at the first chunk not committed.
 * Real processes, as {@link ReviewProcesses} starts them; {@link LoadProbeConfiguration} shows the threads
 * at work, and {@code --review.test.load-stall-after} holds a run between two chunks for the kill.
 */
@SharedStoreToo
class ParallelLoadProcessTest {

	/** 提出期限 of the plan: 2025-10-15 in Tokyo. */
	private static final LocalDate DEADLINE = LocalDate.of(2025, 10, 15);

	private static final String[] SEQUENTIAL = { "--review.load-threads=1", "--review.load-chunk=1" };

	private static final String[] PARALLEL = { "--review.load-threads=4", "--review.load-chunk=4" };

	@TempDir
	static Path shared;

	/** The drop every run takes, with each file's modification time (which orders the load). */
	private static Path corpus;

	private static Path plan;

	/** The sequential load's result: the reference. */
	private static Folders sequential;

	private static Result sequentialRun;

	@TempDir
	Path temp;

	@BeforeAll
	static void corpusAndSequentialRun() throws Exception {
		corpus = Files.createDirectories(shared.resolve("corpus"));
		plan = shared.resolve("plan.xlsx");
		planWithDeadline(plan);
		drop(corpus);
		sequential = folders(shared.resolve("sequential"));
		sequentialRun = sequential.run("run", with(SEQUENTIAL, probe(sequential)));
		assertThat(sequentialRun.exit()).as(sequentialRun.output()).isEqualTo(3);
		// the corpus is what it says: every kind of file is there
		assertThat(sequential.query("SELECT outcome FROM scan_candidate ORDER BY seq")).containsExactly("ACCEPTED",
				"ACCEPTED", "SKIPPED", "REJECTED", "ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED", "REJECTED", "ACCEPTED",
				"ACCEPTED", "SKIPPED", "ACCEPTED");
		assertThat(sequential.query("SELECT department_code FROM submission_file WHERE late = 1 ORDER BY id"))
			.containsExactly("AD", "RISK");
	}

	@Test
	void theParallelLoadLeavesTheSameRowsAndReviewAsTheSequentialOne() throws Exception {
		Folders parallel = folders(temp);
		Result run = parallel.run("run", with(PARALLEL, probe(parallel)));
		assertThat(run.exit()).as(run.output()).isEqualTo(3);

		assertThat(rows(parallel)).isEqualTo(rows(sequential));
		assertThat(ReviewProcesses.cells(parallel.review())).isEqualTo(ReviewProcesses.cells(sequential.review()));
		assertThat(copies(parallel)).isEqualTo(copies(sequential)).isNotEmpty();
		assertThat(lines(run, parallel)).isEqualTo(lines(sequentialRun, sequential)).hasSizeGreaterThan(13);

		// 13 files in chunks of 4: four transactions instead of thirteen
		assertThat(loadCommits(parallel)).isEqualTo(4);
		assertThat(loadCommits(sequential)).isEqualTo(13);
		// files checked at the same moment: up to the four threads, one at a time before
		assertThat(Integer.parseInt(Files.readString(parallel.root().resolve("probe")))).isBetween(2, 4);
		assertThat(Integer.parseInt(Files.readString(sequential.root().resolve("probe")))).isEqualTo(1);
	}

	@Test
	void aParallelRunKilledBetweenChunksResumesAtTheFirstUncommittedOne() throws Exception {
		Folders f = folders(temp);
		// the first chunk committed, the second waits for the kill (StalledLoadConfiguration): no race with the commit
		Child slow = f.start("run", with(PARALLEL, "--review.test.load-stall-after=4"));
		await().atMost(ReviewProcesses.TIMEOUT).pollInterval(Duration.ofMillis(50))
			.until(() -> f.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load' AND COMMIT_COUNT >= 1") > 0);
		slow.kill(); // SIGKILL during the second chunk

		assertThat(f.query("SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("STARTED");
		// whole chunks only: the files settled are those the committed chunks wrote, each with its rows
		int written = f.count("SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load'");
		assertThat(written).isEqualTo(4);
		assertThat(f.count("SELECT COUNT(*) FROM scan_candidate WHERE outcome IS NOT NULL")).isEqualTo(written);
		assertThat(f.query("SELECT file_name FROM submission_file ORDER BY id")).containsExactly("ISEC_初版.xlsx",
				"53期_COMP.xlsx", "53期_RISK.xlsx");

		Result restarted = f.run("restart", PARALLEL);
		assertThat(restarted.exit()).as(restarted.output()).isEqualTo(3);
		assertThat(restarted.output()).contains("異常終了していました");
		assertThat(rows(f)).isEqualTo(rows(sequential));
		assertThat(ReviewProcesses.cells(f.review())).isEqualTo(ReviewProcesses.cells(sequential.review()));
	}

	// ---------------------------------------------------------------------------------------------

	/**
	 * Thirteen files, oldest first: a department's first version and its correction (superseded), the
	 * same bytes twice in a row (one chunk) and again much later (another chunk), rejected files, a file
	 * that is no workbook, a department whose newer file is rejected, and two late files.
	 */
	private static void drop(Path input) throws IOException {
		at(input, "ISEC_初版.xlsx", "ISEC", wb -> Drops.cell(wb, "KPI!F2").setCellValue("２件"), "2025-10-01");
		at(input, "53期_COMP.xlsx", "COMP", wb -> {
		}, "2025-10-02");
		copy(input.resolve("53期_COMP.xlsx"), input.resolve("53期_COMP_再送.xlsx"), "2025-10-03");
		at(input, "53期_RISK.xlsx", "RISK", wb -> Drops.cell(wb, "KPI!F2").setCellValue("完了"), "2025-10-04");
		at(input, "53期_DEV.xlsx", "DEV", wb -> {
		}, "2025-10-05");
		byte[] noise = new byte[2048];
		new Random(8).nextBytes(noise);
		Files.write(input.resolve("壊れたファイル.xlsx"), noise);
		stamp(input.resolve("壊れたファイル.xlsx"), "2025-10-06");
		at(input, "53期_PRIV.xlsx", "PRIV", wb -> {
		}, "2025-10-07");
		at(input, "ISEC_修正版.xlsx", "ISEC", wb -> Drops.cell(wb, "KPI!F2").setCellValue("1件"), "2025-10-08");
		at(input, "53期_DEV_再提出.xlsx", "DEV", wb -> Drops.cell(wb, "KPI!F2").setCellValue("少し"), "2025-10-09");
		at(input, "53期_BCP.xlsx", "BCP", wb -> {
		}, "2025-10-10");
		at(input, "53期_AD.xlsx", "AD", wb -> {
		}, "2025-10-20");
		copy(input.resolve("53期_COMP.xlsx"), Files.createDirectories(input.resolve("控え")).resolve("53期_COMP.xlsx"),
				"2025-10-21");
		at(input, "53期_RISK_修正.xlsx", "RISK", wb -> Drops.cell(wb, "KPI!F2").setCellValue("達成"), "2025-10-22");
	}

	private static void at(Path input, String name, String department, Consumer<XSSFWorkbook> change, String day) {
		Drops.drop(input, department, name, change, Instant.parse(day + "T03:00:00Z"));
	}

	private static void copy(Path from, Path to, String day) throws IOException {
		Files.copy(from, to);
		stamp(to, day);
	}

	private static void stamp(Path file, String day) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse(day + "T03:00:00Z")));
	}

	/** The repository's plan with a 提出期限 on its 概要 sheet. */
	private static void planWithDeadline(Path target) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(Path.of("config/plan.xlsx")))) {
			Sheet overview = wb.getSheet("概要");
			Row row = overview.createRow(overview.getLastRowNum() + 1);
			row.createCell(0).setCellValue("提出期限");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/mm/dd"));
			row.createCell(1).setCellValue(DEADLINE);
			row.getCell(1).setCellStyle(date);
			try (OutputStream out = Files.newOutputStream(target)) {
				wb.write(out);
			}
		}
	}

	/** Folders for one run: the plan with a deadline and a copy of the corpus, modification times kept. */
	private static Folders folders(Path root) throws IOException {
		Folders f = Folders.in(root);
		try (Stream<Path> sample = Files.list(f.input())) {
			for (Path file : sample.toList()) {
				Files.delete(file);
			}
		}
		Files.copy(plan, f.plan(), StandardCopyOption.REPLACE_EXISTING);
		try (Stream<Path> files = Files.walk(corpus)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = f.input().resolve(corpus.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		return f;
	}

	/**
	 * What the load stored, without ids and times: each file's row, its values and issues keyed by its
	 * bytes, and every candidate's outcome; the run's folder stands as {@code <root>}.
	 */
	private static Map<String, List<String>> rows(Folders f) throws Exception {
		String root = f.root().toString();
		Map<String, String> queries = Map.of(
				"submission_file", """
						SELECT sha256, file_name, original_path, size, modified_at, job_instance_id, status, term,
						  department_code, submitted_by, submitted_on, late, errors, warnings, archive_path
						FROM submission_file ORDER BY id""",
				"kpi_result", """
						SELECT f.sha256, r.kpi_id, r.value, r.number, r.display, r.note, r.cell
						FROM kpi_result r JOIN submission_file f ON f.id = r.file_id ORDER BY f.id, r.kpi_id""",
				"initiative_result", """
						SELECT f.sha256, r.initiative_id, r.progress, r.percent, r.declared, r.note, r.cell
						FROM initiative_result r JOIN submission_file f ON f.id = r.file_id ORDER BY f.id, r.initiative_id""",
				"highlight", """
						SELECT f.sha256, h.seq, h.commitment, h.text, h.cell
						FROM highlight h JOIN submission_file f ON f.id = h.file_id ORDER BY f.id, h.seq""",
				"validation_issue", """
						SELECT f.sha256, i.seq, i.severity, i.sheet, i.cell, i.message
						FROM validation_issue i JOIN submission_file f ON f.id = i.file_id ORDER BY f.id, i.seq""",
				"scan_candidate", """
						SELECT c.seq, c.path, c.sha256, c.outcome, c.note, f.sha256
						FROM scan_candidate c LEFT JOIN submission_file f ON f.id = c.file_id ORDER BY c.seq""");
		Map<String, List<String>> rows = new TreeMap<>();
		for (var query : queries.entrySet()) {
			rows.put(query.getKey(), select(f, query.getValue()).stream().map(r -> r.replace(root, "<root>")).toList());
		}
		assertThat(rows.get("kpi_result")).isNotEmpty();
		assertThat(rows.get("validation_issue")).isNotEmpty();
		return rows;
	}

	/** Every row of a query, its columns joined; read-only and autocommit, as {@link Folders#query} reads. */
	private static List<String> select(Folders f, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection c = f.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					row.append(i == 1 ? "" : " | ").append(rs.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	/** The annotated copies written, by their place under the output folder. */
	private static List<String> copies(Folders f) throws IOException {
		Path copies = f.output().resolve("差戻し");
		try (Stream<Path> files = Files.walk(copies)) {
			return files.filter(Files::isRegularFile).map(p -> copies.relativize(p).toString()).sorted().toList();
		}
	}

	/** The console's lines per file (受理, 差戻し with its first errors, スキップ …), in the order printed. */
	private static List<String> lines(Result run, Folders f) {
		return run.output().lines().filter(l -> l.matches("^(受理|差戻し|スキップ|読取不可|待機|\\s{5,}).*"))
			.map(l -> l.replace(f.root().toString(), "<root>")).toList();
	}

	private static int loadCommits(Folders f) {
		return f.count("SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'load'");
	}

	/** See {@link LoadProbeConfiguration}. */
	private static String probe(Folders f) {
		return "--review.test.load-probe=" + f.root().resolve("probe");
	}

	private static String[] with(String[] options, String... more) {
		List<String> all = new ArrayList<>(List.of(options));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
