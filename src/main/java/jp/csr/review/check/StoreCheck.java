package jp.csr.review.check;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.StoreOption;
import jp.csr.review.store.Archive;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.DatabaseFile;
import jp.csr.review.store.StoreDatabase;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code check}: the store against itself. The database's own integrity check and its references, every
 * stored file's copy present with the SHA-256 its row says (files under the store on SQLite, the
 * {@code archived_file} table on PostgreSQL) (so every loaded value can be traced to
 * its bytes), and what an interrupted run left behind. It repairs what is safe: a copy missing or wrong is
 * put back from the input folder when the same bytes are still there, and leftovers are removed when no run
 * holds the store. Everything else is reported with what to do.
 */
@Component
class StoreCheck {

	/** POI's temporary files of a run in progress are younger; a {@code validate} may write some too. */
	private static final Duration STALE = Duration.ofHours(1);

	private static final int DATABASE_ISSUES_SHOWN = 5;

	private final JdbcClient jdbc;

	private final Archive archive;

	private final ArchivedFiles archived;

	private final ReviewProperties properties;

	private final StoreDatabase store;

	/** Where the options of the printed check command come from: the admin's own command line. */
	private final Environment environment;

	public StoreCheck(JdbcClient jdbc, Archive archive, ArchivedFiles archived, ReviewProperties properties,
			StoreDatabase store, Environment environment) {
		this.store = store;
		this.environment = environment;
		this.jdbc = jdbc;
		this.archive = archive;
		this.archived = archived;
		this.properties = properties;
	}

	/** One line of the check's report. */
	public record Finding(Kind kind, String where, List<String> lines) {

		public enum Kind {
			/** Still wrong: the check exits 3. */
			PROBLEM,
			/** Was wrong, put right by the check. */
			REPAIRED,
			/** Fine, said for the record. */
			OK
		}

		static Finding of(Kind kind, Object where, String line) {
			return new Finding(kind, where.toString(), List.of(line));
		}

	}

	/**
	 * Checks the whole store.
	 *
	 * @param repair whether this process holds the store (the run lock): only then are copies put back and
	 *        leftovers removed
	 */
	public List<Finding> run(boolean repair) throws IOException {
		List<Finding> findings = new ArrayList<>(database());
		findings.addAll(archived(repair));
		if (repair) {
			findings.addAll(leftovers());
		}
		return findings;
	}

	private List<Finding> database() {
		if (store.shared()) {
			// PostgreSQL checks its pages and enforces every reference itself: nothing for the store to add
			return List.of(Finding.of(Finding.Kind.OK, properties.store(),
					"正常   " + store + "  PostgreSQL (整合性と参照はデータベースが常に守ります)"));
		}
		DatabaseFile file = new DatabaseFile(properties, environment);
		List<String> issues = jdbc.sql("PRAGMA integrity_check(" + DATABASE_ISSUES_SHOWN + ")").query(String.class).list();
		if (!issues.equals(List.of("ok"))) {
			return List.of(damage(file, "SQLite の整合性検査 (PRAGMA integrity_check) で異常が見つかりました: " + String.join(" / ", issues)));
		}
		List<String> orphans = jdbc.sql("PRAGMA foreign_key_check")
			.query((rs, n) -> rs.getString("table") + " の行 " + rs.getLong("rowid") + " が " + rs.getString("parent") + " にない行を指しています")
			.list();
		if (!orphans.isEmpty()) {
			return List.of(damage(file, "参照の検査 (PRAGMA foreign_key_check) で " + orphans.size() + " 件の異常が見つかりました: "
					+ String.join(" / ", orphans.subList(0, Math.min(DATABASE_ISSUES_SHOWN, orphans.size())))));
		}
		return List.of(Finding.of(Finding.Kind.OK, file.path(),
				"正常   " + file.path() + "  データベースの整合性と参照 (PRAGMA integrity_check, foreign_key_check)"));
	}

	private static Finding damage(DatabaseFile file, String why) {
		return new Finding(Finding.Kind.PROBLEM, file.path().toString(), file.damaged(why).lines());
	}

	/** A stored file and how many loaded values have it as their source. */
	private record Stored(ArchivedFiles.ArchivedFile file, String originalPath, String department, int values) {

		String sha256() {
			return file.sha256();
		}

		String fileName() {
			return file.fileName();
		}

		boolean accepted() {
			return file.accepted();
		}

	}

