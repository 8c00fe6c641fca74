package jp.csr.review.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.AdminTime;
import jp.csr.review.console.ExitCode;
import jp.csr.review.store.StoreDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One run at a time per store (PRODUCT.md §7, §10): {@code run}, {@code restart}, {@code remind}, the daemon's
 * firings and {@code check}'s repairs take it. Held by a live process only, so that holding it proves no other
 * run is alive (what is still marked running died): a lock the system drops when its holder dies, even by
 * kill -9. Where it lives is the store's: an OS file lock in the SQLite store's folder ({@link FileRunLock}),
 * an advisory lock of PostgreSQL, shared by every host that points at it ({@link DatabaseRunLock}). Both
 * record the holder (PID, host, start) for the message a second run prints and for {@code status}.
 */
@Component
public class RunLock {

	private static final Logger log = LoggerFactory.getLogger(RunLock.class);

	private final Place place;

	private final ZoneId zone;

	/** The lock {@link #holding} holds, while it does. */
	private volatile Held held;

	RunLock(ReviewProperties properties, StoreDatabase database, DataSource dataSource) {
		this.place = database.shared() ? new DatabaseRunLock(database, FreshConnections.of(dataSource))
				: new FileRunLock(properties.store());
		this.zone = properties.zone();
	}

	/**
	 * Does {@code work} holding the lock, which it releases after: exit 2 when the store cannot hold a lock,
	 * 4 when another process holds it, saying so with {@code busy} (a log pattern taking the holder).
	 */
	public ExitCode holding(String busy, Supplier<ExitCode> work) {
		Attempt attempt;
		try {
			attempt = acquire();
		}
		catch (Unavailable ex) {
			log.error("{}", ex.getMessage());
			return ExitCode.USAGE;
		}
		if (attempt.lock().isEmpty()) {
			log.error(busy, attempt.holder());
			return ExitCode.LOCKED;
		}
		try (Held lock = attempt.lock().get()) {
			held = lock;
			return work.get();
		}
		finally {
			held = null;
		}
	}

	/**
	 * Why the lock this process holds for its work was lost, empty while it holds it (or holds none): a run
	 * asks before each commit, so that it never writes once another run may have started.
	 */
	public Optional<String> lost() {
		Held lock = held;
		return lock == null ? Optional.empty() : lock.lost();
	}

	/** The lock, or empty with the holder's description when another run has it. */
	public Attempt acquire() throws Unavailable {
		return place.take(new Holder(ProcessHandle.current().pid(), host(), Instant.now()), zone);
	}

	/** The holder the store records, if any, and whether it still holds the lock (else it died). */
	public Optional<Recorded> recorded() {
		return place.recorded(zone);
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Where the lock lives. */
	interface Place {

		/** Takes the lock for {@code me}, or says who has it. */
		Attempt take(Holder me, ZoneId zone) throws Unavailable;

		public Optional<Recorded> recorded(ZoneId zone);

	}

	/** A run that holds or held the lock: the same words wherever it is recorded. */
	record Holder(long pid, String host, Instant start) {

		String text(ZoneId zone) {
			return "PID " + pid + ", ホスト " + host + ", 開始 " + AdminTime.format(start, zone);
		}

	}

	/**
	 * @param lock empty when another process holds it
	 * @param holder who holds it ({@code (不明)} when it has not said yet)
	 */
	public record Attempt(Optional<Held> lock, String holder) {
	}

	/**
	 * @param holder the recorded holder's text
	 * @param alive whether it still holds the lock; if not, it died and the next run recovers its execution
	 * @param where where the record is, for an admin ({@code ロックファイル})
	 */
	public record Recorded(String holder, boolean alive, String where) {
	}

	/** The lock held; closing releases it (its holder's death would as well). */
	public interface Held extends AutoCloseable {

		@Override
		void close();

		/**
		 * Why this process no longer holds the lock, empty while it does. A file lock lives as long as its
		 * process; a database's lock lives as long as its session, which can end while the process lives.
		 */
		default Optional<String> lost() {
			return Optional.empty();
		}

	}

	/**
	 * The store cannot hold the lock at all (a read-only folder, a lost database connection).
	 *
	 * @param lockless what {@code check} says before looking without the lock
	 */
	public static final class Unavailable extends Exception {

		private final String lockless;

		Unavailable(String message, String lockless) {
			super(message, null, false, false);
			this.lockless = lockless;
		}

		public String lockless() {
			return lockless;
		}

	}

}
