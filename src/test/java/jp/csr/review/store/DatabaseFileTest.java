package jp.csr.review.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import jp.csr.review.config.ReviewProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database lost (deleted, or left without a table) where backups say there was one: no command lets SQLite
 * make a new one in its place, so a run cannot silently start over without the earlier runs.
 */
class DatabaseFileTest {

	@TempDir
	Path store;

	@Test
	void aMissingOrTablelessDatabaseWithBackupsIsRefusedAndWithoutBackupsIsAFreshStore() throws Exception {
		DatabaseFile database = new DatabaseFile(new Binder(new MapConfigurationPropertySource(Map.of("review.store", store.toString())))
			.bindOrCreate("review", ReviewProperties.class));
		Path db = database.path();
		assertThat(database.problem(StoreUse.Access.WRITE)).as("a fresh store").isEmpty();

		Path backup = Files.writeString(Files.createDirectories(store.resolve("backup")).resolve("review-20261130-020000.db"), "");
		assertThat(database.problem(StoreUse.Access.WRITE)).hasValueSatisfying(p -> assertThat(p.toString())
			.contains("ストアのデータベース " + db + " がありません。バックアップが 1 件あります").contains("cp " + backup + " " + db));
		assertThat(database.problem(StoreUse.Access.READ)).as("status does not create it either").isPresent();
		assertThat(db).doesNotExist();

		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?journal_mode=WAL")) {
			// what opening it makes of a missing file: SQLite's first page, no table
		}
		assertThat(database.problem(StoreUse.Access.WRITE)).hasValueSatisfying(p -> assertThat(p.toString())
			.contains(db + " は空です (表がひとつもありません)").contains("mv " + db + " "));

		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE t (x)");
		}
		assertThat(database.problem(StoreUse.Access.WRITE)).isEmpty();
	}

}
