package jp.csr.review.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.csr.review.config.ReviewProperties;

import org.springframework.stereotype.Component;

/**
 * How submitted files come into the store, by their SHA-256 so that the review can always be traced back to
 * the exact bytes. A file is first staged (copied out of the input folder, which is never modified, to a local
 * file under {@code staging/}), checked from the staged copy, then kept as accepted or rejected by
 * {@link ArchivedFiles}, which knows where kept bytes lie.
 * <p>
 * Every read of the input folder goes through {@link #open}, and every failure of such a read is an
 * {@link InputUnreadable}: one file's problem (PRODUCT.md §3), told apart from a failure of the store,
 * which fails the step.
 */
@Component
public class Archive {

	private final Path root;

	public Archive(ReviewProperties properties) {
		this.root = properties.store();
	}

	public static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return sha256(in);
		}
	}

	/** The SHA-256 of a file of the input folder, as the scan sees it. */
	public String hash(Path file) throws InputUnreadable {
		try (InputStream in = input(file)) {
			return sha256(in);
		}
		catch (IOException ex) {
			throw InputUnreadable.of(ex);
		}
	}

	/**
	 * Copies {@code file} to the staging folder; the SHA-256 of the bytes actually copied is returned with it.
	 *
	 * @throws InputUnreadable when the file could not be read (it is gone, not readable …)
	 * @throws IOException when the store could not take the copy
	 */
	public Staged stage(Path file) throws IOException {
		Path staging = Files.createDirectories(root.resolve("staging"));
		// one file created, once: a temporary file then copied over would be created, removed and created
		// again, and on a busy disk those were most of a file's load
		Path target = staging.resolve("incoming-" + UUID.randomUUID() + extension(file));
		MessageDigest digest = digest();
		try (InputStream in = new DigestInputStream(input(file), digest);
				OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			Files.deleteIfExists(target);
			throw ex;
		}
		return new Staged(target, HexFormat.of().formatHex(digest.digest()));
	}

	/**
	 * Opens a file of the input folder for reading. A symbolic link put in its place after the scan is not
	 * followed. Tests replace this to make a file unreadable, which root (who runs the tests) cannot do
	 * with permissions.
	 */
	protected InputStream open(Path file) throws IOException {
		return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
	}

	/** {@link #open}, with every failure to open or read marked as the input file's. */
	private InputStream input(Path file) throws InputUnreadable {
		InputStream in;
		try {
			in = open(file);
		}
		catch (IOException ex) {
			throw InputUnreadable.of(ex);
		}
		return new FilterInputStream(in) {
			@Override
			public int read() throws IOException {
				try {
					return super.read();
				}
				catch (IOException ex) {
					throw InputUnreadable.of(ex);
				}
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				try {
					return super.read(b, off, len);
				}
				catch (IOException ex) {
					throw InputUnreadable.of(ex);
				}
			}
		};
	}

	/**
	 * Staged copies left by a run that died between staging and keeping; no run is active when called.
	 *
	 * @return the files removed
	 */
	public List<Path> clearStaging() throws IOException {
		Path staging = root.resolve("staging");
		List<Path> removed = new ArrayList<>();
		if (Files.isDirectory(staging)) {
			try (var files = Files.list(staging)) {
				for (Path f : files.toList()) {
					if (Files.deleteIfExists(f)) {
						removed.add(f);
					}
				}
			}
		}
		return removed;
	}

	public void discard(Staged staged) throws IOException {
		Files.deleteIfExists(staged.file());
	}


	static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
	}

	static String sha256(InputStream bytes) throws IOException {
		DigestInputStream in = new DigestInputStream(bytes, digest());
		in.transferTo(OutputStream.nullOutputStream());
		return HexFormat.of().formatHex(in.getMessageDigest().digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A staged copy and the SHA-256 of its bytes. */
	public record Staged(Path file, String sha256) {
	}

	/** A file of the input folder could not be opened or read; the cause says why. */
	public static final class InputUnreadable extends IOException {

		private static final long serialVersionUID = 1L;

		private InputUnreadable(IOException cause) {
			super(cause.getMessage(), cause);
		}

		static InputUnreadable of(IOException ex) {
			return ex instanceof InputUnreadable already ? already : new InputUnreadable(ex);
		}

		@Override
		public synchronized IOException getCause() {
			return (IOException) super.getCause();
		}

	}

}
