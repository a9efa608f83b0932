-- Unified patient search (issue 3, item 6). The departments a patient has been seen in, kept by the patients module
-- (scheduling reports each booking through PatientDirectory.noteDepartmentVisit), so that the search can rank a
-- department's own patients first without reading another module's tables. Not unique on purpose: two concurrent
-- first bookings may both insert, and the search only asks "is there a row".
CREATE TABLE patient_department (
    patient_id    CHAR(36) NOT NULL,
    department_id CHAR(36) NOT NULL,
    last_seen_at  ${ts}    NOT NULL,
    CONSTRAINT fk_patient_department_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_patient_department ON patient_department (patient_id, department_id);

INSERT INTO patient_department (patient_id, department_id, last_seen_at)
    SELECT patient_id, department_id, MAX(starts_at) FROM appointment GROUP BY patient_id, department_id;

-- The dashboard counts one day's appointments of all departments: a range on starts_at alone, which the
-- (department_id, starts_at) index cannot serve (a sequential scan at 100 000+ appointments, bench/README.md).
CREATE INDEX ix_appointment_starts ON appointment (starts_at);
