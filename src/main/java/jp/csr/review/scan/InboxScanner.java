package jp.csr.review.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PRODUCT.md §2–§3: the input folder and its subfolders; Office lock files, hidden and temporary files ignored;
 * workbooks modified within the settle time wait for the next run. Every other file is found too, to be answered
 * 対象外 ({@link Found#outOfScope}). Files are returned oldest first, so a department's newest file is taken last
 * and wins.
 */
final class InboxScanner {

	/**
	 * Workbooks, checked: those the product reads, and those in a format it cannot read, which the check rejects
	 * naming the format and what to save as.
	 */
	private static final Set<String> WORKBOOKS = Set.of(".xlsx", ".xlsm", ".xls", ".ods", ".xlsb", ".csv", ".numbers");

	private final Duration settle;

	public InboxScanner(Duration settle) {
		this.settle = settle;
	}

	/**
	 * A workbook found, or one that must wait because it is still being written, or a workbook or
	 * subfolder that could not be read ({@code failure}).
	 */
	public record Found(Path path, long size, Instant modifiedAt, boolean settling, IOException failure, String identity) {

		Found(Path path, long size, Instant modifiedAt, boolean settling, String identity) {
			this(path, size, modifiedAt, settling, null, identity);
		}

		/** No workbook by its name (a PDF, a Word file): answered 対象外, never read. */
		public boolean outOfScope() {
			return !isWorkbook(path);
		}

	}

	public List<Found> scan(Path inbox, Instant now) throws IOException {
		List<Found> found = new ArrayList<>();
		if (!Files.isDirectory(inbox)) {
			throw new IOException("入力フォルダ " + inbox.toAbsolutePath() + " がありません");
		}
		Files.walkFileTree(inbox, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return !dir.equals(inbox) && isIgnored(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (attrs.isRegularFile() && !isIgnored(file)) {
					Instant modified = attrs.lastModifiedTime().toInstant();
					boolean settling = isWorkbook(file) && modified.isAfter(now.minus(settle));
					found.add(new Found(file, attrs.size(), modified, settling, identity(file, attrs)));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
				if (file.equals(inbox)) {
					throw exc; // the input folder itself: nothing can be taken, the run fails
				}
				// a file removed while we walk is simply not there this time; a subfolder or workbook the
				// service user may not read is reported, so that the admin can fix its permissions
				if (!(exc instanceof NoSuchFileException) && !isIgnoredName(file)
						&& (isWorkbook(file) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS))) {
					found.add(new Found(file, 0, lastModified(file), false, exc, null));
				}
				return FileVisitResult.CONTINUE;
			}
		});
		found.sort(Comparator.comparing(Found::modifiedAt).thenComparing(f -> f.path().toString()));
		return found;
	}

	/**
	 * Device and inode, size, modification and change time, as the file system has them now: equal to what an
	 * earlier scan recorded, the file holds the bytes it hashed then (a write, a rename over it, a restored
	 * modification time all set the change time, which no user can set). Null where the file system does not
	 * say, and then the file is read every time.
	 */
	static String identity(Path file, BasicFileAttributes attrs) {
		Object key = attrs.fileKey();
		try {
			Object changed = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
			return key == null || changed == null ? null
					: key + " " + attrs.size() + " " + attrs.lastModifiedTime().toInstant() + " " + changed;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isIgnoredName(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith("~") || name.startsWith(".") || name.toLowerCase(Locale.ROOT).endsWith(".tmp");
	}

	private static Instant lastModified(Path path) {
		try {
			return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
		}
		catch (IOException ex) {
			return Instant.EPOCH;
		}
	}

	static boolean isWorkbook(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return WORKBOOKS.stream().anyMatch(name::endsWith);
	}

	/** Office lock files (~$x.xlsx), hidden (.x) and temporary (~x, x.tmp) names. */
	static boolean isIgnored(Path path) {
		if (isIgnoredName(path)) {
			return true;
		}
		try {
			return Files.isHidden(path);
		}
		catch (IOException ex) {
			return true;
		}
	}

}
