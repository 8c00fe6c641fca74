-- Issue 10, several terms in one store (PRODUCT.md §8): each term's review is built from its own data only.

-- submission_file.term is the term of the plan the file was checked against. An accepted file's cover says the
-- same (a file of another 期 is rejected); a rejected file now gets it too, so that "the department's newest
-- file was rejected" (差戻し) is a question about one term. Rows loaded before: the term of the run's accepted
-- files, else of the latest accepted before it, else the first term the store knows.
UPDATE submission_file SET term = COALESCE(
	(SELECT MAX(a.term) FROM submission_file a
	 WHERE a.status = 'ACCEPTED' AND a.job_instance_id = submission_file.job_instance_id),
	(SELECT a.term FROM submission_file a
	 WHERE a.status = 'ACCEPTED' AND a.job_instance_id < submission_file.job_instance_id
	 ORDER BY a.job_instance_id DESC LIMIT 1),
	(SELECT MIN(a.term) FROM submission_file a WHERE a.status = 'ACCEPTED'))
WHERE term IS NULL;

-- The term and group each run judged: kpi_judgement and initiative_mark are kept per run, and the previous
-- term's verdicts (前期比較), this term's marks (next-term's 前期評価) and status's list of terms are found here.
-- group_name is the plan's グループ名; NULL for runs judged before this table existed.
CREATE TABLE judged_term (
	job_instance_id INTEGER NOT NULL PRIMARY KEY,
	term            INTEGER NOT NULL,
	group_name      TEXT
);
CREATE INDEX judged_term_term ON judged_term (term, job_instance_id);
INSERT INTO judged_term (job_instance_id, term)
	SELECT j.job_instance_id, MAX(f.term) FROM kpi_judgement j JOIN submission_file f ON f.id = j.file_id
	WHERE f.term IS NOT NULL GROUP BY j.job_instance_id;

-- A KPI's materiality as the plan of its run said: the previous term's attainment rate per materiality is the
-- one its own review showed, whatever this term's plan renamed. NULL for verdicts recorded before.
ALTER TABLE kpi_judgement ADD COLUMN materiality TEXT;
