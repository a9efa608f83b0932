package org.cdss.fhir;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.patients.PatientView;
import org.cdss.patients.Sex;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code Patient} over {@link PatientDirectory}: read is the chart's patient read, search the registry search (staff
 * who may search; a patient reads only their own record). The resident registration number is never sent: the
 * identifier says one is on file, its value masked ({@code data-absent-reason = masked}).
 */
@Component
class PatientProvider implements IResourceProvider {

    private final PatientDirectory directory;
    private final org.cdss.patients.PatientManagement management;
    private final FhirWrites writes;

    PatientProvider(PatientDirectory directory, org.cdss.patients.PatientManagement management, FhirWrites writes) {
        this.directory = directory;
        this.management = management;
        this.writes = writes;
    }

    /**
     * Registers a patient (the registry's roles, a new MRN): name, Latin name, birth date, sex, phone, address. The
     * resident registration number is not taken over FHIR (it is entered at the front desk).
     */
    @ca.uhn.fhir.rest.annotation.Create
    public ca.uhn.fhir.rest.api.MethodOutcome create(@ca.uhn.fhir.rest.annotation.ResourceParam Patient patient) {
        var request = writes.valid(new org.cdss.patients.PatientRequests.RegisterPatientRequest(
                name(patient),
                latinName(patient),
                birthDate(patient),
                sex(patient),
                phone(patient),
                patient.hasAddress() ? patient.getAddressFirstRep().getText() : null,
                null,
                null,
                null,
                null));
        return FhirWrites.outcome(toFhir(management.register(request.demographics(), null)), true);
    }

    /**
     * Edits the demographics at the version named in {@code If-Match} (412 without it or when another edit came
     * first); what FHIR's Patient does not carry (blood type, emergency contact) is kept.
     */
    @ca.uhn.fhir.rest.annotation.Update
    public ca.uhn.fhir.rest.api.MethodOutcome update(
            @IdParam IdType id, @ca.uhn.fhir.rest.annotation.ResourceParam Patient patient) {
        long version = FhirWrites.ifMatch(id);
        PatientView current = directory.detail(FhirSearch.uuid(id));
        var request = writes.valid(new org.cdss.patients.PatientRequests.UpdatePatientRequest(
                version,
                name(patient),
                latinName(patient),
                birthDate(patient),
                sex(patient),
                phone(patient),
                patient.hasAddress() ? patient.getAddressFirstRep().getText() : null,
                current.bloodType(),
                current.emergencyContactName(),
                current.emergencyContactPhone(),
                null));
        return FhirWrites.outcome(
                toFhir(management.update(current.id(), version, request.demographics(), null)), false);
    }

    private static String name(Patient p) {
        return p.getName().stream()
                .filter(n ->
                        n.getUse() != HumanName.NameUse.USUAL || p.getName().size() == 1)
                .map(PatientProvider::text)
                .findFirst()
                .orElse(null);
    }

