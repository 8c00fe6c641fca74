-- Issue 12: on PostgreSQL the archived submission bytes move into the database (postgresql/V9, table
-- archived_file) so that every host sees them. SQLite keeps them as files under review.store (archive/ and
-- rejected/, named by SHA-256; submission_file.archive_path is the path): nothing to change here.
SELECT 1;
