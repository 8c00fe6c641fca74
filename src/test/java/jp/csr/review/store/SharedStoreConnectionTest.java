package jp.csr.review.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

		StoreUnusable run = unusable(url, null, database, RUN);
		assertThat(run.getExitCode()).isEqualTo(1);
		assertThat(run.problem().lines().get(0)).startsWith("PostgreSQL のストア " + url + " を使えません: Connection to 127.0.0.1:");
		assertThat(run.problem().lines().get(1)).contains("サーバーが動いているか");
		assertThat(unusable(url, null, database, STATUS).getExitCode()).isZero();
		assertThat(unusable(url, null, database, CHECK).getExitCode()).as("check: problems found").isEqualTo(3);
	}

	/** The driver says only "The connection attempt failed.": the admin reads the host it could not find. */
	@Test
	void anUnknownHostIsNamedAndIsBadConfiguration() {
		String url = "jdbc:postgresql://no-such-host.invalid:5432/review";
		StoreDatabase database = StoreDatabase.of(new MockEnvironment().withProperty("spring.datasource.url", url),
				properties(), RUN);

		StoreUnusable run = unusable(url, null, database, RUN);
		assertThat(run.getExitCode()).isEqualTo(2);
		assertThat(run.problem().lines().get(0))
			.isEqualTo("PostgreSQL のストア " + url + " を使えません: ホスト no-such-host.invalid が見つかりません (spring.datasource.url)");
		assertThat(run.problem().lines().get(1)).contains("spring.datasource.url のホスト名を確かめてください");
		assertThat(unusable(url, null, database, STATUS).getExitCode()).isZero();
	}

	/**
	 * A server that asks for a password the configuration leaves empty (the driver calls that "rejected", SQLSTATE
	 * 08004, as it would a server it cannot reach) is a login problem: exit 2 and the credentials, as for a wrong
	 * password, not "check the host and port".
	 */
	@Test
	void anEmptyPasswordIsBadConfigurationWithTheCredentialsHint() throws Exception {
		try (ServerSocket server = new ServerSocket(0)) {
			Thread asker = new Thread(() -> askForAPassword(server));
			asker.setDaemon(true);
			asker.start();
			String url = "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/review";
			StoreDatabase database = StoreDatabase.of(new MockEnvironment().withProperty("spring.datasource.url", url),
					properties(), RUN);

			for (String empty : new String[] { null, "" }) {
				StoreUnusable run = unusable(url, empty, database, RUN);
				assertThat(run.getExitCode()).as(run.problem().toString()).isEqualTo(2);
				assertThat(run.problem().lines().get(0)).startsWith("PostgreSQL のストア " + url + " を使えません: ")
					.contains("spring.datasource.password が空です");
				assertThat(run.problem().lines().get(1))
					.contains("spring.datasource.username と spring.datasource.password を確かめてください")
					.doesNotContain("ホストとポート");
			}
			asker.interrupt();
		}
	}

	/** A PostgreSQL server as far as its first answer: every client is asked for a SCRAM password. */
	private static void askForAPassword(ServerSocket server) {
		while (!server.isClosed()) {
			try (Socket client = server.accept()) {
				DataInputStream in = new DataInputStream(client.getInputStream());
				DataOutputStream out = new DataOutputStream(client.getOutputStream());
				while (true) {
					int length = in.readInt();
					int code = in.readInt();
					if (code == 80877103 || code == 80877104) { // SSLRequest, GSSENCRequest: not here
						out.writeByte('N');
						out.flush();
						continue;
					}
					in.skipNBytes(length - 8); // the startup message's parameters
					byte[] mechanisms = "SCRAM-SHA-256\0\0".getBytes(StandardCharsets.US_ASCII);
					out.writeByte('R'); // AuthenticationSASL, PostgreSQL's default since 14
					out.writeInt(8 + mechanisms.length);
					out.writeInt(10);
					out.write(mechanisms);
					out.flush();
					in.read(); // until the client gives up
					break;
				}
			}
			catch (IOException ex) {
				// the client hung up, or the test closed the server
			}
		}
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

	private static StoreUnusable unusable(String url, String password, StoreDatabase database, StoreUse use) {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername("review");
			dataSource.setPassword(password);
			dataSource.setConnectionTimeout(5_000);
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
