-- PRODUCT.md §3 and §6: a file the scan could not read, or that vanished before the load, is that
-- file's problem alone (retried next run); every outcome can say why (a skipped duplicate names the file
-- that brought its bytes). SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
CREATE TABLE scan_candidate_v3 (
	job_instance_id INTEGER NOT NULL,
	seq             INTEGER NOT NULL,
	path            TEXT    NOT NULL,
	size            INTEGER NOT NULL,
	modified_at     TEXT    NOT NULL,
	sha256          TEXT,
	outcome         TEXT    CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED', 'CHANGED', 'UNREADABLE', 'MISSING')),
	note            TEXT,
	file_id         INTEGER REFERENCES submission_file (id),
	PRIMARY KEY (job_instance_id, seq)
);
INSERT INTO scan_candidate_v3 (job_instance_id, seq, path, size, modified_at, sha256, outcome, file_id)
	SELECT job_instance_id, seq, path, size, modified_at, sha256, outcome, file_id FROM scan_candidate;
DROP TABLE scan_candidate;
ALTER TABLE scan_candidate_v3 RENAME TO scan_candidate;

-- When the load step took the file: 検証結果 says when each still-open issue was found.
ALTER TABLE submission_file ADD COLUMN loaded_at TEXT;
-- When the annotated copy of a rejected file was last written: a file whose answer could not be
-- written (a crash, a full disk) is answered again by the next run.
ALTER TABLE submission_file ADD COLUMN answered_at TEXT;
