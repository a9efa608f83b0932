-- PostgreSQL only (ADR 0008): indexes that make the patient search fast at a million rows.
-- A plain B-tree serves LIKE 'prefix%' only under the C collation; the pattern_ops operator classes serve it under
-- any collation. Substring matches (LIKE '%term%', terms of 3+ characters) use trigram GIN indexes (pg_trgm, a
-- contrib extension shipped with PostgreSQL and trusted since version 13, so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_patient_name_prefix ON patient (name varchar_pattern_ops);
CREATE INDEX ix_patient_latin_prefix ON patient (LOWER(name_latin) varchar_pattern_ops);
CREATE INDEX ix_patient_initials_prefix ON patient (name_initials varchar_pattern_ops);
CREATE INDEX ix_patient_phone_prefix ON patient (phone_digits varchar_pattern_ops);
CREATE INDEX ix_patient_mrn_prefix ON patient (mrn varchar_pattern_ops);

CREATE INDEX ix_patient_name_trgm ON patient USING gin (name gin_trgm_ops);
CREATE INDEX ix_patient_latin_trgm ON patient USING gin (LOWER(name_latin) gin_trgm_ops);
CREATE INDEX ix_patient_phone_trgm ON patient USING gin (phone_digits gin_trgm_ops);
