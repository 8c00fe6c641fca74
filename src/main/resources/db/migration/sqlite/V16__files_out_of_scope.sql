-- PRODUCT.md §2 v3: every file of the drop gets an answer. A file that is no workbook (a PDF, a Word file) is
-- listed as 対象外 (OUT_OF_SCOPE) with the run's other files, never checked nor stored. SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt.
CREATE TABLE scan_candidate_v12 (
	job_instance_id INTEGER NOT NULL,
	seq             INTEGER NOT NULL,
	path            TEXT    NOT NULL,
	size            INTEGER NOT NULL,
	modified_at     TEXT    NOT NULL,
	sha256          TEXT,
	outcome         TEXT    CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED', 'CHANGED', 'UNREADABLE', 'MISSING',
	                                           'OUT_OF_SCOPE')),
	note            TEXT,
	file_id         INTEGER REFERENCES submission_file (id),
	PRIMARY KEY (job_instance_id, seq)
);
INSERT INTO scan_candidate_v12 (job_instance_id, seq, path, size, modified_at, sha256, outcome, note, file_id)
	SELECT job_instance_id, seq, path, size, modified_at, sha256, outcome, note, file_id FROM scan_candidate;
DROP TABLE scan_candidate;
ALTER TABLE scan_candidate_v12 RENAME TO scan_candidate;
