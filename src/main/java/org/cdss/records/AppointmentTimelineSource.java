package org.cdss.records;

import java.util.List;
import java.util.Set;
import org.cdss.scheduling.AppointmentQueries;
import org.cdss.scheduling.AppointmentView;
import org.springframework.stereotype.Component;

/**
 * APPOINTMENT entries of the timeline, from scheduling (records may depend on scheduling, not the other way round):
 * when the appointment starts, its status as the code, the reason as the text, the doctor as the actor, and the
 * visit's encounter where one was opened for it.
 */
@Component
class AppointmentTimelineSource implements TimelineSource {

    static final String TYPE = "APPOINTMENT";

    private final AppointmentQueries appointments;
    private final Encounters encounters;

    AppointmentTimelineSource(AppointmentQueries appointments, Encounters encounters) {
        this.appointments = appointments;
        this.encounters = encounters;
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public List<TimelineEntry> newest(TimelineQuery query, int limit) {
        if (!query.wants(TYPE)) {
            return List.of();
        }
        return appointments.forPatientTimeline(query.patientId(), query.from(), query.to(), limit).stream()
                .map(this::entry)
                .toList();
    }

    @Override
    public long count(TimelineQuery query) {
        return query.wants(TYPE)
                ? appointments.countForPatientTimeline(query.patientId(), query.from(), query.to())
                : 0;
    }

    private TimelineEntry entry(AppointmentView a) {
        return new TimelineEntry(
                TYPE,
                a.id(),
                encounters.findByAppointmentId(a.id()).map(Encounter::id).orElse(null),
                a.startsAt(),
                a.status().name(),
                a.reason(),
                a.doctorName());
    }
}
