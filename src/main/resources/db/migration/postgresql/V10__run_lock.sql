-- Issue 12, one run at a time across hosts (PRODUCT.md §10): the run lock is a session-level advisory lock
-- (pg_try_advisory_lock(1919252073, 1), held by the running process's own connection); this row names its
-- holder for the second run's message and for status. At most one row. A row whose session no longer holds
-- the lock (see pg_locks) is a holder that died; the next run replaces it.
--   pid, host, started   the holding process, its host, and when it took the lock
--   session              its connection's backend PID (pg_backend_pid()): pg_locks.pid of the lock it holds
CREATE TABLE review_run_lock (
	id      SMALLINT    PRIMARY KEY CHECK (id = 1),
	pid     BIGINT      NOT NULL,
	host    TEXT        NOT NULL,
	started TIMESTAMPTZ NOT NULL,
	session INTEGER     NOT NULL
);
