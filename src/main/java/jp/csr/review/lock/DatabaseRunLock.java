package jp.csr.review.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

import jp.csr.review.store.StoreDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lock of a PostgreSQL store, shared by every host that points at it: a session-level advisory lock,
 * taken on a connection of its own (not the pool's, whose connections outlive any one use) and held open
 * while the run lasts. PostgreSQL drops it with the session, so a holder that died (kill -9, a host gone)
 * frees it by itself. The row of {@code review_run_lock} names the holder, with its session's backend PID:
 * the row counts only while that session holds the lock ({@code pg_locks}), so a dead holder's row is seen
 * as such.
 */
final class DatabaseRunLock implements RunLock.Place {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRunLock.class);

	/** The advisory lock's two keys: "revi" in ASCII, and 1 for the run lock. */
	private static final int CLASS = 0x72657669;

	private static final int OBJECT = 1;

	/** Whether the session that wrote the row holds the lock (pg_locks: a two-key advisory lock has objsubid 2). */
	private static final String HOLDS = """
			EXISTS (SELECT 1 FROM pg_locks l
			  WHERE l.locktype = 'advisory' AND l.granted AND l.pid = r.session
			  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			  AND l.classid = %d AND l.objid = %d AND l.objsubid = 2)""".formatted(CLASS, OBJECT);

	/** How long a second run waits for a new holder to write its row (a few statements after its lock). */
	private static final int NAME_ATTEMPTS = 20;

	private final StoreDatabase database;

	private final DataSource connections;

	/**
	 * @param connections new connections, each a session of its own
	 */
	DatabaseRunLock(StoreDatabase database, DataSource connections) {
		this.database = database;
		this.connections = connections;
	}

	@Override
	public RunLock.Attempt take(RunLock.Holder me, ZoneId zone) throws RunLock.Unavailable {
		Connection session = null;
		try {
			session = connections.getConnection();
			session.setAutoCommit(true);
			name(session, "review run lock (PID " + me.pid() + ", host " + me.host() + ")");
			untimed(session);
			if (!tryLock(session)) {
				String holder = holder(session, zone);
				session.close();
				return new RunLock.Attempt(Optional.empty(), holder);
			}
			Optional<String> alive = HeartBeat.liveHolder(session, zone);
			if (alive.isPresent()) {
				close(session); // the session's end releases the lock
				return new RunLock.Attempt(Optional.empty(), alive.get());
			}
			int backend = record(session, me);
			return new RunLock.Attempt(Optional.of(new Held(session, backend,
					HeartBeat.start(connections, database, me, backend))), me.text(zone));
		}
		catch (SQLException ex) {
			close(session);
			throw new RunLock.Unavailable("データベース " + database + " で実行ロックを取れません: " + ex.getMessage(),
					"データベースの実行ロックを取れないため見るだけにします: " + ex.getMessage());
		}
	}

	@Override
	public Optional<RunLock.Recorded> recorded(ZoneId zone) {
		try (Connection c = connections.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT r.pid, r.host, r.started, " + HOLDS + " FROM review_run_lock r")) {
			return rs.next() ? Optional.of(new RunLock.Recorded(holder(rs).text(zone), rs.getBoolean(4), "データベースの review_run_lock 表"))
					: Optional.empty();
		}
		catch (SQLException ex) {
			log.debug("no run lock record", ex); // a database no run has migrated yet
			return Optional.empty();
		}
	}

	private static boolean tryLock(Connection session) throws SQLException {
		try (Statement s = session.createStatement();
				ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(%d, %d)".formatted(CLASS, OBJECT))) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/**
	 * Names the holder. The lock is the advisory lock: a row that cannot be written (a table a newer version
	 * has not created yet) leaves the lock held and its holder unnamed.
	 */
	private static int record(Connection session, RunLock.Holder me) throws SQLException {
		try (PreparedStatement s = session.prepareStatement("""
				INSERT INTO review_run_lock (id, pid, host, started, session, heartbeat)
				VALUES (1, ?, ?, ?, pg_backend_pid(), now())
				ON CONFLICT (id) DO UPDATE SET pid = EXCLUDED.pid, host = EXCLUDED.host, started = EXCLUDED.started,
				  session = EXCLUDED.session, heartbeat = EXCLUDED.heartbeat""")) {
			s.setLong(1, me.pid());
			s.setString(2, me.host());
			s.setObject(3, OffsetDateTime.ofInstant(me.start(), ZoneOffset.UTC));
			s.executeUpdate();
		}
		catch (SQLException ex) {
			log.warn("実行ロックの保持者を記録できません: {}", ex.getMessage());
		}
		try (Statement s = session.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/**
	 * The lock's session must outlive any quiet spell of the run: a role with {@code idle_session_timeout} (or
	 * {@code idle_in_transaction_session_timeout}) would otherwise end it, and the lock with it, while the run
	 * loads. Each setting is tried alone: PostgreSQL 13 and older have no {@code idle_session_timeout}.
	 */
	static void untimed(Connection session) {
		for (String setting : new String[] { "idle_session_timeout", "idle_in_transaction_session_timeout" }) {
			try (Statement s = session.createStatement()) {
				s.execute("SET " + setting + " = 0");
			}
			catch (SQLException ex) {
				log.debug("{} not set: {}", setting, ex.getMessage());
			}
		}
	}

	/** Whether this session still holds the lock: false, or an exception, once the session has ended. */
	static boolean holds(Connection session, int backend) throws SQLException {
		try (Statement s = session.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT pg_backend_pid() = %d AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'
				  AND l.granted AND l.pid = pg_backend_pid() AND l.classid = %d AND l.objid = %d AND l.objsubid = 2)"""
			.formatted(backend, CLASS, OBJECT))) {
			return rs.next() && rs.getBoolean(1);
		}
	}

	/** The live holder's text; a run that has just taken the lock writes its row a moment later. */
	private static String holder(Connection session, ZoneId zone) throws SQLException {
		for (int attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
			try (Statement s = session.createStatement();
					ResultSet rs = s.executeQuery("SELECT r.pid, r.host, r.started FROM review_run_lock r WHERE " + HOLDS)) {
				if (rs.next()) {
					return holder(rs).text(zone);
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return "(不明)";
	}

	static RunLock.Holder holder(ResultSet rs) throws SQLException {
		Instant start = rs.getObject(3, OffsetDateTime.class).toInstant();
		return new RunLock.Holder(rs.getLong(1), rs.getString(2), start);
	}

	/** What an admin sees of the session in pg_stat_activity (ASCII: PostgreSQL shows other characters as ?). */
	static void name(Connection session, String name) {
		try {
			session.setClientInfo("ApplicationName", name);
		}
		catch (SQLException ex) {
			// only a label
		}
	}

	static void close(Connection session) {
		if (session != null) {
			try {
				session.close();
			}
			catch (SQLException ex) {
				// the session ends with the connection anyway
			}
		}
	}

	/**
	 * @param backend the session's backend PID, as the row records it
	 */
	private record Held(Connection session, int backend, HeartBeat heart) implements RunLock.Held {

		/**
		 * Asked before each commit of a run: one round trip on the lock's own session. A session that ended
		 * (terminated, timed out, the connection cut) fails the query; another run that took over the row stops the
		 * heartbeat's updates.
		 */
		@Override
		public synchronized Optional<String> lost() {
			if (heart.overtaken()) {
				return Optional.of("別の実行がロックの記録を引き継ぎました");
			}
			try {
				return holds(session, backend) ? Optional.empty()
						: Optional.of("ロック用のデータベース接続 (セッション " + backend + ") がロックを持っていません");
			}
			catch (SQLException ex) {
				return Optional.of("ロック用のデータベース接続 (セッション " + backend + ") が切れました: " + ex.getMessage());
			}
		}

		/** Releases the lock and clears the row; ending the session would release it all the same. */
		@Override
		public synchronized void close() {
			boolean cleared = false;
			try (Statement s = session.createStatement()) {
				cleared = s.executeUpdate("DELETE FROM review_run_lock WHERE session = pg_backend_pid()") > 0;
				s.execute("SELECT pg_advisory_unlock(%d, %d)".formatted(CLASS, OBJECT));
			}
			catch (SQLException ex) {
				log.debug("run lock release", ex);
			}
			finally {
				DatabaseRunLock.close(session);
				heart.stop(!cleared); // a lost session's row is cleared through the heartbeat's connection
			}
		}

	}

}
