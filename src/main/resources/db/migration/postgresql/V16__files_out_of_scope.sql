-- As sqlite/V12__files_out_of_scope.sql: a file that is no workbook is listed as 対象外 (OUT_OF_SCOPE).
ALTER TABLE scan_candidate DROP CONSTRAINT scan_candidate_outcome_check;
ALTER TABLE scan_candidate ADD CONSTRAINT scan_candidate_outcome_check
	CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED', 'CHANGED', 'UNREADABLE', 'MISSING', 'OUT_OF_SCOPE'));
