package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.cdss.scheduling.AppointmentQueries;
import org.cdss.scheduling.AppointmentView;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code Appointment} over {@link AppointmentQueries}: read; search by patient (the patient's appointments, as the
 * chart's timeline reads them) or by date range (the day list, at most 31 days; a patient gets only their own),
 * with practitioner and status.
 */
@Component
class AppointmentProvider implements IResourceProvider {

    private static final int MAX_PER_PATIENT = 500;
    private static final int MAX_DAYS = 31;

    private final AppointmentQueries appointments;
    private final ZoneId zone;

    AppointmentProvider(AppointmentQueries appointments, org.cdss.shared.HospitalZone zone) {
        this.appointments = appointments;
        this.zone = zone.zoneId();
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        return toFhir(appointments.get(FhirSearch.uuid(id)));
    }

    @Search
    public List<Appointment> search(
            @OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Appointment.SP_PRACTITIONER) ReferenceParam practitioner,
            @OptionalParam(name = Appointment.SP_STATUS) TokenOrListParam status) {
        List<AppointmentView> found;
        UUID doctor = practitioner == null ? null : FhirSearch.uuid(practitioner.getIdPart(), "Practitioner");
        if (patient != null) {
            found = appointments.forPatientTimeline(
                    FhirSearch.patient(patient),
                    date == null || date.getLowerBoundAsInstant() == null
                            ? null
                            : date.getLowerBoundAsInstant().toInstant(),
                    date == null || date.getUpperBoundAsInstant() == null
                            ? null
                            : date.getUpperBoundAsInstant().toInstant().plusMillis(1),
                    MAX_PER_PATIENT);
        } else if (date != null && date.getLowerBoundAsInstant() != null) {
            LocalDate from =
                    date.getLowerBoundAsInstant().toInstant().atZone(zone).toLocalDate();
            LocalDate to = date.getUpperBoundAsInstant() == null
                    ? from
                    : date.getUpperBoundAsInstant().toInstant().atZone(zone).toLocalDate();
            int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            if (days < 1 || days > MAX_DAYS) {
                throw new InvalidRequestException("date range must cover 1 to " + MAX_DAYS + " days");
            }
            found = appointments.list(from, days, null, doctor, null);
        } else {
            throw new InvalidRequestException("search by patient or by date");
        }
        return found.stream()
                .filter(a -> doctor == null || doctor.equals(a.doctorId()))
                .map(AppointmentProvider::toFhir)
                .filter(a -> FhirSearch.matchesCode(status, a.getStatus().toCode()))
                .filter(a -> patient == null || FhirSearch.in(date, a.getStart()))
                .toList();
    }

    static Appointment toFhir(AppointmentView view) {
        Appointment a = new Appointment();
        a.setId(new IdType("Appointment", view.id().toString(), Long.toString(view.version())));
        a.getMeta().setVersionId(Long.toString(view.version()));
        a.setStatus(
                switch (view.status()) {
                    case SCHEDULED -> Appointment.AppointmentStatus.BOOKED;
                    case CHECKED_IN -> Appointment.AppointmentStatus.CHECKEDIN;
                    case IN_CONSULTATION -> Appointment.AppointmentStatus.ARRIVED;
                    case COMPLETED -> Appointment.AppointmentStatus.FULFILLED;
                    case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
                    case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
                });
        a.setStart(FhirSearch.date(view.startsAt()));
        a.setEnd(FhirSearch.date(view.endsAt()));
        if (view.reason() != null && !view.reason().isBlank()) {
            a.setDescription(view.reason());
        }
        if (view.cancelReason() != null && !view.cancelReason().isBlank()) {
            a.getCancelationReason().setText(view.cancelReason());
        }
        a.addParticipant()
                .setActor(FhirSearch.ref("Patient", view.patientId(), view.patientName()))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        if (view.doctorId() != null) {
            a.addParticipant()
                    .setActor(FhirSearch.ref("Practitioner", view.doctorId(), view.doctorName()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        return a;
    }
}
