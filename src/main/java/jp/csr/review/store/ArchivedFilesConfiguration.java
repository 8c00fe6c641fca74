package jp.csr.review.store;

import jp.csr.review.config.ReviewProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the kept bytes lie follows the store's database: files beside SQLite, a table in PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class ArchivedFilesConfiguration {

	@Bean
	ArchivedFiles archivedFiles(StoreDatabase store, Archive archive, JdbcClient jdbc, ReviewProperties properties) {
		return store.shared() ? new ArchiveTable(jdbc, archive, properties.store().resolve("tmp"), store)
				: new ArchiveFolders(properties.store(), archive);
	}

}