	private List<Finding> archived(boolean repair) throws IOException {
		List<Stored> stored = jdbc.sql("""
				SELECT f.sha256, f.file_name, f.original_path, f.status, f.department_code,
				  (SELECT COUNT(*) FROM kpi_result WHERE file_id = f.id)
				  + (SELECT COUNT(*) FROM initiative_result WHERE file_id = f.id)
				  + (SELECT COUNT(*) FROM highlight WHERE file_id = f.id)
				FROM submission_file f ORDER BY f.id""")
			.query((rs, n) -> new Stored(ArchivedFiles.ArchivedFile.of(rs.getString(1), rs.getString(2), rs.getString(4)),
					rs.getString(3), rs.getString(5), rs.getInt(6)))
			.list();
		List<Finding> findings = new ArrayList<>();
		Inputs inputs = new Inputs();
		int fine = 0;
		for (Stored s : stored) {
			String copy = archived.where(s.file());
			Optional<String> kept;
			try {
				kept = archived.sha256(s.file());
			}
			catch (IOException ex) {
				findings.add(Finding.of(Finding.Kind.PROBLEM, copy, "読取不可 " + copy + "  " + describe(s) + " の保管ファイルを読めません ("
						+ ex.getMessage() + ")。直し方: 実行するユーザーがストアのフォルダ全体を読み書きできるようにしてください"));
				continue;
			}
			if (kept.isPresent() && kept.get().equals(s.sha256())) {
				fine++;
				continue;
			}
			boolean missing = kept.isEmpty();
			Optional<Path> found = repair ? inputs.putBack(s) : Optional.empty();
			if (found.isPresent()) {
				findings.add(Finding.of(Finding.Kind.REPAIRED, copy, "修復   " + copy + "  保管ファイル"
						+ (missing ? "がありませんでした" : "の内容が違っていました (SHA-256 " + kept.get() + ")") + "。入力フォルダの "
						+ found.get() + " (同じ SHA-256) から保管し直しました"));
			}
			else {
				findings.add(Finding.of(Finding.Kind.PROBLEM, copy, (missing ? "欠落   " : "不一致 ") + copy + "  " + describe(s)
						+ " の保管ファイル" + (missing ? "がありません" : "の内容が違います (SHA-256 " + kept.get() + ")")
						+ "。入力フォルダにも同じ内容のファイルがありません。"
						+ "直し方: 元のファイル (" + s.fileName() + ") を入力フォルダ (" + inputDir() + ") に置いて " + again()
						+ " をもう一度実行してください"
						+ (repair ? "" : " (実行が終わってから)")));
			}
		}
		if (fine == stored.size()) {
			findings.add(Finding.of(Finding.Kind.OK, archived.home(), "正常   " + archived.home() + "  保管ファイル " + fine
					+ " 件すべてあり、SHA-256 も記録どおり"));
		}
		return findings;
	}

	private static String describe(Stored s) {
		return s.fileName() + " (" + (s.department() == null ? "" : "部署 " + s.department() + "、") + (s.accepted() ? "受理" : "差戻し")
				+ (s.values() > 0 ? "、読み込んだ値 " + s.values() + " 件の出典" : "") + ")";
	}

	/** The input folder's files by SHA-256, hashed once and only when a copy is missing. */
	private final class Inputs {

		private Map<String, Path> bySha;

		Optional<Path> putBack(Stored s) throws IOException {
			Path original = Path.of(s.originalPath());
			if (restore(original, s)) {
				return Optional.of(original);
			}
			Path elsewhere = bySha().get(s.sha256());
			return elsewhere != null && restore(elsewhere, s) ? Optional.of(elsewhere) : Optional.empty();
		}

		private boolean restore(Path file, Stored s) throws IOException {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				return false;
			}
			try {
				return archived.restore(file, s.file());
			}
			catch (Archive.InputUnreadable ex) {
				return false;
			}
		}

		private Map<String, Path> bySha() throws IOException {
			if (bySha == null) {
				bySha = new HashMap<>();
				Path input = properties.inputDir();
				if (Files.isDirectory(input)) {
					Files.walkFileTree(input, new SimpleFileVisitor<>() {
						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
							if (attrs.isRegularFile()) {
								try {
									bySha.putIfAbsent(archive.hash(file), file);
								}
								catch (Archive.InputUnreadable ex) {
									// a file it may not read cannot give its bytes back
								}
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path file, IOException ex) {
							return FileVisitResult.CONTINUE;
						}
					});
				}
			}
			return bySha;
		}

	}

	/** What an interrupted run leaves: staged copies, and POI's temporary files of a killed write step. */
	private List<Finding> leftovers() throws IOException {
		List<Finding> findings = new ArrayList<>();
		for (Path f : archive.clearStaging()) {
			findings.add(Finding.of(Finding.Kind.REPAIRED, f.toAbsolutePath().normalize(),
					"削除   " + f.toAbsolutePath().normalize() + "  中断された実行が残した一時ファイル"));
		}
		Path tmp = properties.store().resolve("tmp");
		if (Files.isDirectory(tmp)) {
			Instant before = Instant.now().minus(STALE);
			try (Stream<Path> files = Files.list(tmp)) {
				for (Path f : files.toList()) {
					if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(f).toInstant().isBefore(before)
							&& Files.deleteIfExists(f)) {
						findings.add(Finding.of(Finding.Kind.REPAIRED, f.toAbsolutePath().normalize(),
								"削除   " + f.toAbsolutePath().normalize() + "  中断された書き出しが残した一時ファイル"));
					}
				}
			}
		}
		return findings;
	}

	/** The check to type again: on the same store, looking in the same input folder. */
	private String again() {
		return StoreOption.command(environment, properties.store(), "check",
				new StoreOption.Folder("review.input-dir", inputDir()));
	}

	private Path inputDir() {
		return properties.inputDir().toAbsolutePath().normalize();
	}

}
