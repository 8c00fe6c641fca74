package jp.csr.review.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PostgreSQL's store keeps the bytes in the {@code archived_file} table (migration V9), so that any host
 * pointed at the database can annotate a rejected file, trace a figure to its bytes and check them; the
 * store folder holds only logs, staging and caches. {@code archive_path} records
 * {@code archived_file:<sha256>}.
 */
final class ArchiveTable implements ArchivedFiles {

	private static final String PREFIX = "archived_file:";

	private final JdbcClient jdbc;

	private final Archive archive;

	private final Path tmp;

	private final StoreDatabase store;

	ArchiveTable(JdbcClient jdbc, Archive archive, Path tmp, StoreDatabase store) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.tmp = tmp;
		this.store = store;
	}

	@Override
	public String reference(ArchivedFile file) {
		return PREFIX + file.sha256();
	}

	@Override
	public String where(ArchivedFile file) {
		return PREFIX + file.sha256();
	}

	@Override
	public String home() {
		return store + " の archived_file";
	}

	/**
	 * Inserts the bytes in the caller's transaction; the staged copy is removed once that commits (a rollback
	 * leaves it for a retry of the chunk, and the run's upkeep clears what is left).
	 */
	@Override
	public void keep(Archive.Staged staged, ArchivedFile file) throws IOException {
		put(file.sha256(), Files.readAllBytes(staged.file()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						archive.discard(staged);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
		}
		else {
			archive.discard(staged);
		}
	}

	/** Idempotent; {@code check} replaces wrong bytes with the recorded ones. */
	private void put(String sha256, byte[] bytes) {
		jdbc.sql("""
				INSERT INTO archived_file (sha256, bytes) VALUES (?, ?)
				ON CONFLICT (sha256) DO UPDATE SET bytes = EXCLUDED.bytes""")
			.params(sha256, bytes)
			.update();
	}

	private Optional<byte[]> bytes(ArchivedFile file) {
		return jdbc.sql("SELECT bytes FROM archived_file WHERE sha256 = ?")
			.param(file.sha256())
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** One query: the keys are short, and a term has a few thousand files at most. */
	@Override
	public List<ArchivedFile> missing(List<ArchivedFile> files) {
		Set<String> kept = new HashSet<>(jdbc.sql("SELECT sha256 FROM archived_file").query(String.class).list());
		return files.stream().filter(f -> !kept.contains(f.sha256())).toList();
	}

	@Override
	public boolean exists(ArchivedFile file) {
		return jdbc.sql("SELECT COUNT(*) FROM archived_file WHERE sha256 = ?").param(file.sha256()).query(Integer.class).single() > 0;
	}

	@Override
	public Optional<String> sha256(ArchivedFile file) throws IOException {
		Optional<byte[]> bytes = bytes(file);
		return bytes.isEmpty() ? Optional.empty() : Optional.of(Archive.sha256(new ByteArrayInputStream(bytes.get())));
	}

	/**
	 * The bytes written to a file of the store's {@code tmp/} (POI's folder, which {@code check} clears of what a
	 * killed process left), removed when closed.
	 */
	@Override
	public Optional<Local> local(ArchivedFile file) throws IOException {
		Optional<byte[]> bytes = bytes(file);
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		Files.createDirectories(tmp);
		Path copy = tmp.resolve("archived-" + UUID.randomUUID() + Archive.extension(Path.of(file.fileName())));
		Files.write(copy, bytes.get(), StandardOpenOption.CREATE_NEW);
		return Optional.of(new Local() {
			@Override
			public Path path() {
				return copy;
			}

			@Override
			public void close() throws IOException {
				Files.deleteIfExists(copy);
			}
		});
	}

	@Override
	public boolean restore(Path input, ArchivedFile file) throws IOException {
		Archive.Staged staged = archive.stage(input);
		try {
			if (!staged.sha256().equals(file.sha256())) {
				return false;
			}
			put(file.sha256(), Files.readAllBytes(staged.file()));
			return true;
		}
		finally {
			archive.discard(staged);
		}
	}

}
