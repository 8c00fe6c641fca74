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
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One run at a time per store. An OS file lock, so the lock of a process that died (even by kill -9)
 * is released by the kernel: holding it proves that no other run is alive. The file names the holder
 * (PID, host, start time) for the message a second run prints.
 */
final class RunLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private RunLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock, or empty with the holder's description when another process has it. */
	static Result acquire(Path store) throws IOException {
		Files.createDirectories(store);
		Path file = store.resolve("run.lock");
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
			String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
			channel.close();
			return new Result(Optional.empty(), holder.isEmpty() ? "(不明)" : holder);
		}
		String holder = "PID " + ProcessHandle.current().pid() + ", ホスト " + host() + ", 開始 "
				+ OffsetDateTime.now().withNano(0);
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(true);
		return new Result(Optional.of(new RunLock(channel, lock)), holder);
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	@Override
	public void close() throws IOException {
		channel.truncate(0);
		lock.release();
		channel.close();
	}

	record Result(Optional<RunLock> lock, String holder) {
	}

}
