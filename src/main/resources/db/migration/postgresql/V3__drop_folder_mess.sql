-- As sqlite/V3__drop_folder_mess.sql: a file the scan could not read or that vanished is that file's problem
-- alone, every outcome can say why; when each file was loaded and answered.
ALTER TABLE scan_candidate ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE scan_candidate DROP CONSTRAINT scan_candidate_outcome_check;
ALTER TABLE scan_candidate ADD CONSTRAINT scan_candidate_outcome_check
	CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED', 'CHANGED', 'UNREADABLE', 'MISSING'));
ALTER TABLE scan_candidate ADD COLUMN note TEXT;

ALTER TABLE submission_file ADD COLUMN loaded_at TEXT;
ALTER TABLE submission_file ADD COLUMN answered_at TEXT;
