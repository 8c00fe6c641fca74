-- Issue 12, "every host sees everything": on PostgreSQL the bytes of every stored submission live in the
-- database, so that any host pointed at it annotates a rejected file, traces a figure to its bytes and checks
-- them (SQLite keeps them as files under review.store: archive/ and rejected/, named by SHA-256; its V9 does
-- nothing). One row per submission_file, by the same SHA-256, inserted in the load chunk's transaction with
-- the file's row: a kill -9 leaves both or neither. submission_file.archive_path then holds
-- 'archived_file:<sha256>', a key in this table, not a path on any host. PostgreSQL stores older than this
-- version existed only while issue 12 was built; check puts back missing bytes from the input folder.
CREATE TABLE archived_file (
	sha256 TEXT  PRIMARY KEY REFERENCES submission_file (sha256) ON DELETE CASCADE,
	bytes  BYTEA NOT NULL
);
-- a workbook is a zip already: kept out of line as is, not compressed again by TOAST for nothing
ALTER TABLE archived_file ALTER COLUMN bytes SET STORAGE EXTERNAL;
