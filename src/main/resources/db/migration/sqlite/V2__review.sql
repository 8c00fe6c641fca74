-- The business data of the consolidation. Every loaded value keeps its source: the file (by SHA-256,
-- whose bytes are archived under the store) and the sheet!cell it was read from.

-- Files found by a run's scan step, in the order they are taken (oldest modification first).
-- outcome stays NULL until the load step has dealt with the file, so a restart resumes there.
CREATE TABLE scan_candidate (
	job_instance_id INTEGER NOT NULL,
	seq             INTEGER NOT NULL,
	path            TEXT    NOT NULL,
	size            INTEGER NOT NULL,
	modified_at     TEXT    NOT NULL,
	sha256          TEXT    NOT NULL,
	outcome         TEXT    CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED', 'CHANGED')),
	file_id         INTEGER REFERENCES submission_file (id),
	PRIMARY KEY (job_instance_id, seq)
);

-- Every file ever ingested, accepted or rejected; its bytes are never taken twice.
CREATE TABLE submission_file (
	id                 INTEGER PRIMARY KEY AUTOINCREMENT,
	sha256             TEXT    NOT NULL UNIQUE,
	file_name          TEXT    NOT NULL,
	original_path      TEXT    NOT NULL,
	size               INTEGER NOT NULL,
	modified_at        TEXT    NOT NULL,
	job_instance_id    INTEGER NOT NULL,
	status             TEXT    NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED')),
	term               INTEGER,
	department_code    TEXT,
	submitted_by       TEXT,
	submitted_on       TEXT,
	late               INTEGER NOT NULL DEFAULT 0,
	errors             INTEGER NOT NULL,
	warnings           INTEGER NOT NULL,
	archive_path       TEXT    NOT NULL
);
CREATE INDEX submission_file_department ON submission_file (term, department_code, status);

CREATE TABLE validation_issue (
	file_id  INTEGER NOT NULL REFERENCES submission_file (id),
	seq      INTEGER NOT NULL,
	severity TEXT    NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
	sheet    TEXT    NOT NULL,
	cell     TEXT    NOT NULL,
	message  TEXT    NOT NULL,
	PRIMARY KEY (file_id, seq)
);

CREATE TABLE kpi_result (
	file_id INTEGER NOT NULL REFERENCES submission_file (id),
	kpi_id  TEXT    NOT NULL,
	value   TEXT    NOT NULL,
	number  TEXT,
	display TEXT    NOT NULL,
	note    TEXT    NOT NULL,
	cell    TEXT    NOT NULL,
	PRIMARY KEY (file_id, kpi_id)
);
CREATE INDEX kpi_result_kpi ON kpi_result (kpi_id);

CREATE TABLE initiative_result (
	file_id       INTEGER NOT NULL REFERENCES submission_file (id),
	initiative_id TEXT    NOT NULL,
	progress      TEXT    NOT NULL,
	percent       TEXT,
	declared      TEXT    NOT NULL,
	note          TEXT    NOT NULL,
	cell          TEXT    NOT NULL,
	PRIMARY KEY (file_id, initiative_id)
);

CREATE TABLE highlight (
	file_id    INTEGER NOT NULL REFERENCES submission_file (id),
	seq        INTEGER NOT NULL,
	commitment TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	cell       TEXT    NOT NULL,
	PRIMARY KEY (file_id, seq)
);

-- What the judge step concluded for a run; the write step renders it, so a restart of the write
-- step renders exactly what was judged.
CREATE TABLE kpi_judgement (
	job_instance_id INTEGER NOT NULL,
	kpi_id          TEXT    NOT NULL,
	outcome         TEXT    NOT NULL,
	value           TEXT,
	baseline        TEXT,
	baseline_source TEXT,
	rate            TEXT,
	result_line     TEXT,
	file_id         INTEGER REFERENCES submission_file (id),
	cell            TEXT,
	PRIMARY KEY (job_instance_id, kpi_id)
);

CREATE TABLE initiative_mark (
	job_instance_id INTEGER NOT NULL,
	initiative_id   TEXT    NOT NULL,
	mark            TEXT,
	progress        TEXT,
	declared        TEXT,
	file_id         INTEGER REFERENCES submission_file (id),
	cell            TEXT,
	PRIMARY KEY (job_instance_id, initiative_id)
);
