-- Scheduling: doctors' weekly schedules and appointments. Times are UTC instants; schedules are wall-clock times
-- in the hospital's zone. A doctor cannot be double-booked: active_slot ("doctor|start instant") is unique while the
-- appointment holds its slot and NULL once it is cancelled or a no-show (NULLs never collide, on all three databases).
CREATE TABLE doctor_schedule (
    id            CHAR(36)  NOT NULL PRIMARY KEY,
    doctor_id     CHAR(36)  NOT NULL,
    department_id CHAR(36)  NOT NULL,
    day_of_week   INT       NOT NULL,
    start_time    TIME      NOT NULL,
    end_time      TIME      NOT NULL,
    slot_minutes  INT       NOT NULL,
    active        BOOLEAN   NOT NULL,
    created_at    ${ts}     NOT NULL,
    version       BIGINT    NOT NULL,
    CONSTRAINT fk_doctor_schedule_doctor FOREIGN KEY (doctor_id) REFERENCES app_user (id),
    CONSTRAINT fk_doctor_schedule_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_doctor_schedule_doctor ON doctor_schedule (doctor_id, day_of_week);

CREATE TABLE appointment (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id     CHAR(36)     NOT NULL,
    doctor_id      CHAR(36)     NOT NULL,
    department_id  CHAR(36)     NOT NULL,
    starts_at      ${ts}        NOT NULL,
    ends_at        ${ts}        NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    reason         VARCHAR(500),
    cancel_reason  VARCHAR(500),
    checked_in_at  ${ts},
    active_slot    VARCHAR(80),
    booked_by      CHAR(36)     NOT NULL,
    created_at     ${ts}        NOT NULL,
    updated_at     ${ts}        NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uq_appointment_active_slot UNIQUE (active_slot),
    CONSTRAINT fk_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_appointment_doctor FOREIGN KEY (doctor_id) REFERENCES app_user (id),
    CONSTRAINT fk_appointment_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_appointment_department_start ON appointment (department_id, starts_at);
CREATE INDEX ix_appointment_doctor_start ON appointment (doctor_id, starts_at);
CREATE INDEX ix_appointment_patient_start ON appointment (patient_id, starts_at);
