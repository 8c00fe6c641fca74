package jp.csr.review.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.StoreOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import org.springframework.core.env.Environment;

/**
 * The store's SQLite file as found before anything opens it: a file SQLite would refuse (not a database, a
 * damaged page) or that this process may not write is named with what to do, instead of a bare
 * {@code SQLITE_NOTADB} or {@code SQLITE_READONLY} from deep inside the start-up, and before Flyway or a run
 * could write to it. Costs a few stats, the header's 16 bytes and SQLite's {@code quick_check}, which reads
 * every page once (0.04 s for the 11 MB database of a 2,000-department term).
 */
public final class DatabaseFile {

	private static final Logger log = LoggerFactory.getLogger(DatabaseFile.class);

	/** The first 16 bytes of every SQLite 3 database file. */
	private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

	/** The store's folders a run writes into, when they exist. */
	private static final List<String> FOLDERS = List.of("archive", "rejected", "staging", "tmp", "logs", Backups.FOLDER);

	private static final List<String> LOCK_FILES = List.of("run.lock", "schema.lock");

	/** Shell words that need no quotes. */
	private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}_./,:+@=-]+");

	private static final int ISSUES_SHOWN = 3;

	private final Path store;

	private final Path file;

	private final ZoneId zone;

	/** The check command the advice names, with the store and input folder the admin typed. */
	private final String check;

	public DatabaseFile(ReviewProperties properties) {
		this(properties, "./review check");
	}

	/** @param environment where the options of the advised check command come from: the admin's command line */
	public DatabaseFile(ReviewProperties properties, Environment environment) {
		this(properties, StoreOption.command(environment, properties.store(), "check",
				new StoreOption.Folder("review.input-dir", properties.inputDir())));
	}

	private DatabaseFile(ReviewProperties properties, String check) {
		this.check = check;
		this.store = properties.store().toAbsolutePath().normalize();
		this.file = properties.database().toAbsolutePath().normalize();
		this.zone = properties.zone();
	}

	public Path path() {
		return file;
	}

	/**
	 * Creates the store's folder when there is none yet, then throws {@link StoreUnusable} when the command
	 * cannot use the database as {@code use} says.
	 */
	void guard(StoreUse use) {
		try {
			Files.createDirectories(store);
		}
		catch (IOException ex) {
			throw new StoreUnusable(new StoreProblem(store, "ストアのフォルダ " + store + " を作れません (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")。何もせずに終了しました。",
					List.of("直し方: review.store の設定を確かめ、実行するユーザーが書き込める場所にしてください")), use.exitCodeWhenUnusable());
		}
		problem(use.access()).ifPresent(p -> {
			throw new StoreUnusable(p, use.exitCodeWhenUnusable());
		});
	}

	/** What keeps a command from using the database, checked in the order an admin would fix them. */
	Optional<StoreProblem> problem(StoreUse.Access access) {
		if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			if (!Files.isRegularFile(file)) {
				return Optional.of(damaged("通常のファイルではありません"));
			}
			if (!Files.isReadable(file)) {
				return Optional.of(permissions(file, "を読めません"));
			}
			Optional<String> header = header();
			if (header.isPresent()) {
				return Optional.of(damaged(header.get()));
			}
		}
		if (empty()) {
			// SQLite would make a new database of it, whatever the command: opening it writes the header
			Optional<StoreProblem> lost = lostWithBackups();
			if (lost.isPresent()) {
				return lost;
			}
		}
		if (access == StoreUse.Access.WRITE) {
			Optional<StoreProblem> unwritable = unwritable();
			if (unwritable.isPresent()) {
				return unwritable;
			}
		}
		return access == StoreUse.Access.NONE || !Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Optional.empty() : quickCheck();
	}

	/**
	 * No table yet: no file, an empty one, or SQLite's first page alone (the schema; every table needs a page
	 * of its own) with nothing waiting in the WAL. Called once the header has been found sound.
	 */
	private boolean empty() {
		try {
			if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) == 0) {
				return true;
			}
			byte[] head;
			try (InputStream in = Files.newInputStream(file)) {
				head = in.readNBytes(18);
			}
			int pageSize = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
			Path wal = sibling("-wal");
			return Files.size(file) <= (pageSize == 1 ? 65536 : pageSize)
					&& (!Files.exists(wal, LinkOption.NOFOLLOW_LINKS) || Files.size(wal) == 0);
		}
		catch (IOException | ArrayIndexOutOfBoundsException ex) {
			return false; // what is wrong with it is for the other checks to say
		}
	}

	/** Whether the header says SQLite 3; an empty file is a database not yet written (SQLite's own view). */
	private Optional<String> header() {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(MAGIC.length);
		}
		catch (IOException ex) {
			return Optional.of("読めません (" + ex.getMessage() + ")");
		}
		if (head.length == 0 || Arrays.equals(head, MAGIC)) {
			return Optional.empty();
		}
		return Optional.of("SQLite のデータベースではありません (先頭の " + MAGIC.length + " バイトが SQLite の見出しと違います)");
	}

	/** SQLite's own check of every page, on a read-only connection. */
	private Optional<StoreProblem> quickCheck() {
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		config.setBusyTimeout(30_000);
		List<String> issues = new ArrayList<>();
		long start = System.nanoTime();
		try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA quick_check(" + (ISSUES_SHOWN + 1) + ")")) {
			while (rs.next()) {
				issues.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			if (!damage(ex)) {
				// not the file's content: SQLite could not open it (a folder it may not write its WAL index in …)
				return Optional.of(unwritable().orElseGet(() -> permissions(file, "を開けません (" + ex.getMessage() + ")")));
			}
			issues.add(ex.getMessage());
		}
		log.debug("quick_check of {}: {} in {} ms", file, issues, (System.nanoTime() - start) / 1_000_000);
		if (issues.equals(List.of("ok"))) {
			return Optional.empty();
		}
		issues.removeIf(i -> i.startsWith("*** in database"));
		return Optional.of(damaged("SQLite の検査 (PRAGMA quick_check) で異常が見つかりました: "
				+ String.join(" / ", issues.subList(0, Math.min(ISSUES_SHOWN, issues.size())))));
	}

	/** SQLite's primary result codes for a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB. */
	static boolean damage(SQLException ex) {
		int primary = ex.getErrorCode() & 0xff;
		return primary == 11 || primary == 26;
	}

	/**
	 * What keeps a run from writing: the database and its WAL files, the lock files, the store's folders. Files
	 * that do not exist yet are the folder's business.
	 */
	public Optional<StoreProblem> unwritable() {
		List<Path> files = new ArrayList<>(List.of(file, sibling("-wal"), sibling("-shm")));
		LOCK_FILES.forEach(name -> files.add(store.resolve(name)));
		for (Path f : files) {
			if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(f)) {
				return Optional.of(permissions(f, "に書き込めません"));
			}
		}
		List<Path> folders = new ArrayList<>(List.of(store));
		FOLDERS.forEach(name -> folders.add(store.resolve(name)));
		for (Path folder : folders) {
			if (Files.isDirectory(folder) && !(Files.isWritable(folder) && Files.isExecutable(folder))) {
				return Optional.of(permissions(folder, "に書き込めません"));
			}
		}
		return Optional.empty();
	}

	/**
	 * A new, empty database about to be made where backups say there was one: the database was lost (deleted,
	 * or emptied), and starting afresh would silently drop every earlier run.
	 */
	private Optional<StoreProblem> lostWithBackups() {
		List<Path> backups = Backups.of(store);
		if (backups.isEmpty()) {
			return Optional.empty();
		}
		List<String> todo = new ArrayList<>();
		todo.add("直し方: 最新のバックアップを戻してから、" + check + " で確かめてください:");
		aside().ifPresent(todo::add);
		todo.add("  cp " + shell(backups.get(backups.size() - 1)) + " " + shell(file));
		todo.add("新しいデータベースで始めるのなら、先にバックアップのフォルダを移してください: mv " + shell(Backups.folder(store)) + " "
				+ shell(store.resolve("backup-old")));
		return Optional.of(new StoreProblem(file, "ストアのデータベース " + file + (Files.exists(file) ? " は空です (表がひとつもありません)" : " がありません")
				+ "。バックアップが " + backups.size() + " 件あります (" + Backups.folder(store)
				+ ")。空のデータベースで始めるとそれまでの実行の記録が失われるため、何もせずに終了しました。", todo));
	}

	/** The database cannot be read as SQLite: restore the latest backup, or start afresh when there is none. */
	public StoreProblem damaged(String why) {
		List<String> todo = new ArrayList<>();
		Optional<Path> latest = Backups.latest(store);
		if (latest.isPresent()) {
			todo.add("直し方: 壊れたファイルを退避し、最新のバックアップを戻してから、" + check + " で確かめてください:");
			aside().ifPresent(todo::add);
			todo.add("  cp " + shell(latest.get()) + " " + shell(file));
			todo.add("バックアップの後に取り込んだファイルは、入力フォルダに残っていれば次の run が取り込み直します。");
		}
		else {
			todo.add("バックアップはありません (" + Backups.folder(store) + ")。壊れたファイルを退避すると、次の run は新しいデータベースで始まり、"
					+ "入力フォルダにあるファイルを取り込み直します (それまでの実行の記録は失われます):");
			aside().ifPresent(todo::add);
		}
		return new StoreProblem(file, "ストアのデータベース " + file + " は壊れています: " + why + "。このファイルには何も書き込んでいません。",
				todo);
	}

	/** The command that moves the database and its WAL files aside, when there is any. */
	private Optional<String> aside() {
		List<String> present = new ArrayList<>();
		for (Path f : List.of(file, sibling("-wal"), sibling("-shm"))) {
			if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
				present.add(shell(f));
			}
		}
		if (present.isEmpty()) {
			return Optional.empty();
		}
		Path folder = store.resolve("damaged-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(zone)));
		return Optional.of("  mkdir -p " + shell(folder) + " && mv " + String.join(" ", present) + " " + shell(folder) + "/");
	}

	/** A file or folder this process may not read or write: who owns it and how to give it to the run's user. */
	private StoreProblem permissions(Path at, String cannot) {
		String user = System.getProperty("user.name");
		String facts = "";
		try {
			PosixFileAttributes a = Files.readAttributes(at, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			facts = " (所有者 " + a.owner().getName() + "、権限 " + PosixFilePermissions.toString(a.permissions())
					+ "、実行ユーザー " + user + ")";
		}
		catch (IOException | UnsupportedOperationException ex) {
			// the sentence stands without them
		}
		String kind = Files.isDirectory(at) ? "ストアのフォルダ " : at.equals(file) ? "ストアのデータベース " : "ストアのファイル ";
		return new StoreProblem(at, kind + at + " " + cannot + facts + "。何もせずに終了しました。", List.of(
				"直し方: 実行するユーザーがストアのフォルダ全体を読み書きできるようにしてください (中身はそのままで構いません):",
				"  chown -R " + shell(user) + " " + shell(store) + " && chmod -R u+rwX " + shell(store)));
	}

	private Path sibling(String suffix) {
		return file.resolveSibling(file.getFileName() + suffix);
	}

	/** A word the shell takes as it is. */
	static String shell(Object word) {
		String text = word.toString();
		return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
	}

}
