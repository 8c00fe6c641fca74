-- As sqlite/V17__scan_file_identity.sql: the scan's identity of a file (device, inode, size, modification and
-- change time), so that the next scan need not hash a file that has not changed.
ALTER TABLE scan_candidate ADD COLUMN identity TEXT;
