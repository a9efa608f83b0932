package org.cdss.patients;

import java.util.UUID;
import org.cdss.identity.PatientRecords;
import org.springframework.stereotype.Component;

/** Identity's {@link PatientRecords} port, answered from the registry. */
@Component
class PatientRecordsAdapter implements PatientRecords {

    private final PatientDirectory directory;

    PatientRecordsAdapter(PatientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean exists(UUID patientId) {
        return directory.exists(patientId);
    }
}
