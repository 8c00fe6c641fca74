package jp.csr.review.store;

import java.nio.file.Path;
import java.util.List;

import jp.csr.review.config.ReviewProperties;

import org.springframework.core.env.Environment;

/**
 * Which database holds the store (PRODUCT.md §10), chosen the Spring Boot way and no other: a
 * {@code spring.datasource.url} naming PostgreSQL makes it the shared store, and without one it is the SQLite
 * file under {@code review.store}. The two differ only where a database's own means differ (checking and
 * backing up the file, the run lock, where archived bytes lie); the job, the SQL and the review are the same.
 *
 * @param kind which database
 * @param name what an admin is told: the SQLite file's path, or PostgreSQL's JDBC URL without its parameters
 *        (which may carry a password)
 */
public record StoreDatabase(Kind kind, String name) {

	public enum Kind {
		SQLITE, POSTGRESQL
	}

	static final String URL = "spring.datasource.url";

	static StoreDatabase of(Environment environment, ReviewProperties properties, StoreUse use) {
		String url = setting(environment, URL, properties, use);
		if (url == null || url.isBlank()) {
			return sqlite(properties.database());
		}
		if (url.startsWith("jdbc:postgresql:")) {
			int parameters = url.indexOf('?');
			return new StoreDatabase(Kind.POSTGRESQL, parameters < 0 ? url : url.substring(0, parameters));
		}
		throw new StoreUnusable(new StoreProblem(properties.store(),
				URL + " は PostgreSQL (jdbc:postgresql://ホスト/データベース) だけを指せます: " + url.replaceAll("\\?.*", ""),
				List.of("直し方: SQLite を使うなら spring.datasource.url を外し、review.store でフォルダを指定してください")),
				use.exitCodeWhenUnusable());
	}

	/**
	 * A datasource setting, null when not set. A placeholder nothing resolves (the password from an environment
	 * variable that cron's environment lacks) stops the start-up naming the setting, not "Application run failed".
	 */
	static String setting(Environment environment, String key, ReviewProperties properties, StoreUse use) {
		try {
			return environment.getProperty(key);
		}
		catch (IllegalArgumentException ex) {
			throw new StoreUnusable(new StoreProblem(properties.store(), key + " を決められません: " + ex.getMessage(),
					List.of("直し方: その環境変数を設定するか (cron や systemd では実行環境に書きます)、設定ファイルの " + key
							+ " を確かめてください")),
					use.exitCodeWhenUnusable());
		}
	}

	public static StoreDatabase sqlite(Path file) {
		return new StoreDatabase(Kind.SQLITE, file.toAbsolutePath().normalize().toString());
	}

	/** PostgreSQL: every host that points at it sees the same runs, files and lock. */
	public boolean shared() {
		return kind == Kind.POSTGRESQL;
	}

	@Override
	public String toString() {
		return name;
	}

}
