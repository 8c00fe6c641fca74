package jp.csr.review.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import jp.csr.review.config.Build;
import jp.csr.review.workbook.FileReplacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan workbook, parsed again only when its file changed: a run asks for it before it starts and in
 * each of its steps, and a daemon on every run, while a large plan takes a second or more to parse. A
 * changed file is one whose path, size, modification time or identity (inode) differs from the one read,
 * so an edit between runs is always seen.
 *
 * <p>Across processes, a plan parsed is kept in the store's {@code cache/} folder under the SHA-256 of the
 * workbook's bytes and the build that parsed it: a night with nothing new spent most of its time parsing a large
 * group's plan that had not changed since the night before. Any doubt about a kept plan (another build, a
 * damaged or foreign file) parses the workbook again; a folder that cannot be written only means no keeping.
 */
public final class PlanCache {

	private static final Logger log = LoggerFactory.getLogger(PlanCache.class);

	/** Plans of this many workbooks are kept: this term's and the next, an edit or two. */
	static final int KEPT = 4;

	/** What a kept plan may hold: the plan's records, the JDK's values and collections, nothing else. */
	private static final ObjectInputFilter ONLY_PLANS = ObjectInputFilter.Config.createFilter(
			"maxdepth=20;jp.csr.review.plan.*;java.lang.*;java.math.*;java.time.*;java.util.*;!*");

	private record Stamp(Path path, long size, FileTime modified, Object identity) {
	}

	/** Where parsed plans are kept; null when they are not. */
	private final Path folder;

	private Stamp stamp;

	private Plan plan;

	/** Parsed plans are kept in this process only. */
	public PlanCache() {
		this(null);
	}

	/** Parsed plans are also kept in {@code folder}, for the next process. */
	public PlanCache(Path folder) {
		this.folder = folder;
	}

	/** The plan of this file, as {@link PlanReader#read} gives it. */
	public synchronized Plan read(Path file) {
		Stamp now = stamp(file);
		if (now != null && now.equals(stamp)) {
			return plan;
		}
		// stamped before it is read: a file that changes while it is read is read again next time
		Path kept = kept(file);
		Plan read = kept == null ? null : load(kept);
		if (read == null) {
			read = PlanReader.read(file);
			if (kept != null) {
				keep(read, kept);
			}
		}
		stamp = now;
		plan = read;
		return read;
	}

	/** Where the plan of this workbook's bytes, parsed by this build, is kept; null when plans are not kept. */
	private Path kept(Path file) {
		if (folder == null) {
			return null;
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			digest.update(Build.id().getBytes(StandardCharsets.UTF_8));
			return folder.resolve("plan-" + HexFormat.of().formatHex(digest.digest()) + ".ser");
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			// PlanReader says what is wrong with the file
			return null;
		}
	}

	private static Plan load(Path kept) {
		if (!Files.isRegularFile(kept)) {
			return null;
		}
		try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(kept))) {
			in.setObjectInputFilter(ONLY_PLANS);
			return (Plan) in.readObject();
		}
		catch (IOException | ClassNotFoundException | RuntimeException ex) {
			log.debug("kept plan {} not used: {}", kept, ex.toString());
			return null;
		}
	}

	private void keep(Plan plan, Path kept) {
		try {
			// another process may read the kept plan while this one writes it
			FileReplacement.write(kept, out -> {
				ObjectOutputStream objects = new ObjectOutputStream(out);
				objects.writeObject(plan);
				objects.flush();
			});
			try (Stream<Path> files = Files.list(folder)) {
				List<Path> plans = files.filter(p -> p.getFileName().toString().startsWith("plan-"))
					.sorted(Comparator.comparing(PlanCache::modified).reversed())
					.toList();
				for (Path old : plans.subList(Math.min(KEPT, plans.size()), plans.size())) {
					Files.deleteIfExists(old);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("plan not kept in {}: {}", folder, ex.toString());
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
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
