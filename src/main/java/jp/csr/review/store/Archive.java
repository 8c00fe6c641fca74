package jp.csr.review.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jp.csr.review.ReviewProperties;

import org.springframework.stereotype.Component;

/**
 * The store's copies of submitted files, named by their SHA-256 so that the review can always be
 * traced back to the exact bytes. A file is first staged (copied out of the input folder, which is
 * never modified), checked from the staged copy, then kept as accepted or rejected.
 */
@Component
public class Archive {

	private final Path root;

	public Archive(ReviewProperties properties) {
		this.root = properties.store();
	}

	public static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
	}

	/** Copies {@code file} to the staging folder; the SHA-256 of the bytes actually copied is returned with it. */
	public Staged stage(Path file) throws IOException {
		Path staging = Files.createDirectories(root.resolve("staging"));
		Path target = Files.createTempFile(staging, "incoming-", extension(file));
		MessageDigest digest = digest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return new Staged(target, HexFormat.of().formatHex(digest.digest()));
	}

	/** Moves a staged copy to {@code accepted/} or {@code rejected/} under its SHA-256; idempotent. */
	public Path keep(Staged staged, boolean accepted) throws IOException {
		Path folder = Files.createDirectories(root.resolve(accepted ? "archive" : "rejected"));
		Path target = folder.resolve(staged.sha256() + extension(staged.file()));
		Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return target;
	}

	/** Staged copies left by a run that died between staging and keeping; no run is active when called. */
	public void clearStaging() throws IOException {
		Path staging = root.resolve("staging");
		if (Files.isDirectory(staging)) {
			try (var files = Files.list(staging)) {
				for (Path f : files.toList()) {
					Files.deleteIfExists(f);
				}
			}
		}
	}

	public void discard(Staged staged) throws IOException {
		Files.deleteIfExists(staged.file());
	}


	static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
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

}
