-- PRODUCT.md §3 (versions, late), §9 and §10: times that order as times, the same-day rule per term, and views
-- that name the plan's department of every KPI and initiative and decide lateness from the plan in force.

-- Times were written as Instant.toString(), whose width varies (…08:00:00Z, …08:00:00.500Z): as text the later
-- of two times in the same second sorted first. They are now written with nine fractional digits (store/StoreTime),
-- and the rows written before get the same form, so that every ORDER BY on them is the order of time.
UPDATE submission_file SET modified_at = substr(modified_at, 1, 19) || '.'
		|| substr(CASE WHEN length(modified_at) > 20 THEN substr(modified_at, 21, length(modified_at) - 21) ELSE '' END
		          || '000000000', 1, 9) || 'Z'
	WHERE length(modified_at) < 30 AND modified_at LIKE '____-__-__T__:__:__%Z';
UPDATE submission_file SET loaded_at = substr(loaded_at, 1, 19) || '.'
		|| substr(CASE WHEN length(loaded_at) > 20 THEN substr(loaded_at, 21, length(loaded_at) - 21) ELSE '' END
		          || '000000000', 1, 9) || 'Z'
	WHERE length(loaded_at) < 30 AND loaded_at LIKE '____-__-__T__:__:__%Z';

-- The same-day rule of reminders is per term: a 54期 未提出 reminder is not the 53期 one sent that morning. SQLite
-- changes a table's constraints by copying it.
CREATE TABLE reminder_v13 (
	id                INTEGER PRIMARY KEY AUTOINCREMENT,
	term              INTEGER NOT NULL,
	department_code   TEXT    NOT NULL,
	kind              TEXT    NOT NULL CHECK (kind IN ('未提出', '差戻し')),
	recipients        TEXT    NOT NULL,
	subject           TEXT    NOT NULL,
	attachment_name   TEXT    NOT NULL,
	attachment_sha256 TEXT    NOT NULL,
	sent_on           TEXT    NOT NULL,
	sent_at           TEXT    NOT NULL,
	server_reply      TEXT,
	UNIQUE (term, department_code, kind, sent_on)
);
INSERT INTO reminder_v13 (id, term, department_code, kind, recipients, subject, attachment_name, attachment_sha256,
                          sent_on, sent_at, server_reply)
	SELECT id, term, department_code, kind, recipients, subject, attachment_name, attachment_sha256, sent_on,
	       substr(sent_at, 1, 19) || '.'
	       || substr(CASE WHEN length(sent_at) > 20 THEN substr(sent_at, 21, length(sent_at) - 21) ELSE '' END
	                 || '000000000', 1, 9) || 'Z',
	       server_reply
	FROM reminder;
DROP TABLE reminder;
ALTER TABLE reminder_v13 RENAME TO reminder;

-- The plan's department of each KPI and initiative a run judged, 未提出 ones included (the file gives none). Rows
-- judged before: the department of the file the value came from, else of a file of the term that reported the ID.
ALTER TABLE kpi_judgement ADD COLUMN department_code TEXT;
ALTER TABLE initiative_mark ADD COLUMN department_code TEXT;
UPDATE kpi_judgement SET department_code = COALESCE(
	(SELECT f.department_code FROM submission_file f WHERE f.id = kpi_judgement.file_id),
	(SELECT MIN(f.department_code) FROM kpi_result r JOIN submission_file f ON f.id = r.file_id
	 JOIN judged_term t ON t.term = f.term
	 WHERE r.kpi_id = kpi_judgement.kpi_id AND t.job_instance_id = kpi_judgement.job_instance_id));
UPDATE initiative_mark SET department_code = COALESCE(
	(SELECT f.department_code FROM submission_file f WHERE f.id = initiative_mark.file_id),
	(SELECT MIN(f.department_code) FROM initiative_result r JOIN submission_file f ON f.id = r.file_id
	 JOIN judged_term t ON t.term = f.term
	 WHERE r.initiative_id = initiative_mark.initiative_id AND t.job_instance_id = initiative_mark.job_instance_id));

-- As V8's, the department the plan gives the KPI or initiative.
DROP VIEW review_kpi_result;
CREATE VIEW review_kpi_result AS
SELECT t.term,
       t.group_name,
       j.position                   AS plan_order,
       j.kpi_id,
       j.materiality,
       COALESCE(j.department_code, f.department_code) AS department_code,
       j.outcome,
       j.value                      AS result_value,
       CAST(r.number AS NUMERIC)    AS result_number,
       j.result_line                AS result_text,
       CAST(j.baseline AS NUMERIC)  AS baseline,
       j.baseline_source,
       CAST(j.rate AS NUMERIC)      AS achievement_rate,
       f.file_name                  AS source_file,
       j.cell                       AS source_cell,
       f.sha256                     AS source_sha256
FROM judged_term t
JOIN kpi_judgement j ON j.job_instance_id = t.job_instance_id
LEFT JOIN submission_file f ON f.id = j.file_id
LEFT JOIN kpi_result r ON r.file_id = j.file_id AND r.kpi_id = j.kpi_id
WHERE t.job_instance_id = (SELECT MAX(l.job_instance_id) FROM judged_term l WHERE l.term = t.term);

DROP VIEW review_initiative_mark;
CREATE VIEW review_initiative_mark AS
SELECT t.term,
       t.group_name,
       m.initiative_id,
       COALESCE(m.department_code, f.department_code) AS department_code,
       CASE WHEN m.file_id IS NULL THEN '未提出' ELSE m.mark END AS mark,
       m.progress,
       m.declared                   AS declared_mark,
       f.file_name                  AS source_file,
       m.cell                       AS source_cell,
       f.sha256                     AS source_sha256
FROM judged_term t
JOIN initiative_mark m ON m.job_instance_id = t.job_instance_id
LEFT JOIN submission_file f ON f.id = m.file_id
WHERE t.job_instance_id = (SELECT MAX(l.job_instance_id) FROM judged_term l WHERE l.term = t.term);

-- As V11's, late as 提出状況 decides it each time the review is written: the file in use received at or after
-- late_from of the plan in force (a term no run has recorded a deadline for keeps the flag of its load), else
-- whether that deadline has passed; never NULL. The newest file's warnings count the late warning the same way.
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
       COALESCE(n.loaded_at, n.modified_at) AS newest_loaded_at
FROM plan_department d
LEFT JOIN plan_term t ON t.term = d.term
LEFT JOIN (SELECT term, department_code, status, file_name, modified_at, loaded_at, errors, warnings, late,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE term IS NOT NULL AND department_code IS NOT NULL) n
       ON n.term = d.term AND n.department_code = d.department_code AND n.age = 1
LEFT JOIN (SELECT term, department_code, file_name, modified_at, submitted_by, submitted_on, late,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE status = 'ACCEPTED') u
       ON u.term = d.term AND u.department_code = d.department_code AND u.age = 1;
