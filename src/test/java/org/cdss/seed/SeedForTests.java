package org.cdss.seed;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets integration tests of other modules fill their database with {@code ./cdss seed}'s data, once per database. */
public final class SeedForTests {

    private SeedForTests() {}

    /** Seeds {@code patients} patients over {@code days} days up to {@code today} unless the database holds a seed. */
    public static void ensureSeeded(SyntheticData data, JdbcClient jdbc, int patients, int days, LocalDate today) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username LIKE :p")
                .param("p", StaffGenerator.USERNAME_PREFIX + "%")
                .query(Long.class)
                .single();
        if (existing == 0) {
            data.seed(new SeedPlan(patients, days, 17, today));
        }
    }
}
