package jp.csr.review.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.ExitCode;
import jp.csr.review.store.StoreUse;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the command being run does with the store at start-up ({@link Command#storeUse()}), and when Flyway
 * migrates it: for a command that writes, under an OS lock of its own ({@code store/schema.lock}, blocking), so
 * two runs started together on a fresh store do not both create the tables. A separate file from
 * {@code run.lock}: closing a descriptor of the run lock's file would drop the run lock.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

	/** No command (the tests' contexts) runs the job. */
	private static final StoreUse JOB = new StoreUse(StoreUse.Access.WRITE, ExitCode.USAGE.code());

	@Bean
	StoreUse storeUse(ApplicationArguments args) {
		return command(args).map(Command::storeUse).orElse(JOB);
	}

	private static Optional<Command> command(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		return words.isEmpty() ? Optional.empty() : Command.named(words.get(0));
	}

	@Bean
	FlywayMigrationStrategy flywayMigrationStrategy(ApplicationArguments args, ReviewProperties properties) {
		return flyway -> {
			if (!command(args).map(Command::migrates).orElse(true)) {
				return;
			}
			try {
				Files.createDirectories(properties.store());
				try (FileChannel channel = FileChannel.open(properties.store().resolve("schema.lock"),
						StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						FileLock lock = channel.lock()) {
					if (!SchemaVersion.current(flyway)) {
						flyway.migrate();
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot lock the store " + properties.store() + " to migrate it", ex);
			}
		};
	}

}
