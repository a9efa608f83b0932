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
 * appointments settled and future ones open. On all three databases.
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
        assertThat(count("SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10")).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                + " WHERE u.username LIKE 'seed-doctor-%'")).isEqualTo(written.rows().get("appointment"))
                .isGreaterThan(100);
        // a second run into the same database is refused rather than duplicating
        assertThatThrownBy(() -> data.seed(plan)).isInstanceOf(IllegalStateException.class);

        // realistic shape
        List<String> phones = jdbc.sql("SELECT phone FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10")
                .query(String.class).list();
        assertThat(phones).hasSize(400).allMatch(p -> p.matches("010-[2-9]\\d{3}-\\d{4}"));
        assertThat(count("SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10"
                + " AND (birth_date >= DATE '2026-03-04' OR name_initials IS NULL OR rrn_encrypted IS NOT NULL)"))
                .isZero();
        long kims = count("SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%' AND LENGTH(mrn) = 10"
                + " AND name LIKE '김%'");
        assertThat(kims).isBetween(50L, 130L); // about 21.5 % of 400
        assertThat(count("SELECT COUNT(*) FROM (SELECT doctor_id, starts_at FROM appointment"
                + " WHERE status NOT IN ('CANCELLED', 'NO_SHOW') GROUP BY doctor_id, starts_at"
                + " HAVING COUNT(*) > 1) x")).isZero();
        assertThat(count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                + " WHERE u.username LIKE 'seed-doctor-%' AND ((a.starts_at < TIMESTAMP '2026-03-04 03:00:00'"
                + " AND a.status = 'SCHEDULED') OR (a.starts_at > TIMESTAMP '2026-03-04 03:00:00'"
                + " AND a.status IN ('COMPLETED', 'NO_SHOW')))")).isZero();
        assertThat(count("SELECT COUNT(DISTINCT status) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                + " WHERE u.username LIKE 'seed-doctor-%'")).isGreaterThanOrEqualTo(3);
        // every booked patient is known to the search's department ranking
        assertThat(count("SELECT COUNT(*) FROM appointment a JOIN app_user u ON u.id = a.doctor_id"
                + " WHERE u.username LIKE 'seed-doctor-%' AND NOT EXISTS (SELECT 1 FROM patient_department d"
                + " WHERE d.patient_id = a.patient_id AND d.department_id = a.department_id)")).isZero();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
