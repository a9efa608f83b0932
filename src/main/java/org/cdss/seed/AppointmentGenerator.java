package org.cdss.seed;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.stereotype.Component;

/**
 * Appointments in the synthetic doctors' slots over the plan's days (ending a week after today): about two slots in
 * three are booked, each slot at most once. Past appointments are completed (88 %), no-shows (8 %) or cancelled;
 * later ones scheduled (5 % cancelled). Cancelled and no-show appointments release their slot key, as the
 * scheduling module does (ADR 0006). Each booking also notes the patient's department for the search ranking; completed ones are handed on to the
 * {@link EncounterGenerator}.
 */
@Component
class AppointmentGenerator implements SeedGenerator {

    private static final String INSERT = "INSERT INTO appointment (id, patient_id, doctor_id, department_id,"
            + " starts_at, ends_at, status, reason, checked_in_at, active_slot, booked_by, created_at, updated_at,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String[] REASONS = {"정기 진료", "초진", "검사 결과 상담", "처방 갱신", "수술 후 경과 관찰", "기침, 발열", "흉통", "호흡곤란"};

    @Override
    public String kind() {
        return "appointments";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void generate(SeedContext context) {
        SplittableRandom random = context.random(kind());
        LocalDate last = context.plan.today().plusDays(7);
        LocalDate first = last.minusDays(context.plan.days() - 1L);
        Set<Long> seen = new HashSet<>(); // patient index * departments + department index
        long n = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (SeedContext.Doctor doctor : context.doctors) {
                for (LocalTime t = StaffGenerator.OPENS;
                        t.isBefore(StaffGenerator.CLOSES);
                        t = t.plusMinutes(StaffGenerator.SLOT_MINUTES)) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    int patient = random.nextInt(context.plan.patients());
                    Instant start = day.atTime(t).atZone(context.zone).toInstant();
                    Instant end = start.plusSeconds(StaffGenerator.SLOT_MINUTES * 60L);
                    int roll = random.nextInt(100);
                    String status;
                    if (start.isBefore(context.now)) {
                        status = roll < 88 ? "COMPLETED" : roll < 96 ? "NO_SHOW" : "CANCELLED";
                    } else {
                        status = roll < 95 ? "SCHEDULED" : "CANCELLED";
                    }
                    boolean holdsSlot = status.equals("COMPLETED") || status.equals("SCHEDULED");
                    Instant booked = start.minusSeconds(86_400L * (1 + random.nextInt(30)));
                    if (booked.isAfter(context.now)) {
                        booked = context.now;
                    }
                    UUID patientId = context.patientId(patient);
                    UUID appointmentId = context.id("appointment", n++);
                    if (status.equals("COMPLETED")) {
                        context.completedVisits.add(
                                new SeedContext.CompletedVisit(appointmentId, patientId, doctor, start));
                    }
                    context.writer.insert(
                            "appointment",
                            INSERT,
                            appointmentId.toString(),
                            patientId.toString(),
                            doctor.id().toString(),
                            doctor.departmentId().toString(),
                            UtcTimestamps.toColumn(start),
                            UtcTimestamps.toColumn(end),
                            status,
                            REASONS[random.nextInt(REASONS.length)],
                            status.equals("COMPLETED") ? UtcTimestamps.toColumn(start.minusSeconds(600)) : null,
                            holdsSlot ? doctor.id() + "|" + start.getEpochSecond() : null,
                            doctor.id().toString(),
                            UtcTimestamps.toColumn(booked),
                            UtcTimestamps.toColumn(booked));
                    int department = context.clinicalDepartments.indexOf(doctor.departmentId());
                    if (seen.add((long) patient * context.clinicalDepartments.size() + department)) {
                        context.writer.insert(
                                "patient_department",
                                "INSERT INTO patient_department (patient_id,"
                                        + " department_id, last_seen_at) VALUES (?, ?, ?)",
                                patientId.toString(),
                                doctor.departmentId().toString(),
                                UtcTimestamps.toColumn(start));
                    }
                }
            }
        }
    }
}
