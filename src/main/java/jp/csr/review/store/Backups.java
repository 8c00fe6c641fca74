package jp.csr.review.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.csr.review.config.ReviewProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies of the database under {@code <store>/backup}, one per successful run, the newest
 * {@code review.backup.keep} kept. SQLite's {@code VACUUM INTO} writes a consistent copy of the committed
 * database while others may read it (WAL), compacted; it goes to a {@code .partial} file first, so a copy
 * cut short (a full disk, a kill) never looks like a backup. The archive is not copied: its files never
 * change once written, and a restored database finds them there by their SHA-256.
 */
@Component
class Backups {

	static final String FOLDER = "backup";

	/** {@code review-yyyyMMdd-HHmmss.db}: sorted by name is sorted by time. */
	private static final Pattern NAME = Pattern.compile("review-\\d{8}-\\d{6}\\.db");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final JdbcClient jdbc;

	private final Path folder;

	private final int keep;

	private final ZoneId zone;

	public Backups(JdbcClient jdbc, ReviewProperties properties, StoreDatabase database) {
		this.jdbc = jdbc;
		this.folder = folder(properties.store());
		// PostgreSQL is backed up by its own tools (pg_dump, the corporate database's backups: README)
		this.keep = database.shared() ? 0 : properties.backup().keep();
		this.zone = properties.zone();
	}

	static Path folder(Path store) {
		return store.resolve(FOLDER).toAbsolutePath().normalize();
	}

	public boolean enabled() {
		return keep > 0;
	}

	/**
	 * A backup of the database as it is now, named by the time in {@code review.zone}; the oldest beyond
	 * {@code review.backup.keep} are deleted. A second backup within the same second replaces the first.
	 */
	public Path make() throws IOException {
		Files.createDirectories(folder);
		Path target = folder.resolve("review-" + STAMP.format(Instant.now().atZone(zone)) + ".db");
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		Files.deleteIfExists(partial); // VACUUM INTO refuses a file that is not empty
		jdbc.sql("VACUUM INTO ?").param(partial.toString()).update();
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		prune();
		return target;
	}

	private void prune() throws IOException {
		List<Path> all = list(folder);
		for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
			Files.deleteIfExists(old);
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".db.partial")).toList()) {
				Files.deleteIfExists(f);
			}
		}
	}

	/** The backups of a store, oldest first. */
	public static List<Path> of(Path store) {
		try {
			return list(folder(store));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** The newest backup of a store. */
	public static Optional<Path> latest(Path store) {
		List<Path> all = of(store);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	private static List<Path> list(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
		}
	}

}
