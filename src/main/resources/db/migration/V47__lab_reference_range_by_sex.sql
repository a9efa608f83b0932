-- Reference ranges that differ by sex (a lab test's own ref_low/ref_high stay the range for a patient whose sex is
-- not recorded as M or F). A result is flagged against the range for the patient's sex and stored with it.
-- Haemoglobin: anaemia below 13.0 g/dL in men and 12.0 g/dL in non-pregnant women (WHO 2011, Haemoglobin
-- concentrations for the diagnosis of anaemia and assessment of severity, WHO/NMH/NHD/MNM/11.1); the upper limit is
-- the catalogue's.
CREATE TABLE lab_reference_range (
    test_code VARCHAR(20)   NOT NULL,
    sex       CHAR(1)       NOT NULL,
    ref_low   DECIMAL(12,4),
    ref_high  DECIMAL(12,4),
    source    VARCHAR(300)  NOT NULL,
    CONSTRAINT pk_lab_reference_range PRIMARY KEY (test_code, sex),
    CONSTRAINT fk_lab_reference_range_test FOREIGN KEY (test_code) REFERENCES lab_test (code),
    CONSTRAINT ck_lab_reference_range_sex CHECK (sex IN ('M', 'F'))
);

INSERT INTO lab_reference_range (test_code, sex, ref_low, ref_high, source) VALUES
    ('HGB', 'M', 13.0, 17.5, 'WHO 2011 (WHO/NMH/NHD/MNM/11.1): anaemia below 13.0 g/dL in men'),
    ('HGB', 'F', 12.0, 17.5, 'WHO 2011 (WHO/NMH/NHD/MNM/11.1): anaemia below 12.0 g/dL in non-pregnant women');
