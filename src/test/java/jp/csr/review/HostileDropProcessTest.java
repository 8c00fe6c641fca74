package jp.csr.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jp.csr.review.HostileCorpus.Case;
import jp.csr.review.HostileCorpus.Expect;
import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.testing.ReviewProcesses;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever lands in the shared folder, the night completes. One drop folder holds every hostile
 * case of {@link HostileCorpus} beside two valid submissions; the real application runs once on it, in its
 * own JVM with a 1 GB heap (the size of the night's machine; this test JVM's own heap is not bounded), as
 * {@code ./review run} does. Each file must be answered, the valid ones in the review, the input folder
 * untouched, nothing written outside the output folder and the store, no console line forged, no text
 * turned into a formula, and the run done within a generous 60 s.
 *
 * <p>Every assertion is soft: one run answers all of them, and a failure report lists every broken
 * promise at once.
 */
class HostileDropProcessTest {

	private static final Path REPO = Path.of("").toAbsolutePath();

	/**
	 * Generous: the whole run, JVM start included, takes a few seconds when every file is answered at once. A run
	 * still going then is stopped, and the test still reports what it left in the store.
	 */
	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final String REVIEW = "53期_行動計画振り返り.xlsx";

	private static final Set<String> ANSWERS = Set.of("ACCEPTED", "REJECTED", "SKIPPED", "UNREADABLE", "MISSING",
			"OUT_OF_SCOPE");

	@TempDir
	Path root;

	@Test
	void aDropFolderOfHostileFilesCompletesWithEveryFileAnswered() throws Exception {
		HostileCorpus corpus = HostileCorpus.build(root);
		Path store = root.resolve("store");
		Path output = root.resolve("output");
		Map<String, String> inputBefore = snapshot(corpus.input);
		Map<String, String> rootBefore = snapshotOutsideOf(store, output);

		List<String> line = ReviewProcesses.java("-Xmx1g");
		line.addAll(List.of("run", "--review.plan=" + root.resolve("plan.xlsx"), "--review.input-dir=" + corpus.input,
				"--review.output-dir=" + output, "--review.store=" + store, "--review.settle=0s"));
		Process process = new ProcessBuilder(line)
			.directory(REPO.toFile())
			.redirectErrorStream(true)
			.redirectOutput(root.resolve("console.txt").toFile())
			.start();
		boolean ended = process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly().waitFor();
		}
		String console = Files.readString(root.resolve("console.txt"), StandardCharsets.UTF_8);
		Path logFile = store.resolve("logs/review.log");
		String log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";

		SoftAssertions soft = new SoftAssertions();
		String context = "console:\n" + console;

		// ---- the night completes, exit 3 (some files were sent back), within its bounds
		soft.assertThat(ended).as("the run ended within %s, JVM start included (1 GB heap)", BOUND).isTrue();
		if (ended) {
			soft.assertThat(process.exitValue()).as("exit code; " + context).isEqualTo(3);
		}
		Store db = new Store(store.resolve("review.db"));
		soft.assertThat(db.strings("SELECT STATUS FROM BATCH_JOB_EXECUTION")).as("the job's status").containsExactly("COMPLETED");
		soft.assertThat(db.strings("SELECT STEP_NAME || ' ' || STATUS FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID"))
			.as("every step completed").containsExactly("scan COMPLETED", "load COMPLETED", "office COMPLETED", "judge COMPLETED",
					"write COMPLETED");

		// ---- every file is answered, as its case says
		Map<String, String> outcomes = db.outcomes();
		List<Path> files = regularFiles(corpus.input);
		soft.assertThat(files).as("the corpus").hasSizeGreaterThanOrEqualTo(corpus.cases.size());
		for (Path file : files) {
			soft.assertThat(outcomes.get(file.toString())).as("outcome of %s", show(file)).isIn(ANSWERS);
			if (!hasControlCharacter(file.getFileName().toString())) {
				soft.assertThat(console.lines().filter(l -> l.contains(file.getFileName().toString())))
					.as("a console line answers %s", show(file)).isNotEmpty();
			}
		}
		soft.assertThat(console).as("no file left pending").doesNotContain("未処理");
		// the console is the product's own lines only: no library's parser error about a hostile file
		soft.assertThat(console.lines().filter(l -> !l.isBlank()))
			.as("every console line is one of the run's")
			.allMatch(l -> l.matches("^(受理|差戻し|スキップ|読取不可|待機|対象外|注意|ファイル|ステップ|注記付きの写し|振り返り|PDF|Web|状況|事務局確認|バックアップ|完了| ).*"));
		for (Case c : corpus.cases) {
			String outcome = outcomes.get(c.file().toString());
			if (c.expect() != Expect.ANSWERED) {
				soft.assertThat(outcome).as("%s: %s", c.what(), show(c.file())).isEqualTo(c.expect().name());
			}
			if ("REJECTED".equals(outcome)) {
				soft.assertThat(db.errorMessages(c.file().toString())).as("%s: rejected with its message", c.what())
					.isNotEmpty().noneMatch(String::isBlank);
			}
		}

