package jp.csr.review.cli;

import jp.csr.review.console.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.store.StoreUse;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each command does with the store at start-up: how much of it is checked before anything opens it
 * ({@link StoreUse}), and when Flyway migrates it.
 * <ul>
 * <li>{@code status} reads the database: a damaged one is reported and the exit code stays 0 (PRODUCT.md §7).
 * {@code check} writes (it repairs): a database it cannot use is a problem found, 3. The others that write
 * stop with 2, a configuration problem for the admin to fix before any run.</li>
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
public class SchemaMigration {

	private static final Set<String> READ_ONLY = Set.of("status", "validate", "template", "next-term");

	/** Commands that write to the store (the others may not even read it). */
	private static final Set<String> WRITING = Set.of("run", "restart", "daemon", "check");

	@Bean
	StoreUse storeUse(ApplicationArguments args) {
		String command = command(args);
		if (command.equals("status")) {
			return new StoreUse(StoreUse.Access.READ, ExitCode.OK.code());
		}
		if (command.equals("next-term")) {
			// reads this term's results; a store it cannot read is a configuration problem
			return new StoreUse(StoreUse.Access.READ, ExitCode.USAGE.code());
		}
		if (command.equals("check")) {
			return new StoreUse(StoreUse.Access.WRITE, ExitCode.REJECTED.code());
		}
		// no command (the tests' contexts) runs the job
		return new StoreUse(command.isEmpty() || WRITING.contains(command) ? StoreUse.Access.WRITE : StoreUse.Access.NONE,
				ExitCode.USAGE.code());
	}

	private static String command(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		return words.isEmpty() ? "" : words.get(0);
	}

	@Bean
	FlywayMigrationStrategy flywayMigrationStrategy(ApplicationArguments args, ReviewProperties properties) {
		return flyway -> {
			if (READ_ONLY.contains(command(args))) {
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
