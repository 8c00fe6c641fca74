package jp.csr.review.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.SampleFolders;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan reads a file again only when the file system says it may have changed: a file written in place with its
 * size and modification time as before has a new change time, and its new bytes are what the scan records.
 */
@SpringBootTest
@SharedStoreToo
class ScanIdentityTest {

	static final Path ROOT = SampleFolders.copy("scan-identity");

	static final Path ISEC = ROOT.resolve("input/53期_ISEC_情報セキュリティ部.xlsx");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	private record Seen(String sha256, String identity) {
	}

	@Test
	void aFileWrittenInPlaceWithItsSizeAndTimeKeptIsHashedAgain() throws Exception {
		Map<String, Seen> first = scanned(runs.start().getJobInstanceId());
		assertThat(first).hasSize(7).allSatisfy((path, seen) -> {
			assertThat(seen.identity()).as(path).isNotBlank();
			assertThat(seen.sha256()).as(path).isEqualTo(sha256(Path.of(path)));
		});
		assertThat(scanned(runs.start().getJobInstanceId())).as("nothing changed: the same bytes and identities")
			.isEqualTo(first);

		byte[] bytes = Files.readAllBytes(ISEC);
		FileTime modified = Files.getLastModifiedTime(ISEC);
		bytes[bytes.length / 2] ^= 1;
		Thread.sleep(50); // the kernel's clock for file times is coarse: the change time moves on
		Files.write(ISEC, bytes);
		Files.setLastModifiedTime(ISEC, modified);
		Map<String, Seen> third = scanned(runs.start().getJobInstanceId());
		assertThat(third.get(ISEC.toString()).sha256()).as("the bytes written in place")
			.isEqualTo(sha256(bytes))
			.isNotEqualTo(first.get(ISEC.toString()).sha256());
		assertThat(third.get(ISEC.toString()).identity()).isNotEqualTo(first.get(ISEC.toString()).identity());
		third.remove(ISEC.toString());
		assertThat(first).containsAllEntriesOf(third);
	}

	private Map<String, Seen> scanned(long jobInstanceId) {
		return jdbc.sql("SELECT path, sha256, identity FROM scan_candidate WHERE job_instance_id = ?")
			.param(jobInstanceId)
			.query((rs, n) -> Map.entry(rs.getString(1), new Seen(rs.getString(2), rs.getString(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String sha256(Path file) {
		try {
			return sha256(Files.readAllBytes(file));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
