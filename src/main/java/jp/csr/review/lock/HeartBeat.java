package jp.csr.review.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL run lock's proof of life: while a run holds the lock, a thread of its own writes the server's
 * time into the row every {@value #BEAT_SECONDS} seconds over a connection of its own. The advisory lock ends with
 * its session, and a session can end while its process lives (pg_terminate_backend, a timeout on the role, a
 * cut connection): a run that then finds the lock free looks at the row, and a heartbeat still moving means the
 * holder is alive, so it leaves it alone (exit 4) instead of recording it as dead. A holder killed outright stops
 * beating; the next run waits at most {@value #STALE_SECONDS} seconds since the last beat to see so.
 */
final class HeartBeat {

	private static final Logger log = LoggerFactory.getLogger(HeartBeat.class);

	static final int BEAT_SECONDS = 2;

	/** Three beats missed: the holder is dead. */
	static final int STALE_SECONDS = 3 * BEAT_SECONDS;

	private final DataSource connections;

	private final RunLock.Holder me;

	private final int backend;

	private final ScheduledExecutorService beats;

	private Connection connection;

	private volatile boolean overtaken;

	private HeartBeat(DataSource connections, RunLock.Holder me, int backend) {
		this.connections = connections;
		this.me = me;
		this.backend = backend;
		this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "run-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
	}

	static HeartBeat start(DataSource connections, Object database, RunLock.Holder me, int backend) {
		HeartBeat heart = new HeartBeat(connections, me, backend);
		heart.beats.scheduleWithFixedDelay(heart::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
		log.debug("run lock heartbeat on {} for session {}", database, backend);
		return heart;
	}

	/** Whether another run has recorded itself as the holder: this one's lock is gone for good. */
	boolean overtaken() {
		return overtaken;
	}

	private synchronized void beat() {
		try {
			Connection c = connection();
			try (PreparedStatement s = c.prepareStatement(
					"UPDATE review_run_lock SET heartbeat = now() WHERE session = ? AND pid = ? AND host = ?")) {
				s.setInt(1, backend);
				s.setLong(2, me.pid());
				s.setString(3, me.host());
				if (s.executeUpdate() == 0) {
					try (PreparedStatement other = c.prepareStatement("SELECT COUNT(*) FROM review_run_lock WHERE session <> ?")) {
						other.setInt(1, backend);
						try (ResultSet rs = other.executeQuery()) {
							overtaken = rs.next() && rs.getInt(1) > 0;
						}
					}
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.debug("heartbeat missed: {}", ex.toString());
			DatabaseRunLock.close(connection);
			connection = null;
		}
	}

	private Connection connection() throws SQLException {
		if (connection == null) {
			connection = connections.getConnection();
			connection.setAutoCommit(true);
			DatabaseRunLock.name(connection, "review run heartbeat (PID " + me.pid() + ", host " + me.host() + ")");
			DatabaseRunLock.untimed(connection);
		}
		return connection;
	}

	/** Stops beating; {@code clear}: the lock's session could not clear the row, so this connection does. */
	synchronized void stop(boolean clear) {
		beats.shutdownNow();
		if (clear) {
			try (PreparedStatement s = connection().prepareStatement(
					"DELETE FROM review_run_lock WHERE session = ? AND pid = ? AND host = ?")) {
				s.setInt(1, backend);
				s.setLong(2, me.pid());
				s.setString(3, me.host());
				s.executeUpdate();
			}
			catch (SQLException ex) {
				log.debug("run lock row not cleared", ex);
			}
		}
		DatabaseRunLock.close(connection);
		connection = null;
	}

	/**
	 * Called holding the lock, before recording itself: the holder the row names when its heartbeat still moves
	 * (its session ended, not its process), empty when there is none or it stopped beating.
	 */
	static Optional<String> liveHolder(Connection session, ZoneId zone) {
		try {
			Optional<Beat> first = read(session, zone);
			while (first.isPresent() && first.get().age() < STALE_SECONDS) {
				Thread.sleep(250);
				Optional<Beat> now = read(session, zone);
				if (now.isEmpty()) {
					return Optional.empty();
				}
				if (!Objects.equals(now.get().at(), first.get().at())) {
					return Optional.of(now.get().holder());
				}
				first = now;
			}
			return Optional.empty();
		}
		catch (SQLException ex) {
			log.debug("no heartbeat to read", ex); // a database a build without heartbeats migrated
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private record Beat(String holder, Object at, double age) {
	}

	private static Optional<Beat> read(Connection session, ZoneId zone) throws SQLException {
		try (PreparedStatement s = session.prepareStatement("""
				SELECT pid, host, started, heartbeat, EXTRACT(EPOCH FROM now() - heartbeat)
				FROM review_run_lock WHERE heartbeat IS NOT NULL""");
				ResultSet rs = s.executeQuery()) {
			return rs.next() ? Optional.of(new Beat(DatabaseRunLock.holder(rs).text(zone), rs.getObject(4), rs.getDouble(5)))
					: Optional.empty();
		}
	}

}
