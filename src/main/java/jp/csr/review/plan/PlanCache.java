package jp.csr.review.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

	/** The SHA-256 of the bytes {@link #plan} was parsed from. */
	private String sha256;

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
		// stamped before it is read: a file that changes while it is read is read again next time. The bytes are
		// read once, hashed as they are copied, and the copy is parsed: a plan saved meanwhile is never kept, nor
		// fingerprinted, under the hash of bytes that were not the ones parsed
		Copy copy = copy(file);
		if (copy == null) {
			// PlanReader says what is wrong with the file
			Plan read = PlanReader.read(file);
			stamp = null;
			plan = read;
			sha256 = null;
			return read;
		}
		try {
			Path kept = folder == null ? null : folder.resolve("plan-" + copy.key() + ".ser");
			Plan read = kept == null ? null : load(kept);
			if (read == null) {
				read = PlanReader.read(copy.file(), file);
				if (kept != null) {
					keep(read, kept);
				}
			}
			stamp = now;
			plan = read;
			sha256 = copy.sha256();
			return read;
		}
		finally {
			delete(copy.file());
		}
	}

	/**
	 * The SHA-256 of the bytes {@code plan} was parsed from, when it is the plan this cache holds (the one its last
	 * {@link #read} gave); else null.
	 */
	public synchronized String sha256(Plan plan) {
		return plan != null && plan == this.plan ? sha256 : null;
	}

	/**
	 * A copy of the plan's bytes taken to be parsed, their SHA-256, and the key of the plan they give as this build
	 * parses it.
	 */
	private record Copy(Path file, String sha256, String key) {
	}

	/** Null when the file cannot be read or copied. */
	private static Copy copy(Path file) {
		Path copy = null;
		try {
			String name = file.getFileName().toString();
			copy = Files.createTempFile("plan-", name.contains(".") ? name.substring(name.lastIndexOf('.')) : ".xlsx");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			String sha256 = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
			digest.update(Build.id().getBytes(StandardCharsets.UTF_8));
			return new Copy(copy, sha256, HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException | NoSuchAlgorithmException | CloneNotSupportedException | RuntimeException ex) {
			log.debug("plan {} not copied: {}", file, ex.toString());
			delete(copy);
			return null;
		}
	}

	private static void delete(Path copy) {
		if (copy == null) {
			return;
		}
		try {
			Files.deleteIfExists(copy);
		}
		catch (IOException ex) {
			log.debug("copy of the plan {} left: {}", copy, ex.toString());
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
