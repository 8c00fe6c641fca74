package jp.csr.review.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run lock of a SQLite store: an OS file lock on {@code run.lock} in its folder, so the lock of a process
 * that died (even by kill -9) is released by the kernel. The file names the holder.
 * <p>
 * Trap: on Linux the JVM's file locks are POSIX record locks, which the kernel drops as soon as the
 * process closes <em>any</em> descriptor of the file. A second attempt inside the same JVM (the daemon
 * firing while its own run is still going) must therefore never open the file: it is answered from
 * memory.
 */
final class FileRunLock implements RunLock.Place {

	static final String FILE_NAME = "run.lock";

	/** Locks this JVM holds, by lock file, with their holder text. */
	private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

	private static final Pattern PID = Pattern.compile("PID (\\d+)");

	private final Path store;

	FileRunLock(Path store) {
		this.store = store;
	}

	@Override
	public RunLock.Attempt take(RunLock.Holder me, ZoneId zone) throws RunLock.Unavailable {
		try {
			return acquire(me.text(zone));
		}
		catch (IOException ex) {
			throw new RunLock.Unavailable("ストア " + store + " にロックファイルを作れません: " + ex.getMessage(),
					"ストアのロックファイルを作れないため見るだけにします: " + ex.getMessage());
		}
	}

	private RunLock.Attempt acquire(String holder) throws IOException {
		synchronized (FileRunLock.class) {
			Files.createDirectories(store);
			Path file = store.resolve(FILE_NAME).toAbsolutePath().normalize();
			String mine = HELD.get(file);
			if (mine != null) {
				return new RunLock.Attempt(Optional.empty(), mine);
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				String other = read(channel);
				channel.close(); // no lock of ours on this file in this JVM, so closing drops nothing
				return new RunLock.Attempt(Optional.empty(), other.isEmpty() ? "(不明)" : other);
			}
			// a second run that finds the lock reads the holder: keep the gap until it is written short
			channel.truncate(0);
			channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
			channel.force(true);
			HELD.put(file, holder);
			return new RunLock.Attempt(Optional.of(new Held(file, channel, lock)), holder);
		}
	}

	/** The holder in the lock file; alive when its PID is a live process of this host (the store's). */
	@Override
	public Optional<RunLock.Recorded> recorded(ZoneId zone) {
		String holder;
		try {
			holder = Files.readString(store.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		Matcher m = PID.matcher(holder);
		boolean alive = m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
		return Optional.of(new RunLock.Recorded(holder, alive, "ロックファイル"));
	}

	private static String read(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
		channel.read(buffer, 0);
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
	}

	private record Held(Path file, FileChannel channel, FileLock lock) implements RunLock.Held {

		/** Releases the lock; the kernel would anyway when the process ends, so failures here are ignored. */
		@Override
		public void close() {
			synchronized (FileRunLock.class) {
				try {
					channel.truncate(0);
				}
				catch (IOException ex) {
					// the holder text stays: harmless, the next holder overwrites it
				}
				try {
					lock.release();
					channel.close();
				}
				catch (IOException ex) {
					// released by the kernel at exit at the latest
				}
				finally {
					HELD.remove(file);
				}
			}
		}

	}

}
