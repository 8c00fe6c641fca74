package jp.csr.review.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As an admin meets them: a store damaged or made read-only after a real run. Each
 * case names the file, says what is wrong and what to do, exits as PRODUCT.md §7 says (status 0, check 3,
 * the others 2), and leaves the damaged database as it was; a backup restored into a fresh store gives the
 * same review. Real processes: the exit code is decided in {@code main}, after the context failed to start.
 */
class StoreFaultsProcessTest {

	@TempDir
	static Path shared;

	/** A store made by a real run of the bundled sample, with its backup. */
	private static Folders made;

	private static Path backup;

	@TempDir
	Path temp;

	@BeforeAll
	static void realRun() throws Exception {
		made = Folders.in(shared.resolve("made"));
		Result run = made.run("run");
		assertThat(run.exit()).as(run.output()).isIn(0, 3);
		try (Stream<Path> files = Files.list(made.store().resolve("backup"))) {
			List<Path> backups = files.toList();
			assertThat(backups).as(run.output()).hasSize(1);
			backup = backups.get(0);
		}
		assertThat(run.output()).contains("バックアップ: " + backup);
	}

	@Test
	void garbageOverTheHeaderIsNamedWithTheRestoreCommandAndLeftAsItIs() throws Exception {
		Folders f = copyOfMade();
		Path db = f.store().resolve("review.db");
		write(db, 0, "garbage garbage garbage garbage!".getBytes());
		byte[] damaged = Files.readAllBytes(db);

		Result run = f.run("run");
		assertThat(run.exit()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("ストアのデータベース " + db + " は壊れています: SQLite のデータベースではありません")
			.contains("このファイルには何も書き込んでいません")
			.contains("cp " + f.store().resolve("backup").resolve(backup.getFileName()) + " " + db)
			.doesNotContain("Application run failed");

		Result status = f.run("status");
		assertThat(status.exit()).as(status.output()).isZero();
		assertThat(status.output()).contains("ストアのデータベース " + db + " は壊れています");
		assertThat(Files.readAllBytes(db)).as("nothing wrote to the damaged database").isEqualTo(damaged);
	}

	@Test
	void aCorruptPageIsFoundBeforeAnythingWritesAndStatusAndCheckSaySo() throws Exception {
		Folders f = copyOfMade();
		Path db = f.store().resolve("review.db");
		int page = Integer.parseInt(f.query("SELECT rootpage FROM sqlite_master WHERE name = 'kpi_result'").get(0));
		int size = Integer.parseInt(f.query("PRAGMA page_size").get(0));
		byte[] garbage = new byte[size];
		new Random(9).nextBytes(garbage);
		write(db, (long) (page - 1) * size, garbage);
		byte[] damaged = Files.readAllBytes(db);

		Result run = f.run("run");
		assertThat(run.exit()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("ストアのデータベース " + db + " は壊れています: SQLite の検査 (PRAGMA quick_check) で異常が見つかりました")
			.contains("cp " + f.store().resolve("backup").resolve(backup.getFileName()) + " " + db);

		Result status = f.run("status");
		assertThat(status.exit()).as(status.output()).isZero();
		assertThat(status.output()).contains("ストアのデータベース " + db + " は壊れています").doesNotContain("実行の記録はまだありません");

		Result check = f.run("check");
		assertThat(check.exit()).as(check.output()).isEqualTo(3);
		assertThat(check.output()).contains("ストアのデータベース " + db + " は壊れています");
		assertThat(Files.readAllBytes(db)).as("nothing wrote to the damaged database").isEqualTo(damaged);
	}

	/**
	 * Root writes whatever the permissions say: the commands run without the capabilities that bypass them
	 * ({@code setpriv}), as a service user would.
	 */
	@Test
	void aReadOnlyDatabaseOrStoreFolderIsNamedWithThePermissionsToFix() throws Exception {
		Folders f = copyOfMade();
		Path db = f.store().resolve("review.db");
		Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
		List<String> prefix = cannotWrite(db);

		Result run = f.start(prefix, "run").result();
		assertThat(run.exit()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("ストアのデータベース " + db + " に書き込めません (所有者 ")
			.contains("chmod -R u+rwX " + f.store());

		Result status = f.start(prefix, "status").result();
		assertThat(status.exit()).as(status.output()).isZero();
		assertThat(status.output()).contains("次の run は実行できません").contains("ストアのデータベース " + db + " に書き込めません")
			.contains("実行 1 ");

		Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
		for (String wal : List.of("-wal", "-shm")) { // made by the reading status with the file's permissions
			Path file = db.resolveSibling("review.db" + wal);
			if (Files.exists(file)) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
			}
		}
		Files.setPosixFilePermissions(f.store(), PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			Result folder = f.start(prefix, "run").result();
			assertThat(folder.exit()).as(folder.output()).isEqualTo(2);
			assertThat(folder.output()).contains("ストアのフォルダ " + f.store() + " に書き込めません");
		}
		finally {
			Files.setPosixFilePermissions(f.store(), PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void aBackupRestoredIntoAFreshStoreGivesTheSameReviewWithoutAnyInput() throws Exception {
		Folders f = Folders.in(temp);
		try (Stream<Path> files = Files.list(f.input())) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		copyTree(made.store().resolve("archive"), f.store().resolve("archive"));
		Files.copy(backup, f.store().resolve("review.db"));

		Result run = f.run("run");
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).doesNotContain("保管ファイルがありません");
		assertThat(f.query("SELECT COUNT(*) FROM kpi_result")).isEqualTo(made.query("SELECT COUNT(*) FROM kpi_result"));
		assertThat(ReviewProcesses.cells(f.review())).isEqualTo(ReviewProcesses.cells(made.review()));
	}

	// ---------------------------------------------------------------------------------------------

	private Folders copyOfMade() throws IOException {
		Folders f = Folders.in(temp);
		copyTree(made.store(), f.store());
		return f;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : files.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void write(Path file, long at, byte[] bytes) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.seek(at);
			raf.write(bytes);
		}
	}

	/** setpriv without the capabilities that bypass file permissions, when it stops a write to {@code file}. */
	private static List<String> cannotWrite(Path file) throws Exception {
		return ReviewProcesses.withoutPermissionBypass("test", "-w", file.toString());
	}

}
