package org.cdss.seed;

import java.time.LocalDate;

/**
 * What to generate: {@code patients} patients and {@code days} days of clinic ending a week after {@code today}
 * (past appointments are completed, no-shows or cancelled; later ones scheduled). Same plan, same rows.
 */
record SeedPlan(int patients, int days, long seed, LocalDate today) {

    SeedPlan {
        if (patients < 1 || days < 1) {
            throw new IllegalArgumentException("patients and days must be at least 1");
        }
    }

    /** Doctors in proportion to the patients: one per 4 000, at least four. */
    int doctors() {
        return Math.max(4, patients / 4000);
    }
}
