package jp.csr.review.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import jp.csr.review.TestStore;
import jp.csr.review.testing.SharedStoreToo;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway is skipped only for a store whose history holds, successfully, every migration of the jar and no other. */
@SharedStoreToo
class SchemaVersionTest {

	@Test
	void bothStoresHaveTheSameNewestMigration() {
		MigrationVersion sqlite = SchemaVersion.newest("classpath:db/migration/sqlite").orElseThrow();
		assertThat(SchemaVersion.newest("classpath:db/migration/postgresql")).contains(sqlite);
		assertThat(sqlite).isEqualTo(MigrationVersion.fromVersion("17"));
	}

	@Test
	void onlyAStoreMigratedToTheNewestVersionWithoutAFailureIsCurrent(@TempDir Path store) throws Exception {
		Flyway flyway = TestStore.postgres()
				? Flyway.configure().dataSource(TestStore.newDatabase(), "postgres", null)
					.locations("classpath:db/migration/postgresql").load()
				: Flyway.configure().dataSource("jdbc:sqlite:" + store.resolve("review.db"), null, null)
					.locations("classpath:db/migration/sqlite").load();
		assertThat(SchemaVersion.current(flyway)).as("a fresh store").isFalse();
		flyway.migrate();
		assertThat(SchemaVersion.current(flyway)).as("just migrated").isTrue();

		try (Connection c = flyway.getConfiguration().getDataSource().getConnection(); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE flyway_schema_history SET success = (1 = 0) WHERE version = '3'");
			assertThat(SchemaVersion.current(flyway)).as("a failed migration in the history").isFalse();
			s.executeUpdate("UPDATE flyway_schema_history SET success = (1 = 1) WHERE version = '3'");
			s.executeUpdate("UPDATE flyway_schema_history SET version = '13.5' WHERE version = '14'");
			assertThat(SchemaVersion.current(flyway)).as("a history without one of the jar's migrations").isFalse();
			s.executeUpdate("UPDATE flyway_schema_history SET version = '14' WHERE version = '13.5'");
			assertThat(SchemaVersion.current(flyway)).as("whole again").isTrue();
			s.executeUpdate("DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");
			assertThat(SchemaVersion.current(flyway)).as("an older store to upgrade").isFalse();
			s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
					+ " installed_by, execution_time, success) VALUES (900, '999', 'newer', 'SQL', 'V999__newer.sql', 0, 'x', 0, (1 = 1))");
			assertThat(SchemaVersion.current(flyway)).as("a store of a newer build").isFalse();
		}
	}

}
