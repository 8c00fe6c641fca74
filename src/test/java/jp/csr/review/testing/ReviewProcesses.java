package jp.csr.review.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jp.csr.review.ReviewApplication;
import jp.csr.review.TestStore;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;

/**
 * The application as an admin, cron or systemd starts it: a child JVM from the test class path (no packaging
 * needed), in the checkout, on folders of its own. For what only a real process shows: an exit code decided in
 * {@code main}, a kill, a signal, two runs at once, a umask, file permissions.
 */
public final class ReviewProcesses {

	/** The checkout the tests run in: its plan and sample submissions, and the folder a child starts in. */
	private static final Path REPO = Path.of("").toAbsolutePath();

	/** How long a child may take, or a test wait for one, JVM start included, on a busy machine. */
	public static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final String URL = "--spring.datasource.url=";

	/** Timestamps the review carries (作成日時 and the like) differ between two runs. */
	private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,2}:\\d{2}");

	/**
	 * Root reads and writes whatever the permissions say, and the tests run as root here and in CI: a child
	 * started through this has no capabilities that bypass file permissions, which is what a non-root service
	 * user has. It keeps uid 0, so it can still read the class path in root's home.
	 */
	private static final List<String> WITHOUT_DAC_OVERRIDE = List.of("setpriv",
			"--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search", "--");

	private ReviewProcesses() {
	}

	/**
	 * A child lives for seconds: the optimising compiler (C2) would spend more processor time compiling than its code
	 * saves, taken from the test and the other children on a machine of two cores. The quick compiler alone halves
	 * a child's processor time; what the application does is the same.
	 */
	private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

	/**
	 * {@code java [quick start] [jvmOptions] -cp <the test class path> jp.csr.review.ReviewApplication}: the
	 * arguments follow.
	 */
	public static List<String> java(String... jvmOptions) {
		List<String> line = new ArrayList<>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		line.addAll(QUICK_START);
		line.addAll(List.of(jvmOptions));
		line.addAll(List.of("-cp", System.getProperty("java.class.path"), ReviewApplication.class.getName()));
		return line;
	}

	/**
	 * The prefix (setpriv) that starts a child without the capabilities that bypass file permissions, once
	 * {@code probe} (a command) started through it fails as a service user's would; the test is skipped when
	 * setpriv is missing or the probe succeeds anyway.
	 */
	public static List<String> withoutPermissionBypass(String... probe) throws Exception {
		List<String> line = new ArrayList<>(WITHOUT_DAC_OVERRIDE);
		line.addAll(List.of(probe));
		Process p;
		try {
			p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		}
		catch (IOException ex) {
			Assumptions.abort("setpriv is not available: " + ex.getMessage());
			throw ex;
		}
		Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() != 0,
				"cannot start a process that file permissions stop");
		return WITHOUT_DAC_OVERRIDE;
	}

	/** Every non-empty cell of every sheet as "sheet!A1=text", timestamps left out. */
	public static List<String> cells(Path workbook) throws IOException {
		DataFormatter formatter = new DataFormatter();
		List<String> cells = new ArrayList<>();
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						String text = formatter.formatCellValue(cell);
						if (!text.isBlank() && !TIMESTAMP.matcher(text).find()) {
							cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + text);
						}
					}
				}
			}
		}
		return cells;
	}

	public record Result(int exit, String output) {

		public static Result of(Child child) throws Exception {
			return child.result();
		}

	}

	/** A started process whose console goes to a file (no pipe to fill up). */
	public record Child(Process process, Path log) {

		public Result result() throws Exception {
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("no exit within " + TIMEOUT + ":\n" + Files.readString(log));
			}
			return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}

		public void destroy() {
			process.destroy();
		}

		public void kill() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}

		public boolean isAlive() {
			return process.isAlive();
		}

	}

	/**
	 * One store, input and output folder, with the repository's plan and sample submissions.
	 *
	 * @param database the options naming the store's database on PostgreSQL ({@link TestStore#arguments()}, made
	 *        once per store so that all its processes share it), none on SQLite
	 */
	public record Folders(Path root, Path store, Path input, Path output, Path plan, List<String> database) {

		public static Folders in(Path root) throws IOException {
			Folders f = new Folders(root, root.resolve("store"), root.resolve("input"), root.resolve("output"),
					root.resolve("plan.xlsx"), TestStore.arguments());
			Files.createDirectories(f.input);
			Files.createDirectories(f.output);
			Files.copy(REPO.resolve("config/plan.xlsx"), f.plan, StandardCopyOption.REPLACE_EXISTING);
			try (DirectoryStream<Path> files = Files.newDirectoryStream(REPO.resolve("input"), "*.xlsx")) {
				for (Path file : files) {
					Files.copy(file, f.input.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
			return f;
		}

		/** Another host: its own store folder, the same database, input, output and plan. */
		public Folders otherHost(String storeFolder) {
			return new Folders(root, root.resolve(storeFolder), input, output, plan, database);
		}

		public Child start(String command, String... options) throws IOException {
			return start(line(command, options));
		}

		/** {@code command} started through {@code prefix} (setpriv, say). */
		public Child start(List<String> prefix, String command, String... options) throws IOException {
			List<String> line = new ArrayList<>(prefix);
			line.addAll(line(command, options));
			return start(line);
		}

		/** The command line of the application on these folders (a test may start it through a shell). */
		public List<String> line(String command, String... options) {
			List<String> line = new ArrayList<>(java());
			line.addAll(List.of(command, "--review.store=" + store, "--review.input-dir=" + input,
					"--review.output-dir=" + output, "--review.plan=" + plan, "--review.settle=0s"));
			line.addAll(database);
			line.addAll(List.of(options));
			return line;
		}

		public Child start(List<String> line) throws IOException {
			Path log = root.resolve("process-" + System.nanoTime() + ".log");
			Process p = new ProcessBuilder(line).directory(REPO.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
			return new Child(p, log);
		}

		public Result run(String command, String... options) throws Exception {
			return start(command, options).result();
		}

		public Path review() throws IOException {
			try (var files = Files.list(output)) {
				return files.filter(p -> p.getFileName().toString().endsWith("行動計画振り返り.xlsx")).findFirst()
					.orElseThrow(() -> new AssertionError("no review in " + output));
			}
		}

		/** Read-only, autocommit: never waits for a run's write lock (WAL). */
		public List<String> query(String sql) throws SQLException {
			List<String> values = new ArrayList<>();
			try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
			return values;
		}

		/** The store's database: SQLite's file, or the PostgreSQL database its processes were given. */
		public Connection connect() throws SQLException {
			if (database.isEmpty()) {
				return DriverManager.getConnection("jdbc:sqlite:" + store.resolve("review.db"));
			}
			return DriverManager.getConnection(url(), "postgres", null);
		}

		/** The JDBC URL of the store's PostgreSQL database. */
		public String url() {
			return database.stream().filter(o -> o.startsWith(URL)).findFirst().orElseThrow().substring(URL.length());
		}

		public int count(String sql) {
			if (database.isEmpty() && !Files.exists(store.resolve("review.db"))) {
				return 0;
			}
			try {
				return Integer.parseInt(query(sql).get(0));
			}
			catch (SQLException ex) {
				return 0; // the tables do not exist yet
			}
		}

	}

}
