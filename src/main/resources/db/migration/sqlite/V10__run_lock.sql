-- Issue 12: the run lock of a PostgreSQL store is in the database (postgresql/V10__run_lock.sql); a SQLite
-- store's is the file lock on run.lock in its folder. Nothing to create here: the versions stay the same on both.
SELECT 1;
