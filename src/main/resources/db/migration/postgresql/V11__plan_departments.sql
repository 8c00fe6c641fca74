-- As sqlite/V11__plan_departments.sql (read the comments there): each run records the departments of its plan per
-- term, and review_submission has one row per department of each term's plan, 未提出 included.
CREATE TABLE plan_term (
	term      INTEGER NOT NULL PRIMARY KEY,
	late_from TEXT
);
CREATE TABLE plan_department (
	term            INTEGER NOT NULL,
	department_code TEXT    NOT NULL,
	position        INTEGER NOT NULL,
	PRIMARY KEY (term, department_code)
);

INSERT INTO plan_term (term) SELECT DISTINCT term FROM submission_file WHERE term IS NOT NULL;
INSERT INTO plan_department (term, department_code, position)
	SELECT term, department_code, ROW_NUMBER() OVER (PARTITION BY term ORDER BY department_code)
	FROM (SELECT DISTINCT term, department_code FROM submission_file
	      WHERE term IS NOT NULL AND department_code IS NOT NULL) AS sent;

-- Replaced in place, the same columns and types: a role's GRANT SELECT on the view (README) stays.
CREATE OR REPLACE VIEW review_submission AS
SELECT d.term,
       d.department_code,
       CASE n.status WHEN 'REJECTED' THEN '差戻し' WHEN 'ACCEPTED' THEN '受理' ELSE '未提出' END AS status,
       u.file_name                  AS file_in_use,
       CAST(u.modified_at AS TIMESTAMPTZ) AS received_at,
       u.submitted_by,
       CAST(u.submitted_on AS DATE) AS submitted_on,
       CASE WHEN u.file_name IS NOT NULL THEN u.late = 1
            ELSE COALESCE(CAST(t.late_from AS TIMESTAMPTZ) <= CURRENT_TIMESTAMP, FALSE) END AS late,
       COALESCE(n.errors, 0)        AS errors,
       COALESCE(n.warnings, 0)      AS warnings,
       CASE WHEN n.status = 'REJECTED' THEN n.file_name END AS rejected_file,
       n.file_name                  AS newest_file,
       CAST(COALESCE(n.loaded_at, n.modified_at) AS TIMESTAMPTZ) AS newest_loaded_at
FROM plan_department d
LEFT JOIN plan_term t ON t.term = d.term
LEFT JOIN (SELECT term, department_code, status, file_name, modified_at, loaded_at, errors, warnings,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE term IS NOT NULL AND department_code IS NOT NULL) n
       ON n.term = d.term AND n.department_code = d.department_code AND n.age = 1
LEFT JOIN (SELECT term, department_code, file_name, modified_at, submitted_by, submitted_on, late,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE status = 'ACCEPTED') u
       ON u.term = d.term AND u.department_code = d.department_code AND u.age = 1;
