package jp.csr.review;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.csr.review.testing.LauncherJar;
import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code review} itself, in a checkout of its own whose {@code target/review.jar} is a stand-in
 * ({@link LauncherJar}) for the built jar, so that no build runs: what it starts after a build.
 */
@SharedStoreToo
class LauncherProcessTest {

	private static final Path REPO = Path.of("").toAbsolutePath();

	@TempDir
	Path temp;

	@Test
	void theTrainingRunAfterABuildLeavesTheConfiguredDatabaseStoreAndFoldersUntouched() throws Exception {
		Path checkout = checkout();
		Path configured = Files.createDirectories(temp.resolve("configured"));
		Path store = configured.resolve("store");
		Path output = Files.createDirectories(configured.resolve("output"));
		String database = TestStore.postgres() ? TestStore.newDatabase() : null;
		// as the README has it for cron: the settings in config/application.yml, the password from the environment
		StringBuilder yml = new StringBuilder("review:\n  store: " + store + "\n  output-dir: " + output + "\n");
		if (database != null) {
			yml.append("spring:\n  datasource:\n    url: ").append(database)
				.append("\n    username: postgres\n    password: ${REVIEW_DB_PASSWORD}\n");
		}
		Files.writeString(checkout.resolve("config/application.yml"), yml.toString());
		Path probe = temp.resolve("started.txt");

		ProcessBuilder builder = new ProcessBuilder("bash", "review", "--version").directory(checkout.toFile())
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("console.txt").toFile());
		Map<String, String> environment = builder.environment();
		environment.remove("REVIEW_CALLER_DIR");
		environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
		environment.put("JAVA_OPTS", "-D" + LauncherJar.PROBE + "=" + probe);
		environment.put("REVIEW_DB_PASSWORD", "secret");
		environment.put("REVIEW_STORE", store.toString());
		environment.put("REVIEW_OUTPUT_DIR", output.toString());
		if (database != null) {
			environment.put("SPRING_DATASOURCE_URL", database);
		}
		Process launcher = builder.start();
		// extracting, a whole run on the sample and the command itself, on a busy machine
		assertThat(launcher.waitFor(3 * ReviewProcesses.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		String console = Files.readString(temp.resolve("console.txt"), StandardCharsets.UTF_8);
		assertThat(launcher.exitValue()).as(console).isZero();
		assertThat(console).contains("action-plan-review");

		List<String> started = Files.readAllLines(probe);
		assertThat(started).as("trained on the sample, then the admin's command")
			.anyMatch(line -> line.startsWith("run "))
			.endsWith("--version");
		assertThat(store).as("the configured store").doesNotExist();
		assertThat(output).as("the configured output folder").isEmptyDirectory();
		assertThat(checkout.resolve("store")).as("the default store").doesNotExist();
		assertThat(checkout.resolve("target/app.training")).doesNotExist();
		assertThat(checkout.resolve("target/app/review.jar")).isRegularFile();
		if (database != null) {
			try (var c = java.sql.DriverManager.getConnection(database, "postgres", null);
					var s = c.createStatement();
					var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
				rs.next();
				assertThat(rs.getInt(1)).as("tables in the configured database").isZero();
			}
		}
	}

	/** The launcher, the plan and the sample, and a stand-in jar newer than the sources (nothing to build). */
	private Path checkout() throws Exception {
		Path checkout = Files.createDirectories(temp.resolve("checkout"));
		Files.copy(REPO.resolve("review"), checkout.resolve("review"));
		Files.copy(REPO.resolve("pom.xml"), checkout.resolve("pom.xml"));
		Files.createDirectories(checkout.resolve("src/main"));
		Files.createDirectories(checkout.resolve("config"));
		Files.copy(REPO.resolve("config/plan.xlsx"), checkout.resolve("config/plan.xlsx"));
		Files.createDirectories(checkout.resolve("input"));
		try (DirectoryStream<Path> files = Files.newDirectoryStream(REPO.resolve("input"), "*.xlsx")) {
			for (Path file : files) {
				Files.copy(file, checkout.resolve("input").resolve(file.getFileName()));
			}
		}
		FileTime before = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
		Files.setLastModifiedTime(checkout.resolve("pom.xml"), before);
		Files.setLastModifiedTime(checkout.resolve("src/main"), before);
		LauncherJar.write(checkout.resolve("target/review.jar"));
		return checkout;
	}

}
