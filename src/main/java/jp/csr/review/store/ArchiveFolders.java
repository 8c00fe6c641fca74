package jp.csr.review.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * SQLite's store keeps the bytes as files under {@code review.store}: {@code archive/<sha256>.xlsx} for
 * accepted files, {@code rejected/<sha256>.xlsx} for rejected ones; {@code archive_path} records the path.
 */
final class ArchiveFolders implements ArchivedFiles {

	private final Path root;

	private final Archive archive;

	ArchiveFolders(Path root, Archive archive) {
		this.root = root;
		this.archive = archive;
	}

	/** Where the copy of a file kept as accepted or rejected lies: named by its SHA-256 and its name's extension. */
	Path location(ArchivedFile file) {
		return root.resolve(file.accepted() ? "archive" : "rejected")
			.resolve(file.sha256() + Archive.extension(Path.of(file.fileName())));
	}

	private Path absolute(ArchivedFile file) {
		return location(file).toAbsolutePath().normalize();
	}

	@Override
	public String reference(ArchivedFile file) {
		return location(file).toString();
	}

	@Override
	public String where(ArchivedFile file) {
		return absolute(file).toString();
	}

	@Override
	public String home() {
		return root.resolve("archive").toAbsolutePath().normalize().toString();
	}

	/** Moves the staged copy in place; a rollback after it leaves the bytes where a retry puts them again. */
	@Override
	public void keep(Archive.Staged staged, ArchivedFile file) throws IOException {
		Path target = location(file);
		Files.createDirectories(target.getParent());
		Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public List<ArchivedFile> missing(List<ArchivedFile> files) {
		return files.stream().filter(f -> !Files.exists(absolute(f), LinkOption.NOFOLLOW_LINKS)).toList();
	}

	@Override
	public Optional<String> sha256(ArchivedFile file) throws IOException {
		Path copy = absolute(file);
		return Files.exists(copy, LinkOption.NOFOLLOW_LINKS) ? Optional.of(Archive.sha256(copy)) : Optional.empty();
	}

	/** The kept file itself: nothing to remove afterwards. */
	@Override
	public Optional<Local> local(ArchivedFile file) {
		Path copy = location(file);
		if (!Files.isRegularFile(copy)) {
			return Optional.empty();
		}
		return Optional.of(new Local() {
			@Override
			public Path path() {
				return copy;
			}

			@Override
			public void close() {
			}
		});
	}

	@Override
	public boolean restore(Path input, ArchivedFile file) throws IOException {
		Archive.Staged staged = archive.stage(input);
		if (!staged.sha256().equals(file.sha256())) {
			archive.discard(staged);
			return false;
		}
		keep(staged, file);
		return true;
	}

}
