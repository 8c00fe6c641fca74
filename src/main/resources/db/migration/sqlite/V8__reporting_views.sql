-- Issue 12, PRODUCT.md §10: read-only views for reporting tools (BI), the same names and columns on both
-- databases (postgresql/V8__reporting_views.sql gives them PostgreSQL's types: numeric, timestamptz, date,
-- boolean; here numbers are SQLite's, times ISO-8601 UTC text and flags 0/1). The README documents every column.
-- They show what the latest review of each term shows: the verdicts and marks of the run that last judged the
-- term (judged_term), and per department the state 提出状況 shows. The plan's texts (KPI, 目標値, initiative,
-- department name) live in the plan workbook, not here: the views give the ids to join them on.
-- Only the columns named are read: a later migration may change the rest of a table without touching these.

CREATE VIEW review_kpi_result AS
SELECT t.term,
       t.group_name,
       j.position                   AS plan_order,
       j.kpi_id,
       j.materiality,
       f.department_code,
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

-- mark as 振り返り shows it: 未提出 when the department had no accepted file, NULL when its file gave no 進捗
CREATE VIEW review_initiative_mark AS
SELECT t.term,
       t.group_name,
       m.initiative_id,
       f.department_code,
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

-- One row per term and department that sent a file for it (store/Submissions.states): 差戻し when its newest
-- file was rejected, else 受理; the newest is the order of versions (Submissions.NEWEST_FIRST). A department
-- that sent nothing is only in the plan: it has no row (the review's 未提出).
CREATE VIEW review_submission AS
SELECT n.term,
       n.department_code,
       CASE WHEN n.status = 'REJECTED' THEN '差戻し' ELSE '受理' END AS status,
       u.file_name                  AS file_in_use,
       u.modified_at                AS received_at,
       u.submitted_by,
       u.submitted_on,
       u.late,
       n.errors,
       n.warnings,
       CASE WHEN n.status = 'REJECTED' THEN n.file_name END AS rejected_file,
       n.file_name                  AS newest_file,
       COALESCE(n.loaded_at, n.modified_at) AS newest_loaded_at
FROM (SELECT term, department_code, status, file_name, modified_at, loaded_at, errors, warnings,
             ROW_NUMBER() OVER (PARTITION BY term, department_code
                                ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
      FROM submission_file WHERE term IS NOT NULL AND department_code IS NOT NULL) n
LEFT JOIN (SELECT term, department_code, file_name, modified_at, submitted_by, submitted_on, late,
                  ROW_NUMBER() OVER (PARTITION BY term, department_code
                                     ORDER BY job_instance_id DESC, modified_at DESC, id DESC) AS age
           FROM submission_file WHERE status = 'ACCEPTED') u
       ON u.term = n.term AND u.department_code = n.department_code AND u.age = 1
WHERE n.age = 1;
