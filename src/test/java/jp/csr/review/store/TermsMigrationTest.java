package jp.csr.review.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V5 (terms) on a store written before it: every rejected file takes a term (of its run's accepted files, else
 * of the latest accepted before it), and every run that judged is recorded with its term, its group unknown.
 */
class TermsMigrationTest {

	@TempDir
	Path dir;

	@Test
	void aStoreOfOneTermKeepsItsRejectionsAndVerdictsUnderThatTerm() {
		SQLiteDataSource store = new SQLiteDataSource();
		store.setUrl("jdbc:sqlite:" + dir.resolve("review.db"));
		Flyway.configure().locations("classpath:db/migration/sqlite").dataSource(store).target("4").load().migrate();
		JdbcClient jdbc = JdbcClient.create(store);
		// run 1 accepted DEV's 53期 file and judged; run 2 rejected AD's file and RISK's, and judged with no file
		file(jdbc, 1, 1, "ACCEPTED", 53, "DEV");
		file(jdbc, 2, 2, "REJECTED", null, "AD");
		file(jdbc, 3, 2, "REJECTED", null, null);
		jdbc.sql("INSERT INTO kpi_judgement (job_instance_id, kpi_id, outcome, file_id) VALUES (1, 'K09', '達成', 1)").update();
		jdbc.sql("INSERT INTO kpi_judgement (job_instance_id, kpi_id, outcome) VALUES (2, 'K01', '未提出')").update();

		Flyway.configure().locations("classpath:db/migration/sqlite").dataSource(store).load().migrate();

		assertThat(jdbc.sql("SELECT id, term FROM submission_file ORDER BY id").query().listOfRows())
			.containsExactly(Map.of("id", 1, "term", 53), Map.of("id", 2, "term", 53), Map.of("id", 3, "term", 53));
		assertThat(jdbc.sql("SELECT job_instance_id, term, group_name FROM judged_term").query().listOfRows())
			.containsExactly(row(1, 53, null));
		assertThat(jdbc.sql("SELECT materiality FROM kpi_judgement").query(String.class).list()).containsOnlyNulls();
	}

	private static void file(JdbcClient jdbc, long id, long run, String status, Integer term, String department) {
		jdbc.sql("""
				INSERT INTO submission_file (id, sha256, file_name, original_path, size, modified_at, job_instance_id, status,
				  term, department_code, errors, warnings, archive_path)
				VALUES (?, ?, 'f.xlsx', 'f.xlsx', 1, '2025-10-20T00:00:00Z', ?, ?, ?, ?, 0, 0, 'a')""")
			.params(id, "sha" + id, run, status, term, department)
			.update();
	}

	private static Map<String, Object> row(Object... values) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		List<String> names = List.of("job_instance_id", "term", "group_name");
		for (int i = 0; i < values.length; i++) {
			row.put(names.get(i), values[i]);
		}
		return row;
	}

}
