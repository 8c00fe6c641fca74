package jp.csr.review.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import jp.csr.review.SampleFolders;
import jp.csr.review.TestStore;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.store.Archive;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.ArchivedFiles.ArchivedFile;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code ./review check} repairs what the input folder still holds and reports the
 * rest; every run says when archived copies are missing and leaves a backup, the newest seven kept. On both
 * stores: on PostgreSQL the kept bytes are rows of {@code archived_file}, checked and put back the same.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class StoreCheckTest {

	static final Path ROOT = SampleFolders.copy("store-check");

	static final Path STORE = ROOT.resolve("store").toAbsolutePath().normalize();

	static final Path INPUT = ROOT.resolve("input").toAbsolutePath().normalize();

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArchivedFiles archived;

	int exit(String... args) throws Exception {
		return typed.exit(args);
	}

	@Test
	void checkPutsBackTheCopiesTheInputStillHoldsReportsTheOthersAndRemovesLeftovers(CapturedOutput console) throws Exception {
		assertThat(exit("run")).as(console.getOut()).isIn(0, 3);
		assertThat(exit("check")).as(console.getOut()).isZero();

		Path input = ROOT.resolve("input/53期_AD_広告審査部.xlsx");
		String sha = Archive.sha256(input);
		Path away = Files.move(input, ROOT.resolve("AD-away.xlsx"));
		List<ArchivedFile> accepted = jdbc.sql("SELECT sha256, file_name, status FROM submission_file WHERE status = 'ACCEPTED'")
			.query((rs, n) -> ArchivedFile.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		accepted.forEach(this::lose);
		Path staged = Files.createFile(Files.createDirectories(STORE.resolve("staging")).resolve("incoming-42.xlsx"));
		Path poi = Files.writeString(Files.createDirectories(STORE.resolve("tmp")).resolve("poi-sxssf-sheet1.xml"), "<");
		Files.setLastModifiedTime(poi, FileTime.from(Instant.now().minusSeconds(7200)));
		int from = console.getOut().length();

		assertThat(exit("check")).as(console.getOut()).isEqualTo(3);
		String out = console.getOut().substring(from);
		ArchivedFile ad = new ArchivedFile(sha, input.getFileName().toString(), true);
		String lost = archived.where(ad);
		assertThat(out).contains("欠落   " + lost + "  53期_AD_広告審査部.xlsx (部署 AD、受理、読み込んだ値 ")
			.contains("直し方: 元のファイル (53期_AD_広告審査部.xlsx) を入力フォルダ (" + INPUT + ") に置いて ./review check --review.store="
					+ STORE)
			.contains(" --review.input-dir=" + INPUT + " をもう一度実行してください")
			.contains("削除   " + staged).contains("削除   " + poi).contains("点検結果: 問題 1 件 (修復済み 8 件)");
		assertThat(out.lines().filter(l -> l.startsWith("修復   "))).hasSize(6);
		for (ArchivedFile other : accepted.stream().filter(f -> !f.equals(ad)).toList()) {
			assertThat(archived.sha256(other)).contains(other.sha256());
		}
		assertThat(archived.exists(ad)).isFalse();
		assertThat(staged).doesNotExist();
		assertThat(poi).doesNotExist();

		Files.move(away, input);
		from = console.getOut().length();
		assertThat(exit("check")).as(console.getOut()).isZero();
		assertThat(console.getOut().substring(from)).contains("修復   " + lost + "  保管ファイルがありませんでした。入力フォルダの " + input)
			.contains("点検結果: 問題なし (修復済み 1 件)");
		assertThat(archived.sha256(ad)).contains(sha);

		// bytes that are not the recorded ones are put back the same way
		byte[] wrong = "not the file".getBytes(StandardCharsets.US_ASCII);
		if (TestStore.postgres()) {
			jdbc.sql("UPDATE archived_file SET bytes = ? WHERE sha256 = ?").params(wrong, sha).update();
		}
		else {
			Files.write(Path.of(lost), wrong);
		}
		from = console.getOut().length();
		assertThat(exit("check")).as(console.getOut()).isZero();
		assertThat(console.getOut().substring(from)).contains("修復   " + lost + "  保管ファイルの内容が違っていました (SHA-256 "
				+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wrong)) + ")。入力フォルダの " + input);
		assertThat(archived.sha256(ad)).contains(sha);
	}

	@Test
	void everyRunSaysWhichCopiesAreMissing(CapturedOutput console) throws Exception {
		assertThat(exit("run")).as(console.getOut()).isIn(0, 3);
		ArchivedFile file = jdbc.sql("SELECT sha256, file_name, status FROM submission_file ORDER BY id LIMIT 1")
			.query((rs, n) -> ArchivedFile.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		lose(file);
		int from = console.getOut().length();

		assertThat(exit("run")).as(console.getOut()).isIn(0, 3);
		assertThat(console.getOut().substring(from)).contains("保管ファイルがありません: " + archived.where(file))
			.contains("保管ファイルが 1 件ありません")
			.contains("./review check --review.store=" + STORE);
	}

	/** SQLite's own: PostgreSQL is backed up by the database's tools. */
	@Test
	void everyRunKeepsTheNewestSevenBackups(CapturedOutput console) throws Exception {
		assumeFalse(TestStore.postgres());
		assertThat(exit("run")).as(console.getOut()).isIn(0, 3);
		Path backups = STORE.resolve("backup");
		for (int day = 1; day <= 8; day++) {
			Files.writeString(backups.resolve("review-2025010" + day + "-020000.db"), "older");
		}
		int from = console.getOut().length();

		assertThat(exit("run")).as(console.getOut()).isIn(0, 3);
		String out = console.getOut().substring(from);
		List<Path> kept;
		try (Stream<Path> files = Files.list(backups)) {
			kept = files.sorted().toList();
		}
		assertThat(kept).hasSize(7).doesNotContain(backups.resolve("review-20250101-020000.db"),
				backups.resolve("review-20250102-020000.db"));
		Path newest = kept.get(6);
		assertThat(newest.getFileName().toString()).matches("review-\\d{8}-\\d{6}\\.db");
		assertThat(out).contains("バックアップ: " + newest);
		try (InputStream in = Files.newInputStream(newest)) {
			assertThat(new String(in.readNBytes(15), StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
		}
	}

	/** The kept bytes of a stored file gone: its file deleted on SQLite, its row on PostgreSQL. */
	private void lose(ArchivedFile file) {
		if (TestStore.postgres()) {
			jdbc.sql("DELETE FROM archived_file WHERE sha256 = ?").param(file.sha256()).update();
		}
		else {
			try {
				Files.delete(Path.of(archived.where(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
