-- As sqlite/V7__judgement_order.sql: a run's verdicts in its plan's order.
ALTER TABLE kpi_judgement ADD COLUMN position INTEGER;
