package org.cdss.seed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** What generators share: the plan, the writer, the hospital's zone, and what earlier generators made. */
final class SeedContext {

    /** A synthetic doctor and the department whose clinic they hold. */
    record Doctor(UUID id, UUID departmentId, String displayName) {}

    /** A completed appointment, for the visit (encounter) written for it. */
    record CompletedVisit(UUID appointmentId, UUID patientId, Doctor doctor, Instant startsAt) {}

    final SeedPlan plan;
    final SeedWriter writer;
    final ZoneId zone;
    /** The instant that splits past from future appointments: noon of {@code plan.today()}, so runs repeat. */
    final Instant now;

    final List<UUID> clinicalDepartments;
    final List<Doctor> doctors = new ArrayList<>();
    /** Past completed appointments, in the order they were generated. */
    final List<CompletedVisit> completedVisits = new ArrayList<>();

    final String passwordHash;

    SeedContext(SeedPlan plan, SeedWriter writer, ZoneId zone, List<UUID> clinicalDepartments, String passwordHash) {
        this.plan = plan;
        this.writer = writer;
        this.zone = zone;
        this.now = plan.today().atTime(12, 0).atZone(zone).toInstant();
        this.clinicalDepartments = List.copyOf(clinicalDepartments);
        this.passwordHash = passwordHash;
    }

    /** A random stream of its own for one generator, from the seed and the generator's kind. */
    SplittableRandom random(String kind) {
        return new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + kind.hashCode());
    }

    /** The id of the i-th synthetic patient (0-based): derived, not stored, so a million need no memory. */
    UUID patientId(int index) {
        return id("patient", index);
    }

    UUID id(String kind, long index) {
        return UUID.nameUUIDFromBytes((plan.seed() + ":" + kind + ":" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** Synthetic MRNs have ten digits starting with 9; registered ones have eight, so they never collide. */
    static String mrn(int index) {
        return String.format("9%09d", index);
    }
}
