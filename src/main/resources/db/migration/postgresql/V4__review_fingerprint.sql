-- As sqlite/V4__review_fingerprint.sql: what each review on disk was built from (read the columns there).
CREATE TABLE review_fingerprint (
	review_path      TEXT   NOT NULL PRIMARY KEY,
	inputs           TEXT   NOT NULL,
	size             BIGINT NOT NULL,
	modified_at      BIGINT NOT NULL,
	sha256           TEXT   NOT NULL,
	job_execution_id BIGINT NOT NULL,
	written_at       TEXT   NOT NULL
);
