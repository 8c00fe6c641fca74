-- The run lock's holder says it is alive every few seconds (heartbeat, the server's clock). The advisory lock
-- goes with its session, and a session can end while its process lives (pg_terminate_backend, a timeout set on
-- the role): a run that finds the lock free but the recorded holder's heartbeat still moving leaves it alone
-- (exit 4) instead of recording a live run as dead. NULL: written by a build without heartbeats.
ALTER TABLE review_run_lock ADD COLUMN heartbeat TIMESTAMPTZ;
