package jp.csr.review.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import jp.csr.review.ReviewProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When Flyway migrates the store at startup.
 * <ul>
 * <li>Not for {@code status}, {@code validate}, {@code template}: they change nothing, and even an
 * up-to-date Flyway validate opens a transaction, which with {@code transaction_mode=IMMEDIATE} waits
 * for SQLite's write lock, so {@code status} would hang behind a run's chunks until the run ends
 * (measured).</li>
 * <li>For the others, under an OS lock of its own ({@code store/schema.lock}, blocking), so two runs
 * started together on a fresh store do not both create the tables. A separate file from
 * {@code run.lock}: closing a descriptor of the run lock's file would drop the run lock.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

	private static final Set<String> READ_ONLY = Set.of("status", "validate", "template");

	@Bean
	FlywayMigrationStrategy flywayMigrationStrategy(ApplicationArguments args, ReviewProperties properties) {
		return flyway -> {
			List<String> words = args.getNonOptionArgs();
			if (!words.isEmpty() && READ_ONLY.contains(words.get(0))) {
				return;
			}
			try {
				Files.createDirectories(properties.store());
				try (FileChannel channel = FileChannel.open(properties.store().resolve("schema.lock"),
						StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						FileLock lock = channel.lock()) {
					flyway.migrate();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot lock the store " + properties.store() + " to migrate it", ex);
			}
		};
	}

}
