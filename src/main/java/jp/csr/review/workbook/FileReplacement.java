package jp.csr.review.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file beside its final name and moves it into place in one step, so whoever opens it sees the old
 * complete file or the new complete file, never half of one. The temporary file is created as any new file
 * is (0666 less the umask), not by createTempFile (0600): the rename keeps the mode, and the file is for
 * whoever the folder is shared with.
 */
public final class FileReplacement {

	/** What goes into the file. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	private FileReplacement() {
	}

	/** @return the file written */
	public static Path write(Path file, Content content) throws IOException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		// same folder, so the move is a rename on one file system; a short name that never outgrows the name limit
		Path temp = target.resolveSibling("." + UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
				content.writeTo(out);
			}
			return moveIntoPlace(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Moves a finished file written beside its target over the target, atomically where the file system can.
	 * Some network shares refuse an atomic rename; a plain rename in one folder still never shows half a file:
	 * for an instant there may be none.
	 */
	public static Path moveIntoPlace(Path temp, Path target) throws IOException {
		try {
			return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
