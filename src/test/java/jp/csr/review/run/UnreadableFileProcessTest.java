package jp.csr.review.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As it happens on a server: a file, and a department's subfolder, that the
 * service user may not read. The scan goes on, each is reported on its own line, the run exits 3 (the
 * admin has something to fix), and once the permissions are fixed the next run takes the file.
 * <p>
 * Root reads whatever the permissions say, and the tests run as root here and in CI: the run is then a
 * child process without the capabilities that bypass file permissions ({@code setpriv}), which is what
 * a non-root service user has. It keeps uid 0, so it can still read the class path in root's home.
 */
class UnreadableFileProcessTest {

	private static final Instant RECEIVED = Instant.parse("2025-10-27T01:00:00Z");

	@TempDir
	Path temp;

	@Test
	void aFileAndAFolderTheServiceUserCannotReadAreReportedAndTheOthersLoaded() throws Exception {
		Folders f = Folders.in(temp);
		Path file = f.input().resolve("53期_AD_広告審査部_再提出.xlsx");
		resubmission("AD", file);
		Path folder = Files.createDirectories(f.input().resolve("リスク管理部"));
		resubmission("RISK", folder.resolve("53期_RISK_リスク管理部_再提出.xlsx"));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
		List<String> prefix = unprivileged(file);

		Result first = f.start(prefix, "run").result();
		assertThat(first.exit()).as(first.output()).isEqualTo(3);
		assertThat(first.output()).contains("読取不可 " + file + "  (読み取り権限がありません。次回もう一度読み込みます)")
			.contains("読取不可 " + folder + "  (読み取り権限がありません。次回もう一度読み込みます)")
			.containsPattern("完了 \\(実行 1\\): 受理 7 / 差戻し 0 / スキップ 0 / 読取不可 2 / 待機 0");
		assertThat(f.query("SELECT COUNT(*) FROM submission_file WHERE file_name LIKE '%再提出%'")).containsExactly("0");

		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		Result second = f.start(prefix, "run").result();
		assertThat(second.exit()).as(second.output()).isZero();
		assertThat(second.output()).contains("受理     " + file)
			.contains("受理     " + folder.resolve("53期_RISK_リスク管理部_再提出.xlsx"))
			.containsPattern("受理 2 / 差戻し 0 / スキップ 7 / 読取不可 0");
	}

	/** A department's sample with a changed note: new bytes, still valid. */
	private static void resubmission(String department, Path file) throws IOException {
		try (XSSFWorkbook wb = SampleWorkbooks.filled(department)) {
			wb.getSheet("KPI").getRow(1).getCell(6, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("再提出");
			SampleWorkbooks.saveAs(wb, file);
		}
		Files.setLastModifiedTime(file, FileTime.from(RECEIVED));
	}

	/**
	 * How to start a process that mode 000 stops: nothing more when this user is already stopped by it,
	 * else setpriv without the permission-bypassing capabilities; the test is skipped when neither works.
	 */
	private static List<String> unprivileged(Path unreadable) throws Exception {
		if (!Files.isReadable(unreadable)) {
			return List.of();
		}
		return ReviewProcesses.withoutPermissionBypass("cat", unreadable.toString());
	}

}
