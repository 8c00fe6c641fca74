package jp.csr.review.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The shared store's first connection, made before Flyway or a command uses it, so that a server that cannot be
 * reached, a refused login or a missing database is told in one sentence with what to check, instead of Spring
 * Boot's bare "Application run failed". A server that cannot be reached is a failed run to try again (exit 1)
 * where the command would call it configuration (2); otherwise each command keeps its own code ({@link StoreUse}:
 * {@code status} 0, {@code check} 3).
 */
final class SharedStoreConnection {

	/** PRODUCT.md §7's exit codes: a failed run to try again, and bad configuration. */
	private static final int FAILED = 1;

	private static final int CONFIGURATION = 2;

	/** SQLSTATE 08: connection exception (refused, unknown host, timed out). */
	private static final String UNREACHABLE = "08";

	private SharedStoreConnection() {
	}

	static void check(DataSource dataSource, StoreDatabase database, StoreUse use, Path store) {
		try (Connection connection = dataSource.getConnection()) {
			// reached and logged in: the schema is Flyway's business
		}
		catch (SQLException ex) {
			String state = ex.getSQLState() == null ? "" : ex.getSQLState();
			boolean unreachable = state.startsWith(UNREACHABLE);
			int exit = unreachable && use.exitCodeWhenUnusable() == CONFIGURATION ? FAILED : use.exitCodeWhenUnusable();
			throw new StoreUnusable(new StoreProblem(store, "PostgreSQL のストア " + database + " を使えません: " + reason(ex),
					List.of(todo(state))), exit);
		}
	}

	/** The driver's own words (which name the host, the user or the database), without the pool's wrapping. */
	private static String reason(SQLException ex) {
		Throwable deepest = ex;
		while (deepest.getCause() instanceof SQLException cause && cause != deepest) {
			deepest = cause;
		}
		return deepest.getMessage();
	}

	private static String todo(String state) {
		if (state.startsWith(UNREACHABLE)) {
			return "直し方: PostgreSQL のサーバーが動いているか、spring.datasource.url のホストとポートを確かめてください。何もせずに終了しました";
		}
		if (state.startsWith("28")) {
			return "直し方: spring.datasource.username と spring.datasource.password を確かめてください (README「PostgreSQL」)";
		}
		if (state.equals("3D000")) {
			return "直し方: データベースを作ってください (README「PostgreSQL」の CREATE DATABASE)。spring.datasource.url のデータベース名も確かめてください";
		}
		return "直し方: spring.datasource.url / username / password と、そのユーザーの権限を確かめてください (README「PostgreSQL」)";
	}

}
