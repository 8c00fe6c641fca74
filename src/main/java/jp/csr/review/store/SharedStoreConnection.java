package jp.csr.review.store;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The shared store's first connection, made before Flyway or a command uses it, so that a server that cannot be
 * reached, an unknown host, a refused login (an empty password too) or a missing database is told in one sentence
 * with what to check, instead of Spring Boot's bare "Application run failed" or the driver's "The connection attempt
 * failed.". A server that cannot be reached is a failed run to try again (exit 1) where the command would call it
 * configuration (2); otherwise each command keeps its own code ({@link StoreUse}:
 * {@code status} 0, {@code check} 3).
 */
final class SharedStoreConnection {

	/** PRODUCT.md §7's exit codes: a failed run to try again, and bad configuration. */
	private static final int FAILED = 1;

	private static final int CONFIGURATION = 2;

	/** SQLSTATE 08: connection exception (refused, unknown host, timed out). */
	private static final String UNREACHABLE = "08";

	/** SQLSTATE 08004: the server rejected the connection; the driver's word for a password it was not given. */
	private static final String REJECTED = "08004";

	private SharedStoreConnection() {
	}

	static void check(DataSource dataSource, StoreDatabase database, StoreUse use, Path store) {
		try (Connection connection = dataSource.getConnection()) {
			// reached and logged in: the schema is Flyway's business
		}
		catch (SQLException ex) {
			throw new StoreUnusable(problem(ex, database, store, noPassword(dataSource)),
					exitCode(ex, use, noPassword(dataSource)));
		}
	}

	/** What went wrong, in words that name the cause: the host, the login, the database, or the server. */
	static StoreProblem problem(SQLException ex, StoreDatabase database, Path store, boolean noPassword) {
		String state = state(ex);
		Optional<UnknownHostException> unknown = unknownHost(ex);
		if (unknown.isPresent()) {
			return new StoreProblem(store, "PostgreSQL のストア " + database + " を使えません: ホスト "
					+ unknown.get().getMessage() + " が見つかりません (spring.datasource.url)",
					List.of("直し方: spring.datasource.url のホスト名を確かめてください (名前の綴り、DNS や /etc/hosts)。何もせずに終了しました"));
		}
		if (passwordRefused(state, noPassword)) {
			return new StoreProblem(store, "PostgreSQL のストア " + database + " を使えません: サーバーがパスワードを求めていますが、"
					+ "spring.datasource.password が空です (" + reason(ex) + ")", List.of(todo("28")));
		}
		return new StoreProblem(store, "PostgreSQL のストア " + database + " を使えません: " + reason(ex), List.of(todo(state)));
	}

	/**
	 * A server that cannot be reached is a failed run to try again; an unknown host or a login the server refuses
	 * is configuration, whatever SQLSTATE the driver gives it (an empty password comes as 08004, "rejected").
	 */
	static int exitCode(SQLException ex, StoreUse use, boolean noPassword) {
		String state = state(ex);
		boolean retry = state.startsWith(UNREACHABLE) && unknownHost(ex).isEmpty() && !passwordRefused(state, noPassword);
		return retry && use.exitCodeWhenUnusable() == CONFIGURATION ? FAILED : use.exitCodeWhenUnusable();
	}

	private static boolean passwordRefused(String state, boolean noPassword) {
		return noPassword && state.equals(REJECTED);
	}

	private static boolean noPassword(DataSource dataSource) {
		return dataSource instanceof HikariDataSource hikari
				&& (hikari.getPassword() == null || hikari.getPassword().isEmpty());
	}

	private static String state(SQLException ex) {
		return ex.getSQLState() == null ? "" : ex.getSQLState();
	}

	private static Optional<UnknownHostException> unknownHost(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof UnknownHostException unknown) {
				return Optional.of(unknown);
			}
		}
		return Optional.empty();
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
