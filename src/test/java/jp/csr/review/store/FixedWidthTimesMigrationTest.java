package jp.csr.review.store;

import java.nio.file.Path;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13 on a store written before it: the times written as Instant.toString() (…08:00:00Z, …08:00:00.5Z) take the
 * fixed width new rows have, so the newer of two versions of one second is the newer in every ORDER BY; a 未提出
 * verdict of an earlier run gets the department of a file of its term that reported the KPI.
 */
class FixedWidthTimesMigrationTest {

	@TempDir
	Path dir;

	@Test
	void theNewerOfTwoVersionsOfOneSecondStaysTheNewerInAStoreWrittenBefore() {
		SQLiteDataSource store = new SQLiteDataSource();
		store.setUrl("jdbc:sqlite:" + dir.resolve("review.db"));
		Flyway.configure().locations("classpath:db/migration/sqlite").dataSource(store).target("11").load().migrate();
		JdbcClient jdbc = JdbcClient.create(store);
		file(jdbc, 1, "2025-10-21T08:00:00.500Z", "later.xlsx");
		file(jdbc, 2, "2025-10-21T08:00:00Z", "earlier.xlsx");
		file(jdbc, 3, "2025-10-21T07:59:59.123456Z", "earliest.xlsx");
		jdbc.sql("INSERT INTO judged_term (job_instance_id, term) VALUES (1, 53)").update();
		jdbc.sql("INSERT INTO kpi_result (file_id, kpi_id, value, display, note, cell) VALUES (1, 'K03', '1', '1', '', 'KPI!F2')")
			.update();
		jdbc.sql("INSERT INTO kpi_judgement (job_instance_id, kpi_id, outcome) VALUES (1, 'K03', '未提出')").update();

		Flyway.configure().locations("classpath:db/migration/sqlite").dataSource(store).load().migrate();

		assertThat(jdbc.sql("SELECT file_name FROM submission_file ORDER BY " + Submissions.NEWEST_FIRST)
			.query(String.class).list()).containsExactly("later.xlsx", "earlier.xlsx", "earliest.xlsx");
		assertThat(jdbc.sql("SELECT modified_at FROM submission_file WHERE id = 3").query(String.class).single())
			.isEqualTo(StoreTime.text(Instant.parse("2025-10-21T07:59:59.123456Z")))
			.isEqualTo("2025-10-21T07:59:59.123456000Z");
		assertThat(jdbc.sql("SELECT department_code FROM review_kpi_result WHERE kpi_id = 'K03'").query(String.class).single())
			.isEqualTo("PRIV");
	}

	private static void file(JdbcClient jdbc, long id, String modifiedAt, String name) {
		jdbc.sql("""
				INSERT INTO submission_file (id, sha256, file_name, original_path, size, modified_at, job_instance_id, status,
				  term, department_code, errors, warnings, archive_path)
				VALUES (?, ?, ?, ?, 1, ?, 1, 'ACCEPTED', 53, 'PRIV', 0, 0, 'a')""")
			.params(id, "sha" + id, name, name, modifiedAt)
			.update();
	}

}
