-- The heartbeat of the run lock's holder is the PostgreSQL store's (postgresql/V12__run_lock_heartbeat.sql): a
-- SQLite store's lock is a file lock, which lives exactly as long as its process. The versions stay the same.
SELECT 1;
