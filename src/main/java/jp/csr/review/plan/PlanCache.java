package jp.csr.review.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The plan workbook, parsed again only when its file changed: a run asks for it before it starts and in
 * each of its steps, and a daemon on every run, while a large plan takes a second or more to parse. A
 * changed file is one whose path, size, modification time or identity (inode) differs from the one read,
 * so an edit between runs is always seen; a new process always reads the file.
 */
public final class PlanCache {

	private record Stamp(Path path, long size, FileTime modified, Object identity) {
	}

	private Stamp stamp;

	private Plan plan;

	/** The plan of this file, as {@link PlanReader#read} gives it. */
	public synchronized Plan read(Path file) {
		Stamp now = stamp(file);
		if (now != null && now.equals(stamp)) {
			return plan;
		}
		// stamped before it is read: a file that changes while it is read is read again next time
		Plan read = PlanReader.read(file);
		stamp = now;
		plan = read;
		return read;
	}

	private static Stamp stamp(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new Stamp(file.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime(),
					attributes.fileKey());
		}
		catch (IOException ex) {
			// no stamp, no reuse: PlanReader says what is wrong with the file
			return null;
		}
	}

}
