package jp.csr.review.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of every stored submission are kept, so that each figure can be traced to them and each
 * rejected file annotated: files under {@code review.store} on SQLite ({@code archive/} and {@code rejected/},
 * named by SHA-256), the {@code archived_file} table on PostgreSQL, which every host sees (PRODUCT.md §10).
 * {@link Archive} stages and hashes what the input folder holds; this is the one place that knows where the
 * kept bytes lie, chosen by {@link StoreDatabase}.
 */
public interface ArchivedFiles {

	/**
	 * A stored file, as {@code submission_file} records it.
	 *
	 * @param fileName the department's name for it: its extension is the kept file's on disk
	 */
	record ArchivedFile(String sha256, String fileName, boolean accepted) {

		/** @param status {@code submission_file.status} */
		public static ArchivedFile of(String sha256, String fileName, String status) {
			return new ArchivedFile(sha256, fileName, "ACCEPTED".equals(status));
		}

	}

	/** A readable local file holding a stored file's bytes, for as long as it is open. */
	interface Local extends AutoCloseable {

		Path path();

		@Override
		void close() throws IOException;

	}

	/** What {@code submission_file.archive_path} records for the file. */
	String reference(ArchivedFile file);

	/** The kept bytes as an admin is told where they are: a path, or the table and key. */
	String where(ArchivedFile file);

	/** Where all of them are, for the check's line saying they are all fine. */
	String home();

	/**
	 * Keeps a staged copy's bytes for {@code file}, inside the caller's transaction when it has one (the load
	 * chunk's: the file's row and its bytes commit together); the staged copy is gone once kept. Idempotent.
	 */
	void keep(Archive.Staged staged, ArchivedFile file) throws IOException;

	/** The files of {@code files} whose bytes are not kept, in their order; no hashing. */
	List<ArchivedFile> missing(List<ArchivedFile> files);

	default boolean exists(ArchivedFile file) {
		return missing(List.of(file)).isEmpty();
	}

	/**
	 * The SHA-256 of the bytes kept now for {@code file}, read whole; empty when there are none.
	 *
	 * @throws IOException when they are there but cannot be read
	 */
	Optional<String> sha256(ArchivedFile file) throws IOException;

	/** The kept bytes as a local file to read (a workbook to open); empty when there are none. */
	Optional<Local> local(ArchivedFile file) throws IOException;

	/**
	 * Keeps again the bytes of a file of the input folder when they are the ones recorded for {@code file},
	 * through the staging folder as a run would; false when they are not.
	 *
	 * @throws Archive.InputUnreadable when the input file could not be read
	 */
	boolean restore(Path input, ArchivedFile file) throws IOException;

}
