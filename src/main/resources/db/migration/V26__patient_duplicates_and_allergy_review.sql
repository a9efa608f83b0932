-- Duplicate patients (issue 15, item 4; ADR 0026). The resident registration number is stored encrypted with a random
-- IV, so equal numbers have different cipher texts: uniqueness is enforced on a keyed hash (HMAC-SHA-256 under
-- CDSS_RRN_HASH_KEY, computed by the application; RrnHashBackfill fills it for rows written before this version).
-- A number already held by an older patient record is not hashed on the younger one: rrn_duplicate_of names the
-- record that holds it, so that the duplicate is listed for an administrator's merge instead of failing the start-up.
ALTER TABLE patient ADD COLUMN rrn_hash VARCHAR(64);
ALTER TABLE patient ADD COLUMN rrn_duplicate_of CHAR(36);
-- A merged record stays (never deleted) but is inactive and points at the record that continues the chart.
ALTER TABLE patient ADD COLUMN merged_into CHAR(36);
ALTER TABLE patient ADD COLUMN merged_at ${ts};
ALTER TABLE patient ADD COLUMN merged_by CHAR(36);
CREATE UNIQUE INDEX ux_patient_rrn_hash ON patient (rrn_hash);
CREATE INDEX ix_patient_name_birth ON patient (birth_date, name);
CREATE INDEX ix_patient_merged_into ON patient (merged_into);

-- "No known allergies", confirmed by whom and when (issue 15, item 1): distinct from never recorded (all null).
-- Cleared when an allergy is recorded.
ALTER TABLE patient ADD COLUMN allergies_none_at ${ts};
ALTER TABLE patient ADD COLUMN allergies_none_by CHAR(36);
ALTER TABLE patient ADD COLUMN allergies_none_by_name VARCHAR(100);
