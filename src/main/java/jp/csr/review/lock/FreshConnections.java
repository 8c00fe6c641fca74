package jp.csr.review.lock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Connections of their own, outside the store's pool, to the same database with the same credentials: for what
 * must not share a pooled connection's fate (settling dead runs after a failure, the run lock's session).
 */
public final class FreshConnections {

	private FreshConnections() {
	}

	public static DataSource of(DataSource pooled) {
		return pooled instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				? new DriverManagerDataSource(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword()) : pooled;
	}

}