		// ---- nothing of a rejected file is in the store's values
		for (String table : List.of("kpi_result", "initiative_result", "highlight")) {
			soft.assertThat(db.count("SELECT COUNT(*) FROM " + table + " v JOIN submission_file f ON f.id = v.file_id"
					+ " WHERE f.status = 'REJECTED'")).as("%s rows of rejected files", table).isZero();
		}

		// ---- symbolic links: never followed out of the folder, loops not at all
		soft.assertThat(db.count("SELECT COUNT(*) FROM submission_file WHERE sha256 = '" + sha256(corpus.outsideWorkbook) + "'"))
			.as("the workbook outside the input folder, reached through a link, is not taken").isZero();
		for (Path link : corpus.symlinks) {
			soft.assertThat(outcomes.keySet().stream().filter(p -> Path.of(p).startsWith(link) && !Path.of(p).equals(link)))
				.as("files found through the link %s (followed)", show(link)).isEmpty();
			soft.assertThat(outcomes.get(link.toString())).as("the link %s itself", show(link)).isNotEqualTo("ACCEPTED");
		}

		// ---- the two valid files are in the review; the review is the review
		Path review = output.resolve(REVIEW);
		soft.assertThat(review).as("the review").isRegularFile();
		boolean isReview = false;
		if (Files.isRegularFile(review)) {
			try (Workbook wb = open(review)) {
				soft.assertThat(wb.getSheet("差戻し内容") != null).as("an annotated copy written over the review").isFalse();
				isReview = wb.getSheet("振り返り") != null && wb.getSheet("提出状況") != null;
				soft.assertThat(isReview).as("the review is the review, not a department's file written over it").isTrue();
			}
		}
		if (isReview) {
			ReviewWorkbook reviewed = ReviewWorkbook.open(review);
			for (String[] valid : new String[][] { { "ISEC", HostileCorpus.VALID_ISEC }, { "COMP", HostileCorpus.VALID_COMP } }) {
				Map<String, String> row = reviewed.table("提出状況").stream().filter(r -> valid[0].equals(r.get("部署コード")))
					.findFirst().orElse(Map.of());
				soft.assertThat(row.get("状態")).as("%s in 提出状況", valid[0]).isEqualTo("受理");
				soft.assertThat(row.get("使用中のファイル")).as("%s's file in use", valid[0]).isEqualTo(valid[1]);
			}
			try (Workbook wb = open(review)) {
				assertTextStaysText(soft, "the review", wb, List.of(HostileCorpus.FORMULA_TEXTS.get(0),
						HostileCorpus.FORMULA_TEXTS.get(1), HostileCorpus.FORMULA_TEXTS.get(2), HostileCorpus.FORMULA_TEXTS.get(4)));
			}
		}

		// ---- annotated copies: every rejected file that was opened is answered with one (a 250-byte name, three
		// annotated cells side by side included), and text stays text in them
		List<Path> written = Files.exists(output) ? regularFiles(output) : List.of();
		List<String> copies = written.stream().filter(p -> output.relativize(p).startsWith(AnnotatedCopies.FOLDER))
			.map(p -> p.getFileName().toString()).toList();
		soft.assertThat(copies).as("annotated copies").containsAll(db.strings(HostileCorpus.OWED_ANNOTATED_COPIES, 1));
		Path formulaCopy = written.stream().filter(p -> p.getFileName().toString().equals("数式に見える文字列_差戻し.xlsx"))
			.findFirst().orElse(null);
		soft.assertThat(formulaCopy).as("annotated copy of the rejected file with formula-looking texts").isNotNull();
		if (formulaCopy != null) {
			try (Workbook wb = open(formulaCopy)) {
				assertTextStaysText(soft, "the annotated copy", wb, HostileCorpus.FORMULA_TEXTS);
			}
		}

		// ---- nothing written outside the output folder and the store; the input folder untouched
		soft.assertThat(snapshot(corpus.input)).as("the input folder after the run").isEqualTo(inputBefore);
		soft.assertThat(snapshotOutsideOf(store, output)).as("everything but the output folder and the store")
			.isEqualTo(rootBefore);
		Path outputReal = Files.exists(output) ? output.toRealPath() : output;
		for (Path p : written) {
			soft.assertThat(p.toRealPath().startsWith(outputReal)).as("%s lies inside the output folder", show(p)).isTrue();
		}
		soft.assertThat(corpus.traversalTarget).as("the path-traversal entry's target").doesNotExist();

		// ---- the external entity never read the secret: not on the console, in the log, the store or the output
		soft.assertThat(console).as("console").doesNotContain(corpus.secret);
		soft.assertThat(log).as("review.log").doesNotContain(corpus.secret);
		for (Path p : Stream.concat(regularFiles(store).stream(), written.stream()).toList()) {
			soft.assertThat(readable(p)).as("the secret in %s", show(p)).doesNotContain(corpus.secret);
		}

