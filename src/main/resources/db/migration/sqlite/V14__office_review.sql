-- PRODUCT.md §11, the office's review (事務局確認): each decision read from a workbook of review.office-dir, once
-- (a workbook is read by every run: its bytes, sheet and cell say it is the same decision), with who made it, when
-- (the workbook's modification time), and the file version it is about (the SHA-256 prefix its row showed).
CREATE TABLE office_decision (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	term            INTEGER NOT NULL,
	department_code TEXT    NOT NULL,
	decision        TEXT    NOT NULL CHECK (decision IN ('承認', '差戻し')),
	comment         TEXT,
	reviewer        TEXT,
	decided_at      TEXT    NOT NULL,
	about_sha256    TEXT    NOT NULL,
	workbook_name   TEXT    NOT NULL,
	workbook_sha256 TEXT    NOT NULL,
	sheet           TEXT    NOT NULL,
	cell            TEXT    NOT NULL,
	seq             INTEGER NOT NULL,
	job_instance_id BIGINT  NOT NULL,
	UNIQUE (workbook_sha256, sheet, cell)
);

-- The office's comments on single rows (sheet 指摘): a 差戻し's annotated copy carries those of the workbook its
-- decision came from.
CREATE TABLE office_row_comment (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	term            INTEGER NOT NULL,
	department_code TEXT    NOT NULL,
	item_id         TEXT    NOT NULL,
	comment         TEXT    NOT NULL,
	workbook_sha256 TEXT    NOT NULL,
	sheet           TEXT    NOT NULL,
	cell            TEXT    NOT NULL,
	seq             INTEGER NOT NULL,
	UNIQUE (workbook_sha256, sheet, cell)
);

-- What a run found wrong in the office's workbooks (検証結果), and what it read: a review is written again when the
-- office's folder holds other workbooks.
CREATE TABLE office_issue (
	job_instance_id BIGINT  NOT NULL,
	seq             INTEGER NOT NULL,
	term            INTEGER NOT NULL,
	workbook_name   TEXT    NOT NULL,
	department_code TEXT    NOT NULL,
	sheet           TEXT    NOT NULL,
	cell            TEXT    NOT NULL,
	severity        TEXT    NOT NULL,
	message         TEXT    NOT NULL,
	PRIMARY KEY (job_instance_id, seq)
);

CREATE TABLE office_read (
	job_instance_id BIGINT  NOT NULL PRIMARY KEY,
	term            INTEGER NOT NULL,
	workbooks       TEXT    NOT NULL
);

-- As V13's, with the office's decision on the file in use: the newest decision (by the workbook's time, then its
-- row) when it is about that file, else 未確認.
DROP VIEW review_submission;
CREATE VIEW review_submission AS
SELECT d.term,
       d.department_code,
       CASE n.status WHEN 'REJECTED' THEN '差戻し' WHEN 'ACCEPTED' THEN '受理' ELSE '未提出' END AS status,
       u.file_name                  AS file_in_use,
       u.modified_at                AS received_at,
       u.submitted_by,
       u.submitted_on,
       CASE WHEN u.file_name IS NOT NULL THEN
                 CASE WHEN t.late_from IS NULL THEN COALESCE(u.late, 0)
                      WHEN julianday(u.modified_at) >= julianday(t.late_from) THEN 1 ELSE 0 END
            WHEN julianday(t.late_from) <= julianday('now') THEN 1 ELSE 0 END AS late,
       COALESCE(n.errors, 0)        AS errors,
       CASE WHEN n.warnings IS NULL THEN 0
            WHEN t.late_from IS NULL THEN n.warnings
            ELSE n.warnings - n.late + CASE WHEN julianday(n.modified_at) >= julianday(t.late_from) THEN 1 ELSE 0 END
       END                          AS warnings,
       CASE WHEN n.status = 'REJECTED' THEN n.file_name END AS rejected_file,
       n.file_name                  AS newest_file,
       COALESCE(n.loaded_at, n.modified_at) AS newest_loaded_at,
       CASE WHEN o.decision IS NOT NULL AND u.sha256 LIKE o.about_sha256 || '%' THEN o.decision ELSE '未確認' END AS review_decision,
       CASE WHEN o.decision IS NOT NULL AND u.sha256 LIKE o.about_sha256 || '%' THEN o.reviewer END AS reviewer,
       CASE WHEN o.decision IS NOT NULL AND u.sha256 LIKE o.about_sha256 || '%' THEN o.decided_at END AS reviewed_at,
       CASE WHEN o.decision IS NOT NULL AND u.sha256 LIKE o.about_sha256 || '%' THEN o.comment END AS review_comment
FROM plan_department d
LEFT JOIN plan_term t ON t.term = d.term
LEFT JOIN (SELECT term, department_code, status, file_name, modified_at, loaded_at, errors, warnings, late,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE term IS NOT NULL AND department_code IS NOT NULL) n
       ON n.term = d.term AND n.department_code = d.department_code AND n.age = 1
LEFT JOIN (SELECT term, department_code, file_name, sha256, modified_at, submitted_by, submitted_on, late,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE status = 'ACCEPTED') u
       ON u.term = d.term AND u.department_code = d.department_code AND u.age = 1
LEFT JOIN (SELECT term, department_code, decision, comment, reviewer, decided_at, about_sha256,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code ORDER BY decided_at DESC, seq DESC, id DESC) AS age
           FROM office_decision) o
       ON o.term = d.term AND o.department_code = d.department_code AND o.age = 1;
