package jp.csr.review.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.StoreOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every run does for the store once its job has ended, still holding the run lock: removes the staged
 * copies an interrupted chunk left, says when stored files' copies are missing from the archive (one stat per
 * file, or one query on PostgreSQL; {@code ./review check} hashes them and repairs), and after a successful run makes a backup of the
 * database. None of it changes the run's exit code: the review is written, and the admin reads the warning.
 */
@Component
public class StoreUpkeep {

	private static final Logger log = LoggerFactory.getLogger(StoreUpkeep.class);

	private static final int MISSING_SHOWN = 5;

	private final JdbcClient jdbc;

	private final Archive archive;

	private final ArchivedFiles archived;

	private final Backups backups;

	/** The check command to advise, with the store and input folder the admin typed. */
	private final String check;

	public StoreUpkeep(JdbcClient jdbc, Archive archive, ArchivedFiles archived, Backups backups, ReviewProperties properties,
			Environment environment) {
		this.check = StoreOption.command(environment, properties.store(), "check",
				new StoreOption.Folder("review.input-dir", properties.inputDir()));
		this.jdbc = jdbc;
		this.archive = archive;
		this.archived = archived;
		this.backups = backups;
	}

	/** @param completed whether the run ended COMPLETED (exit 0 or 3): only then is it backed up */
	public void afterRun(boolean completed) {
		try {
			archive.clearStaging().forEach(f -> log.debug("removed the staged copy {}", f));
			missing();
		}
		catch (IOException | DataAccessException ex) {
			log.warn("ストアの点検ができませんでした: {}。{} で確かめてください", ex.getMessage(), check);
			log.debug("upkeep", ex);
		}
		if (completed && backups.enabled()) {
			backup();
		}
	}

	private void missing() {
		List<String> missing = archived
			.missing(jdbc.sql("SELECT sha256, file_name, status FROM submission_file ORDER BY id")
				.query((rs, n) -> ArchivedFiles.ArchivedFile.of(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list()) // a stream would hold the connection, and with it the WAL, open
			.stream()
			.map(archived::where)
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		missing.stream().limit(MISSING_SHOWN).forEach(p -> log.warn("保管ファイルがありません: {}", p));
		log.warn("保管ファイルが {} 件ありません (読み込んだ値の出典です){}。{} で確かめてください (入力フォルダに同じファイルが残っていれば戻します)",
				missing.size(), missing.size() > MISSING_SHOWN ? " (上は最初の " + MISSING_SHOWN + " 件)" : "", check);
	}

	private void backup() {
		long start = System.nanoTime();
		try {
			Path made = backups.make();
			log.info("バックアップ: {} ({}秒)", made, String.format("%.1f", (System.nanoTime() - start) / 1e9));
		}
		catch (IOException | DataAccessException ex) {
			log.warn("データベースのバックアップを作れませんでした: {}。ストアの backup フォルダの空きと権限を確かめてください", ex.getMessage());
			log.debug("backup", ex);
		}
	}

}