		// ---- cell text and file names never forge console or log lines
		for (String[] out : new String[][] { { "console", console }, { "review.log", log } }) {
			soft.assertThat(out[1].lines().filter(l -> l.contains("\u001b")).map(l -> l.replace("\u001b", "<ESC>")))
				.as("%s: lines with a raw ESC from a cell", out[0]).isEmpty();
			soft.assertThat(out[1].lines().map(String::strip).filter(l -> l.startsWith("受理") && l.contains("偽物.xlsx")))
				.as("%s: lines forged by a line break in a cell", out[0]).isEmpty();
			soft.assertThat(out[1].lines().filter(l -> l.startsWith("ある名前.xlsx")))
				.as("%s: lines started by a line break in a file name", out[0]).isEmpty();
		}

		soft.assertAll();
	}

	/**
	 * Every given text is somewhere in the workbook as a text cell, and no formula cell evaluates any of the
	 * formula-looking texts (a department's {@code =HYPERLINK(…)} or {@code =cmd|…} never becomes live).
	 */
	private static void assertTextStaysText(SoftAssertions soft, String what, Workbook wb, List<String> texts) {
		List<String> strings = new ArrayList<>();
		List<String> formulas = new ArrayList<>();
		for (Sheet sheet : wb) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						strings.add(cell.getStringCellValue());
					}
					else if (cell.getCellType() == CellType.FORMULA) {
						formulas.add(sheet.getSheetName() + "!" + cell.getAddress() + " =" + cell.getCellFormula());
					}
				}
			}
		}
		for (String text : texts) {
			soft.assertThat(strings).as("%s holds %s as a text cell", what, text).anyMatch(s -> s.contains(text));
		}
		soft.assertThat(formulas).as("%s: formula cells made of submitted text", what)
			.noneMatch(f -> HostileCorpus.FORMULA_CORES.stream().anyMatch(f::contains));
	}

	// ---- the folders before and after ---------------------------------------------------------------------

	/** Every path under a folder (links not followed) with its kind, size, modification time and SHA-256. */
	private static Map<String, String> snapshot(Path folder) throws IOException {
		Map<String, String> entries = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path p : paths.toList()) {
				BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
				String what = a.isSymbolicLink() ? "link → " + Files.readSymbolicLink(p)
						: a.isDirectory() ? "folder" : a.size() + " bytes, " + a.lastModifiedTime() + ", " + sha256(p);
				entries.put(folder.relativize(p).toString(), what);
			}
		}
		return entries;
	}

	/** The test's folder without the output folder and the store, where the run may write. */
	private Map<String, String> snapshotOutsideOf(Path store, Path output) throws IOException {
		Map<String, String> all = snapshot(root);
		all.keySet().removeIf(p -> p.equals("console.txt") || Path.of(p).startsWith(root.relativize(store))
				|| Path.of(p).startsWith(root.relativize(output)));
		return all;
	}

	private static List<Path> regularFiles(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file's bytes as text, a zip's (a workbook's) entries inflated, for searching a leaked secret. */
	private static String readable(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		StringBuilder text = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1));
		if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
				for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
					// bounded: a stored zip bomb must not blow up the test
					text.append(new String(zip.readNBytes(50 << 20), StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				// a broken or hostile zip kept in the store: its raw bytes were searched
			}
		}
		return text.toString();
	}

	private static boolean hasControlCharacter(String s) {
		return s.chars().anyMatch(Character::isISOControl);
	}

	/** A path for a failure message, with its line breaks visible. */
	private static String show(Path p) {
		return p.toString().replace("\n", "\\n");
	}

	private static Workbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return WorkbookFactory.create(in);
		}
	}

	/** The run's SQLite store, read directly (read-only, after the run). */
	private record Store(Path file) {

		/** path → outcome of the run's candidates. */
		Map<String, String> outcomes() throws SQLException {
			Map<String, String> outcomes = new LinkedHashMap<>();
			rows("SELECT path, COALESCE(outcome, 'PENDING') FROM scan_candidate").forEach(r -> outcomes.put(r.get(0), r.get(1)));
			return outcomes;
		}

		List<String> errorMessages(String path) throws SQLException {
			return strings("""
					SELECT i.message FROM scan_candidate sc JOIN validation_issue i ON i.file_id = sc.file_id
					WHERE sc.path = ? AND i.severity = 'ERROR'""", path);
		}

		List<String> strings(String sql, Object... params) throws SQLException {
			return rows(sql, params).stream().map(r -> r.get(0)).toList();
		}

		private List<List<String>> rows(String sql, Object... params) throws SQLException {
			if (!Files.exists(file)) {
				throw new AssertionError("no store at " + file);
			}
			List<List<String>> rows = new ArrayList<>();
			try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement s = c.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					s.setObject(i + 1, params[i]);
				}
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						List<String> row = new ArrayList<>();
						for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
							row.add(rs.getString(i));
						}
						rows.add(row);
					}
				}
			}
			return rows;
		}

		long count(String sql) throws SQLException {
			return Long.parseLong(strings(sql).get(0));
		}

	}

}
