package jp.csr.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A temporary copy of the bundled sample (plan and submissions) with its own store and output, for
 * tests that run the real job.
 */
public final class SampleFolders {

	/** git keeps no modification times; the copies are received well before any 提出期限. */
	public static final Instant RECEIVED = Instant.parse("2025-10-20T01:00:00Z");

	private SampleFolders() {
	}

	public static Path copy(String prefix) {
		try {
			Path root = Files.createTempDirectory(prefix);
			Files.copy(Path.of("config/plan.xlsx"), root.resolve("plan.xlsx"));
			Path input = Files.createDirectories(root.resolve("input"));
			try (Stream<Path> files = Files.list(Path.of("input"))) {
				for (Path f : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
					Files.setLastModifiedTime(Files.copy(f, input.resolve(f.getFileName())), FileTime.from(RECEIVED));
				}
			}
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The sample's plan only, and an empty input folder: the test drops its own files in. */
	public static Path planOnly(String prefix) {
		try {
			Path root = Files.createTempDirectory(prefix);
			Files.copy(Path.of("config/plan.xlsx"), root.resolve("plan.xlsx"));
			Files.createDirectories(root.resolve("input"));
			return root;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void register(DynamicPropertyRegistry registry, Path root) {
		registry.add("review.plan", () -> root.resolve("plan.xlsx").toString());
		registry.add("review.input-dir", () -> root.resolve("input").toString());
		registry.add("review.output-dir", () -> root.resolve("output").toString());
		registry.add("review.office-dir", () -> root.resolve("office").toString());
		registry.add("review.store", () -> root.resolve("store").toString());
		TestStore.register(registry);
	}

}
