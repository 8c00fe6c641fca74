package jp.csr.review.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import jp.csr.review.config.ReviewProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a command says and exits with when the shared store cannot be used at start-up (PRODUCT.md §7, §10). */
class SharedStoreConnectionTest {

	static final Path STORE = Path.of("/srv/review/store");

	static final StoreUse RUN = new StoreUse(StoreUse.Access.WRITE, 2);

	static final StoreUse STATUS = new StoreUse(StoreUse.Access.READ, 0);

	static final StoreUse CHECK = new StoreUse(StoreUse.Access.WRITE, 3);

	@Test
	void aServerThatCannotBeReachedIsAFailedRunToRetryStatusStillExitsZeroAndCheckThree() throws IOException {
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/review";
		StoreDatabase database = StoreDatabase.of(new MockEnvironment().withProperty("spring.datasource.url", url),
				properties(), RUN);

		StoreUnusable run = unusable(url, database, RUN);
		assertThat(run.getExitCode()).isEqualTo(1);
		assertThat(run.problem().lines().get(0)).startsWith("PostgreSQL のストア " + url + " を使えません: Connection to 127.0.0.1:");
		assertThat(run.problem().lines().get(1)).contains("サーバーが動いているか");
		assertThat(unusable(url, database, STATUS).getExitCode()).isZero();
		assertThat(unusable(url, database, CHECK).getExitCode()).as("check: problems found").isEqualTo(3);
	}

	@Test
	void aUrlOfAnotherDatabaseIsBadConfigurationAndItsParametersAreNotRepeated() {
		StoreUnusable wrong = catchThrowableOfType(StoreUnusable.class, () -> StoreDatabase.of(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://db/review?password=s3cret"),
				properties(), RUN));

		assertThat(wrong.getExitCode()).isEqualTo(2);
		assertThat(wrong.problem().toString()).contains("jdbc:mysql://db/review").doesNotContain("s3cret");
	}

	@Test
	void thePostgresqlUrlIsNamedWithoutItsParameters() {
		StoreDatabase database = StoreDatabase.of(new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db/review?user=review&password=s3cret"), properties(), RUN);

		assertThat(database.shared()).isTrue();
		assertThat(database).hasToString("jdbc:postgresql://db/review");
		assertThat(StoreDatabase.of(new MockEnvironment(), properties(), RUN).shared()).isFalse();
	}

	@Test
	void aPasswordFromAnEnvironmentVariableThatIsNotSetIsNamed() {
		MockEnvironment cron = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/review")
			.withProperty("spring.datasource.password", "${REVIEW_DB_PASSWORD}");

		StoreUnusable unset = catchThrowableOfType(StoreUnusable.class,
				() -> StoreDatabase.setting(cron, "spring.datasource.password", properties(), RUN));

		assertThat(unset.getExitCode()).isEqualTo(2);
		assertThat(unset.problem().lines().get(0)).startsWith("spring.datasource.password を決められません: ")
			.contains("REVIEW_DB_PASSWORD");
	}

	private static StoreUnusable unusable(String url, StoreDatabase database, StoreUse use) {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername("review");
			return catchThrowableOfType(StoreUnusable.class,
					() -> SharedStoreConnection.check(dataSource, database, use, STORE));
		}
	}

	private static ReviewProperties properties() {
		return new Binder(new MapConfigurationPropertySource(Map.of("review.store", STORE.toString())))
			.bindOrCreate("review", ReviewProperties.class);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
