package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.cdss.identity.DepartmentView;
import org.cdss.identity.DoctorView;
import org.cdss.identity.IdentityQueries;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.springframework.stereotype.Component;

/**
 * {@code PractitionerRole} over the doctors' directory ({@link IdentityQueries#doctors}): one role per doctor and
 * department, id {@code <doctor id>-<department code>} ({@link #idPart}) (within FHIR's 64 characters). Read resolves it through the
 * same directory; search by {@code practitioner} and {@code organization}.
 */
@Component
class PractitionerRoleProvider implements IResourceProvider {

    static final String DOCTOR_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";

    private final IdentityQueries identity;

    PractitionerRoleProvider(IdentityQueries identity) {
        this.identity = identity;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Read
    public PractitionerRole read(@IdParam IdType id) {
        String value = id.getIdPart();
        if (value == null || value.length() < 38 || value.charAt(36) != '-') {
            throw new ResourceNotFoundException(id);
        }
        UUID doctor = FhirSearch.uuid(value.substring(0, 36), null);
        String code = value.substring(37);
        return identity.doctors(null).stream()
                .filter(d -> d.id().equals(doctor))
                .flatMap(d -> d.departments().stream()
                        .filter(dep -> idPart(dep).equals(code))
                        .map(dep -> toFhir(d, dep)))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<PractitionerRole> search(
            @OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner,
            @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization) {
        UUID department = organization == null ? null : FhirSearch.uuid(organization.getIdPart(), "Organization");
        UUID doctor = practitioner == null ? null : FhirSearch.uuid(practitioner.getIdPart(), "Practitioner");
        return identity.doctors(null).stream()
                .filter(d -> doctor == null || d.id().equals(doctor))
                .flatMap(d -> d.departments().stream()
                        .filter(dep -> department == null || dep.id().equals(department))
                        .map(dep -> toFhir(d, dep)))
                .toList();
    }

    /** The department's code as FHIR ids allow it ({@code A-Z a-z 0-9 - .}: {@code FRONT_OFFICE} → {@code FRONT.OFFICE}). */
    static String idPart(DepartmentView department) {
        return department.code().replaceAll("[^A-Za-z0-9.-]", ".");
    }

    static PractitionerRole toFhir(DoctorView doctor, DepartmentView department) {
        PractitionerRole role = new PractitionerRole();
        role.setId(new IdType("PractitionerRole", doctor.id() + "-" + idPart(department)));
        role.setActive(true);
        role.setPractitioner(FhirSearch.ref("Practitioner", doctor.id(), doctor.displayName()));
        role.setOrganization(FhirSearch.ref("Organization", department.id(), null));
        role.addCode(new CodeableConcept(new Coding(DOCTOR_ROLE, "doctor", "Doctor")));
        return role;
    }
}
