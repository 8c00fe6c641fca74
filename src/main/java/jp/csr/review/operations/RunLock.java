package jp.csr.review.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per store. An OS file lock, so the lock of a process that died (even by kill -9)
 * is released by the kernel: holding it proves that no other run is alive. The file names the holder
 * (PID, host, start time) for the message a second run prints.
 * <p>
 * Trap: on Linux the JVM's file locks are POSIX record locks, which the kernel drops as soon as the
 * process closes <em>any</em> descriptor of the file. A second attempt inside the same JVM (the daemon
 * firing while its own run is still going) must therefore never open the file: it is answered from
 * memory.
 */
final class RunLock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RunLock.class);


	/** Locks this JVM holds, by lock file, with their holder text. */
	private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

	static final String FILE_NAME = "run.lock";

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private RunLock(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Does {@code work} holding the lock, which it releases after: exit 2 when the store cannot hold a lock file,
	 * 4 when another process holds it, saying so with {@code busy} (a log pattern taking the holder).
	 */
	static ExitCode holding(Path store, ZoneId zone, String busy, Function<RunLock, ExitCode> work) {
		Result acquired;
		try {
			acquired = acquire(store, zone);
		}
		catch (IOException ex) {
			log.error("ストア {} にロックファイルを作れません: {}", store, ex.getMessage());
			return ExitCode.USAGE;
		}
		if (acquired.lock().isEmpty()) {
			log.error(busy, acquired.holder());
			return ExitCode.LOCKED;
		}
		try (RunLock lock = acquired.lock().get()) {
			return work.apply(lock);
		}
	}

	/**
	 * The lock, or empty with the holder's description when another run has it.
	 *
	 * @param zone {@code review.zone}: the holder's start time is written in it, as every time an admin reads
	 */
	static synchronized Result acquire(Path store, ZoneId zone) throws IOException {
		Files.createDirectories(store);
		Path file = store.resolve(FILE_NAME).toAbsolutePath().normalize();
		String mine = HELD.get(file);
		if (mine != null) {
			return new Result(Optional.empty(), mine);
		}
		// made before the lock is taken: a second run that finds the lock reads the holder, keep that gap short
		String holder = "PID " + ProcessHandle.current().pid() + ", ホスト " + host() + ", 開始 "
				+ AdminTime.format(Instant.now(), zone);
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
			return new Result(Optional.empty(), other.isEmpty() ? "(不明)" : other);
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(true);
		HELD.put(file, holder);
		return new Result(Optional.of(new RunLock(file, channel, lock)), holder);
	}

	/** The holder text in the lock file (empty when no run holds it or none has written it yet). */
	static String holderText(Path store) {
		try {
			return Files.readString(store.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String read(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
		channel.read(buffer, 0);
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Releases the lock; the kernel would anyway when the process ends, so failures here are ignored. */
	@Override
	public void close() {
		synchronized (RunLock.class) {
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

	record Result(Optional<RunLock> lock, String holder) {
	}

}
