-- What the scan saw of a file besides its bytes: device, inode, size, modification and change time. The next scan
-- takes the SHA-256 of a file whose identity is the same instead of reading it again; a file written in place
-- changes its change time whatever its size and modification time say.
ALTER TABLE scan_candidate ADD COLUMN identity TEXT;