    private static String latinName(Patient p) {
        if (p.getName().size() < 2) {
            return null;
        }
        return p.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.USUAL)
                .map(PatientProvider::text)
                .findFirst()
                .orElse(null);
    }

    private static String text(HumanName n) {
        if (n.hasText()) {
            return n.getText();
        }
        String given = n.getGiven().stream().map(g -> g.getValue()).collect(java.util.stream.Collectors.joining(" "));
        return (n.getFamily() == null ? "" : n.getFamily()) + given;
    }

    private static java.time.LocalDate birthDate(Patient p) {
        if (p.hasBirthDate()
                && p.getBirthDateElement().getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            throw FhirWrites.invalid("birthDate must be a full date (YYYY-MM-DD)");
        }
        return p.hasBirthDate()
                ? java.time.LocalDate.parse(p.getBirthDateElement().getValueAsString())
                : null;
    }

    private static Sex sex(Patient p) {
        if (!p.hasGender()) {
            return null;
        }
        return switch (p.getGender()) {
            case MALE -> Sex.M;
            case FEMALE -> Sex.F;
            case OTHER -> Sex.O;
            default -> Sex.U;
        };
    }

    private static String phone(Patient p) {
        return p.getTelecom().stream()
                .filter(t -> t.getSystem() == org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
                .map(t -> t.getValue())
                .findFirst()
                .orElse(null);
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read(version = false)
    public Patient read(@IdParam IdType id) {
        return toFhir(directory.detail(FhirSearch.uuid(id)));
    }

    @Search
    public IBundleProvider search(
            @Description(shortDefinition = "Name (Korean or Latin), or its Korean initial consonants")
                    @OptionalParam(name = Patient.SP_NAME)
                    StringParam name,
            @Description(shortDefinition = "MRN (system urn:cdss:id:mrn)") @OptionalParam(name = Patient.SP_IDENTIFIER)
                    TokenParam identifier,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthdate) {
        String q;
        if (identifier != null) {
            if (identifier.getSystem() != null && !FhirCodes.MRN_SYSTEM.equals(identifier.getSystem())) {
                return new PagedSearch<PatientSummaryView, Patient>(
                        (page, size) -> org.cdss.shared.PageView.of(List.of(), page, size, 0), PatientProvider::toFhir);
            }
            q = identifier.getValue();
        } else if (name != null) {
            q = name.getValue();
        } else if (birthdate != null && birthdate.getLowerBound() != null && birthdate.getUpperBound() != null) {
            q = birthdate
                    .getLowerBoundAsInstant()
                    .toInstant()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .toString();
        } else {
            q = "";
        }
        if (q == null) {
            throw new InvalidRequestException("empty search value");
        }
        String exactMrn = identifier == null ? null : identifier.getValue();
        return new PagedSearch<PatientSummaryView, Patient>(
                (page, size) -> directory.search(q, "all", page, size, null),
                summary -> (exactMrn != null && !exactMrn.equals(summary.mrn()))
                                || (birthdate != null
                                        && !FhirSearch.in(
                                                birthdate,
                                                Date.from(summary.birthDate()
                                                        .atStartOfDay(ZoneOffset.UTC)
                                                        .toInstant())))
                        ? null
                        : toFhir(summary));
    }

    static Patient toFhir(PatientSummaryView view) {
        Patient patient = base(view.id().toString(), view.mrn(), view.name(), view.nameLatin(), view.sex());
        patient.setBirthDate(java.sql.Date.valueOf(view.birthDate()));
        patient.setActive(view.active());
        return patient;
    }

    static Patient toFhir(PatientView view) {
        Patient patient = base(view.id().toString(), view.mrn(), view.name(), view.nameLatin(), view.sex());
        patient.setId(new IdType("Patient", view.id().toString(), Long.toString(view.version())));
        patient.getMeta().setVersionId(Long.toString(view.version()));
        patient.getMeta()
                .setLastUpdated(FhirSearch.date(view.updatedAt() == null ? view.createdAt() : view.updatedAt()));
        patient.setBirthDate(java.sql.Date.valueOf(view.birthDate()));
        patient.setActive(view.active());
        if (view.rrnMasked() != null && !view.rrnMasked().isBlank()) {
            Identifier rrn = patient.addIdentifier()
                    .setUse(Identifier.IdentifierUse.OFFICIAL)
                    .setSystem(FhirCodes.RRN_SYSTEM)
                    .setType(new CodeableConcept(
                            new Coding(FhirCodes.V2_0203, "NI", "National unique individual identifier")));
            StringType masked = new StringType();
            masked.addExtension(FhirCodes.DATA_ABSENT, new CodeType("masked"));
            rrn.setValueElement(masked);
        }
        if (view.phone() != null && !view.phone().isBlank()) {
            patient.addTelecom()
                    .setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
                    .setValue(view.phone());
        }
        if (view.address() != null && !view.address().isBlank()) {
            patient.addAddress().setText(view.address());
        }
        if (view.mergedInto() != null) {
            patient.addLink()
                    .setOther(FhirSearch.ref("Patient", view.mergedInto(), null))
                    .setType(Patient.LinkType.REPLACEDBY);
        }
        return patient;
    }

    private static Patient base(String id, String mrn, String name, String nameLatin, Sex sex) {
        Patient patient = new Patient();
        patient.setId(new IdType("Patient", id));
        patient.addIdentifier()
                .setUse(Identifier.IdentifierUse.USUAL)
                .setType(new CodeableConcept(new Coding(FhirCodes.V2_0203, "MR", "Medical record number")))
                .setSystem(FhirCodes.MRN_SYSTEM)
                .setValue(mrn);
        HumanName korean = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(name);
        korean.addExtension("http://hl7.org/fhir/StructureDefinition/language", new CodeType("ko"));
        if (nameLatin != null && !nameLatin.isBlank()) {
            patient.addName().setUse(HumanName.NameUse.USUAL).setText(nameLatin);
        }
        patient.setGender(
                switch (sex) {
                    case M -> AdministrativeGender.MALE;
                    case F -> AdministrativeGender.FEMALE;
                    case O -> AdministrativeGender.OTHER;
                    case U -> AdministrativeGender.UNKNOWN;
                });
        return patient;
    }
}
