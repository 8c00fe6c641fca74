package jp.csr.review.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.csr.review.ReviewProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SQLite database under {@code review.store}. Each URL setting prevents a failure measured on this
 * stack (shared/notes/platform-facts.md): WAL lets {@code status} read during a run, IMMEDIATE
 * transactions keep concurrent JVMs from SQLITE_BUSY, foreign keys are off in SQLite unless asked.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	DataSource dataSource(ReviewProperties properties) {
		try {
			Files.createDirectories(properties.store());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the store folder " + properties.store(), ex);
		}
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:sqlite:" + properties.database().toAbsolutePath()
				+ "?journal_mode=WAL&busy_timeout=30000&transaction_mode=IMMEDIATE&foreign_keys=true");
		// the load's checking threads look up bytes already taken while the step's thread holds its chunk's
		// connection: one each, so none waits for another
		dataSource.setMaximumPoolSize(Math.max(4, properties.loadThreadCount() + 2));
		dataSource.setPoolName("review-store");
		return dataSource;
	}

}
