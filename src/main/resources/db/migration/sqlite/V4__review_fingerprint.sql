-- Issue 8, a quiet night: what each review on disk was built from, so that a run with nothing new can leave
-- it as it is. One row per review file, replaced each time the write step writes that file.
--   inputs            SHA-256 over what the review depends on: the store's files, the plan, the settings that
--                     change the output, whether the plan's 提出期限 had passed, the build, and how many rows
--                     of 検証結果 only the writing run shows (see ReviewFingerprints)
--   size, modified_at, sha256
--                     the file as written (modified_at in epoch milliseconds): a review deleted, edited or
--                     replaced since is written again
--   job_execution_id  the run that wrote it, named on the console of a run that leaves it
CREATE TABLE review_fingerprint (
	review_path      TEXT    NOT NULL PRIMARY KEY,
	inputs           TEXT    NOT NULL,
	size             INTEGER NOT NULL,
	modified_at      INTEGER NOT NULL,
	sha256           TEXT    NOT NULL,
	job_execution_id INTEGER NOT NULL,
	written_at       TEXT    NOT NULL
);
