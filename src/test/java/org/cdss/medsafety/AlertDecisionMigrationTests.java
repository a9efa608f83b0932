package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.db.DatabaseVendor;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.support.DatabaseAvailable;
import org.cdss.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V46 settles the decisions that two requests on one alert stored before the unique key (the first of each alert is
 * kept) and then refuses a second one; on a scratch database of the vendor under test (tagged "db": H2, PostgreSQL,
 * MariaDB), Flyway configured as the application does.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class AlertDecisionMigrationTests {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456Z");

    private TestDatabase.Scratch scratch;
    private DriverManagerDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void scratchDatabase() {
        scratch = TestDatabase.scratch();
        dataSource = new DriverManagerDataSource(scratch.url(), scratch.user(), "");
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void dropIt() {
        scratch.close();
    }

    @Test
    void duplicate_decisions_stored_before_v46_keep_the_first_and_a_new_one_is_refused() {
        migrate(MigrationVersion.fromVersion("45"));
        UUID check = UUID.randomUUID();
        UUID otherCheck = UUID.randomUUID();
        // one alert decided three times (the override a second later, then one in the same microsecond as it), another
        // rule of the same check once, the same rule of another check once
        UUID first = decision(check, "ddi:simvastatin:clarithromycin", "ACCEPTED", T0);
        decision(check, "ddi:simvastatin:clarithromycin", "OVERRIDDEN", T0.plusSeconds(1));
        decision(check, "ddi:simvastatin:clarithromycin", "OVERRIDDEN", T0.plusSeconds(1));
        UUID otherRule = decision(check, "allergy:penicillin", "OVERRIDDEN", T0.plusSeconds(1));
        UUID otherCheckSameRule = decision(otherCheck, "ddi:simvastatin:clarithromycin", "OVERRIDDEN", T0);

        migrate(MigrationVersion.LATEST);

        List<UUID> kept = jdbc.sql("SELECT id FROM medsafety_alert_decision")
                .query((rs, n) -> UUID.fromString(rs.getString(1)))
                .list();
        assertThat(kept).containsExactlyInAnyOrder(first, otherRule, otherCheckSameRule);
        assertThatThrownBy(() -> decision(check, "allergy:penicillin", "ACCEPTED", T0.plusSeconds(5)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private UUID decision(UUID check, String rule, String action, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO medsafety_alert_decision (id, check_id, decided_at, rule_id, tier, action, kb_version)"
                        + " VALUES (:id, :check, :at, :rule, 'INTERRUPTIVE', :action, 'kb-test')")
                .param("id", id.toString())
                .param("check", check.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .param("rule", rule)
                .param("action", action)
                .update();
        return id;
    }

    private void migrate(MigrationVersion target) {
        DatabaseVendor vendor = DatabaseVendor.fromJdbcUrl(scratch.url());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", vendor.migrationLocation())
                .placeholders(vendor.flywayPlaceholders())
                .target(target)
                .load()
                .migrate();
    }
}
