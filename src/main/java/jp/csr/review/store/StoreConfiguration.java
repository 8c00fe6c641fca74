package jp.csr.review.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.csr.review.config.ReviewProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The store's database: the SQLite file under {@code review.store}, or PostgreSQL when
 * {@code spring.datasource.url} names it ({@link StoreDatabase}).
 * <p>
 * SQLite: each URL setting prevents a failure measured on this stack (shared/notes/platform-facts.md): WAL
 * lets {@code status} read during a run, IMMEDIATE transactions keep concurrent JVMs from SQLITE_BUSY, foreign
 * keys are off in SQLite unless asked.
 * <p>
 * {@code synchronous=NORMAL}: under WAL the database stays consistent whatever happens, and a killed
 * process loses no committed transaction; only a power loss or an OS crash may undo the last commits, which
 * then roll back the store, the job repository and the candidates' outcomes together, so the next run takes
 * those files again. It spares the fsync of every commit: a run of 2,000 files made 93 fsyncs (0.40 s of
 * waiting) with FULL and 19 (0.07 s) with NORMAL; at one file per transaction, 2,000 commits took 6.5–8 s
 * with FULL and 0.5–1.3 s with NORMAL on this kind of disk.
 * <p>
 * Nothing opens the SQLite file before {@link DatabaseFile} has checked it for the command being run: a damaged
 * or unwritable database stops the start-up with one message naming it, and Flyway never gets to write to it.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	StoreDatabase storeDatabase(Environment environment, ReviewProperties properties, StoreUse use) {
		return StoreDatabase.of(environment, properties, use);
	}

	@Bean
	DataSource dataSource(ReviewProperties properties, StoreUse use, StoreDatabase database, Environment environment) {
		HikariDataSource dataSource = new HikariDataSource();
		if (database.shared()) {
			dataSource.setJdbcUrl(StoreDatabase.setting(environment, StoreDatabase.URL, properties, use));
			dataSource.setUsername(StoreDatabase.setting(environment, "spring.datasource.username", properties, use));
			dataSource.setPassword(StoreDatabase.setting(environment, "spring.datasource.password", properties, use));
			// a server that is down or unknown is said within seconds, not after the pool's 30 s and the
			// driver's own waits, so that a failed run reports its step and restart command promptly
			dataSource.setConnectionTimeout(5_000);
			dataSource.addDataSourceProperty("connectTimeout", "5");
			dataSource.addDataSourceProperty("tcpKeepAlive", "true");
		}
		else {
			new DatabaseFile(properties, environment).guard(use);
			dataSource.setJdbcUrl("jdbc:sqlite:" + properties.database().toAbsolutePath()
					+ "?journal_mode=WAL&busy_timeout=30000&transaction_mode=IMMEDIATE&foreign_keys=true&synchronous=NORMAL");
		}
		// the load's checking threads look up bytes already taken while the step's thread holds its chunk's
		// connection: one each, so none waits for another
		dataSource.setMaximumPoolSize(Math.max(4, properties.loadThreadCount() + 2));
		dataSource.setPoolName("review-store");
		if (database.shared()) {
			SharedStoreConnection.check(dataSource, database, use, properties.store());
		}
		return dataSource;
	}

}
