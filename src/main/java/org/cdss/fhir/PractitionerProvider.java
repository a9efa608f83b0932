package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cdss.identity.DoctorView;
import org.cdss.identity.IdentityQueries;
import org.cdss.identity.StaffMember;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/**
 * {@code Practitioner} over {@link IdentityQueries}: read any staff member (name and active flag only, as order and
 * visit screens show them); search the doctors' directory (the one patients and clerks book from), by name and
 * department ({@code organization}).
 */
@Component
class PractitionerProvider implements IResourceProvider {

    private final IdentityQueries identity;

    PractitionerProvider(IdentityQueries identity) {
        this.identity = identity;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return identity.staffMember(FhirSearch.uuid(id))
                .map(PractitionerProvider::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Practitioner> search(
            @OptionalParam(name = Practitioner.SP_NAME) StringParam name,
            @OptionalParam(name = "organization") ReferenceParam organization) {
        UUID department = organization == null ? null : FhirSearch.uuid(organization.getIdPart(), "Organization");
        String wanted = name == null ? null : name.getValue().toLowerCase(Locale.ROOT);
        return identity.doctors(department).stream()
                .filter(d -> wanted == null
                        || d.displayName().toLowerCase(Locale.ROOT).contains(wanted))
                .map(PractitionerProvider::toFhir)
                .toList();
    }

    static Practitioner toFhir(StaffMember staff) {
        return practitioner(staff.id(), staff.displayName(), staff.active());
    }

    static Practitioner toFhir(DoctorView doctor) {
        return practitioner(doctor.id(), doctor.displayName(), true);
    }

    private static Practitioner practitioner(UUID id, String name, boolean active) {
        Practitioner p = new Practitioner();
        p.setId(new IdType("Practitioner", id.toString()));
        p.addIdentifier().setSystem(FhirCodes.STAFF_SYSTEM).setValue(id.toString());
        p.setActive(active);
        p.addName().setText(name);
        return p;
    }
}
