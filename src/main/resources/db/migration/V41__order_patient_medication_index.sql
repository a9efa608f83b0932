-- Issue 16: every medication order placed runs two look-ups over the patient's medication orders — the open orders
-- of the same drug (duplicate-order rule) and the drugs the patient is being given (the safety check's current
-- medications). With only (patient_id, created_at) both read every order of the patient, lab and imaging included,
-- and in the create profile they were 70 % of the time spent in queries. This index goes straight to the patient's
-- medication orders, and to those of one drug with their status, without reading the table for the first rule.
CREATE INDEX ix_clinical_order_patient_drug ON clinical_order (patient_id, order_type, med_drug_id, status);
