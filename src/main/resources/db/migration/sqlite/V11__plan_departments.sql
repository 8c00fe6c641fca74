-- PRODUCT.md §10 v3: review_submission has one row per department of each term's plan, 未提出 included. The plan
-- is a workbook, not the store: each run records the departments of the plan it uses, for that plan's term
-- (store/PlanDepartments), replacing what an earlier run of the term recorded (a department added or removed).
--   plan_term.late_from  when a file of the term becomes late: the end of the plan's 提出期限 day in review.zone,
--                        ISO-8601 UTC; NULL when the plan sets no deadline. A department with no accepted file is
--                        late once it has passed (提出状況's 期限超過).
--   plan_department      the plan's 部署 in its order
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

-- Terms loaded before: no run recorded their plan, so their departments are those that sent a file (the rows the
-- view had until now); the next run of a term records its plan's instead.
INSERT INTO plan_term (term) SELECT DISTINCT term FROM submission_file WHERE term IS NOT NULL;
INSERT INTO plan_department (term, department_code, position)
	SELECT term, department_code, ROW_NUMBER() OVER (PARTITION BY term ORDER BY department_code)
	FROM (SELECT DISTINCT term, department_code FROM submission_file
	      WHERE term IS NOT NULL AND department_code IS NOT NULL) AS sent;

-- As V8's, with a row for each department of the plan: 未提出 when it sent nothing for the term. Its late is
-- 提出状況's: the flag of the file in use, else whether the deadline has passed. Counts are 0 without a file.
DROP VIEW review_submission;
CREATE VIEW review_submission AS
SELECT d.term,
       d.department_code,
       CASE n.status WHEN 'REJECTED' THEN '差戻し' WHEN 'ACCEPTED' THEN '受理' ELSE '未提出' END AS status,
       u.file_name                  AS file_in_use,
       u.modified_at                AS received_at,
       u.submitted_by,
       u.submitted_on,
       CASE WHEN u.file_name IS NOT NULL THEN u.late
            WHEN julianday(t.late_from) <= julianday('now') THEN 1 ELSE 0 END AS late,
       COALESCE(n.errors, 0)        AS errors,
       COALESCE(n.warnings, 0)      AS warnings,
       CASE WHEN n.status = 'REJECTED' THEN n.file_name END AS rejected_file,
       n.file_name                  AS newest_file,
       COALESCE(n.loaded_at, n.modified_at) AS newest_loaded_at
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
