package org.cdss.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./cdss seed}: the same plan gives the same rows (digest of every generated row), the rows written are the
 * rows generated, and they look like a clinic: valid phones, birth dates in the past, no double-booked slot, past
 * appointments settled and future ones open, completed ones with a finished visit. On all three databases.
 */
@IntegrationTest
class SyntheticDataIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Autowired
    SyntheticData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void same_seed_same_rows_and_the_database_holds_them() {
        SeedPlan plan = new SeedPlan(400, 14, 42, TODAY);
        var first = data.dryRun(plan);
        var second = data.dryRun(plan);
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(data.dryRun(new SeedPlan(400, 14, 43, TODAY)).digest()).isNotEqualTo(first.digest());

        var written = data.seed(plan);
        assertThat(written.digest()).isEqualTo(first.digest());
        assertThat(written.rows()).isEqualTo(first.rows());
        assertThat(count("SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10"))
                .isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                        + " WHERE u.username LIKE 'seed-doctor-%'"))
                .isEqualTo(written.rows().get("appointment"))
                .isGreaterThan(100);
        // a second run into the same database is refused rather than duplicating
        assertThatThrownBy(() -> data.seed(plan)).isInstanceOf(IllegalStateException.class);

        // realistic shape
        List<String> phones = jdbc.sql("SELECT phone FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10")
                .query(String.class)
                .list();
        assertThat(phones).hasSize(400).allMatch(p -> p.matches("010-[2-9]\\d{3}-\\d{4}"));
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10"
                                        + " AND (birth_date >= DATE '2026-03-04' OR name_initials IS NULL OR rrn_encrypted IS NOT NULL)"))
                .isZero();
        long kims =
                count("SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10" + " AND name LIKE '김%'");
        assertThat(kims).isBetween(50L, 130L); // about 21.5 % of 400
        assertThat(count("SELECT COUNT(*) FROM (SELECT doctor_id, starts_at FROM appointment"
                        + " WHERE status NOT IN ('CANCELLED', 'NO_SHOW') GROUP BY doctor_id, starts_at"
                        + " HAVING COUNT(*) > 1) x"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                        + " WHERE u.username LIKE 'seed-doctor-%' AND ((a.starts_at < TIMESTAMP '2026-03-04 03:00:00'"
                        + " AND a.status = 'SCHEDULED') OR (a.starts_at > TIMESTAMP '2026-03-04 03:00:00'"
                        + " AND a.status IN ('COMPLETED', 'NO_SHOW')))"))
                .isZero();
        assertThat(count("SELECT COUNT(DISTINCT status) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                        + " WHERE u.username LIKE 'seed-doctor-%'"))
                .isGreaterThanOrEqualTo(3);
        // every booked patient is known to the search's department ranking
        assertThat(count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                        + " WHERE u.username LIKE 'seed-doctor-%' AND NOT EXISTS (SELECT 1 FROM patient_department d"
                        + " WHERE d.patient_id = a.patient_id AND d.department_id = a.department_id)"))
                .isZero();

        // every completed appointment became a finished visit with a note, vitals and a coded diagnosis
        long completed = count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                + " WHERE u.username LIKE 'seed-doctor-%' AND a.status = 'COMPLETED'");
        assertThat(completed).isGreaterThan(50);
        assertThat(written.rows().get("encounter")).isEqualTo(completed);
        assertThat(count("SELECT COUNT(*) FROM encounter e JOIN appointment a ON a.id = e.appointment_id"
                        + " JOIN app_user u ON u.id = e.doctor_id AND u.username LIKE 'seed-doctor-%'"
                        + " WHERE a.status = 'COMPLETED' AND e.status = 'FINISHED' AND e.ended_at > e.started_at"
                        + " AND e.patient_id = a.patient_id AND e.doctor_id = a.doctor_id"
                        + " AND e.department_id = a.department_id"))
                .isEqualTo(completed);
        for (String table : List.of("clinical_note", "vital_signs", "encounter_diagnosis")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " x JOIN encounter e ON e.id = x.encounter_id"
                            + " JOIN app_user u ON u.id = e.doctor_id AND u.username LIKE 'seed-doctor-%'"
                            + " WHERE x.patient_id = e.patient_id"))
                    .as(table)
                    .isEqualTo(completed);
        }
        assertThat(count("SELECT COUNT(*) FROM vital_signs v JOIN encounter e ON e.id = v.encounter_id"
                        + " JOIN app_user u ON u.id = e.doctor_id AND u.username LIKE 'seed-doctor-%'"
                        + " WHERE v.bmi < 10 OR v.bmi > 45 OR v.systolic <= v.diastolic"))
                .isZero();
        assertThat(jdbc.sql("SELECT DISTINCT d.code FROM encounter_diagnosis d JOIN encounter e"
                                + " ON e.id = d.encounter_id JOIN app_user u ON u.id = e.doctor_id"
                                + " AND u.username LIKE 'seed-doctor-%'")
                        .query(String.class)
                        .list())
                .hasSizeGreaterThan(3)
                .allMatch(c -> c.matches("[A-Z]\\d{2}(\\.\\d{1,2})?"));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
