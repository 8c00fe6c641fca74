-- Issue 12: a run's verdicts in its plan's order without SQLite's rowid, which PostgreSQL has not (the next
-- term's 前期実績 and 前期比較 list the KPIs in that order). Verdicts recorded before keep the order they had.
ALTER TABLE kpi_judgement ADD COLUMN position INTEGER;
UPDATE kpi_judgement SET position = rowid;
