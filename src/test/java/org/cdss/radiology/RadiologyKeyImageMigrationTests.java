package org.cdss.radiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cdss.imaging.ImagingStudies;
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
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V43 rebuilds the key-image table; this runs it over key images marked before it (by position), on a scratch
 * database of the vendor under test (tagged "db": the build runs it on H2, PostgreSQL and MariaDB). Flyway is
 * configured as the application's {@code DatabaseConfiguration} does: db/migration plus the vendor's folder, the
 * vendor's placeholders.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class RadiologyKeyImageMigrationTests {

    private static final String SERIES_A = "1.2.840.113619.2.55.3.1";
    private static final String SERIES_B = "1.2.840.113619.2.55.3.2";
    private static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123456Z");

    private TestDatabase.Scratch scratch;
    private DriverManagerDataSource dataSource;
    private JdbcClient jdbc;

    private final UUID department = UUID.randomUUID();
    private final UUID radiologist = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID report = UUID.randomUUID();
    private final UUID study = UUID.randomUUID();

    @BeforeEach
    void scratchDatabase() {
        scratch = TestDatabase.scratch();
        // a new connection for each statement, so the one Flyway created the tables on is closed before the inserts:
        // H2 2.4.240 bound an IN-list CHECK (radiology_report's status) to the session that created it, and every
        // insert after that session closed failed ("Check constraint invalid", h2database#4302; ADR 0051) — as the
        // application's pool does once it retires Flyway's connection
        dataSource = new DriverManagerDataSource(scratch.url(), scratch.user(), "");
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void dropIt() {
        scratch.close();
    }

    @Test
    void key_images_marked_by_position_survive_v43_and_are_still_shown_by_position() {
        migrate(MigrationVersion.fromVersion("42"));
        insertReportWithItsOrderPatientAndUsers();
        List<OldKeyImage> old = List.of(
                new OldKeyImage(UUID.randomUUID(), SERIES_A, 7, T0),
                new OldKeyImage(UUID.randomUUID(), SERIES_A, 2, T0.plusSeconds(40)),
                new OldKeyImage(UUID.randomUUID(), SERIES_B, 0, T0.plusSeconds(95)));
        for (OldKeyImage k : old) {
            jdbc.sql("INSERT INTO radiology_key_image (id, report_id, study_id, series_uid, instance_index, added_by,"
                            + " added_at) VALUES (:id, :r, :s, :series, :i, :by, :at)")
                    .param("id", k.id().toString())
                    .param("r", report.toString())
                    .param("s", study.toString())
                    .param("series", k.series())
                    .param("i", k.index())
                    .param("by", radiologist.toString())
                    .param("at", UtcTimestamps.toColumn(k.addedAt()))
                    .update();
        }

        migrate(MigrationVersion.LATEST);

        List<NewKeyImage> rows = jdbc.sql("SELECT * FROM radiology_report_key_image ORDER BY added_at")
                .query((rs, n) -> new NewKeyImage(
                        UUID.fromString(rs.getString("id")),
                        UUID.fromString(rs.getString("report_id")),
                        UUID.fromString(rs.getString("study_id")),
                        rs.getString("series_uid"),
                        rs.getString("sop_instance_uid"),
                        rs.getObject("instance_index", Integer.class),
                        rs.getObject("instance_number", Integer.class),
                        rs.getString("series_description"),
                        UUID.fromString(rs.getString("added_by")),
                        UtcTimestamps.read(rs, "added_at")))
                .list();
        assertThat(rows)
                .containsExactlyElementsOf(old.stream()
                        .map(k -> new NewKeyImage(
                                k.id(),
                                report,
                                study,
                                k.series(),
                                null,
                                k.index(),
                                null,
                                null,
                                radiologist,
                                k.addedAt()))
                        .toList());

        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM radiology_key_image")
                        .query(Integer.class)
                        .single())
                .as("the old table is dropped")
                .isInstanceOf(BadSqlGrammarException.class);

        // what the report, the portal and the PDF read: no SOP UID, so shown by the position marked
        List<KeyImageView> shown = new ReportStore(jdbc).keyImages(report);
        assertThat(shown)
                .extracting(KeyImageView::id, KeyImageView::sopInstanceUid, KeyImageView::instanceIndex)
                .containsExactly(
                        tuple(old.get(0).id(), null, 7),
                        tuple(old.get(1).id(), null, 2),
                        tuple(old.get(2).id(), null, 0));
        assertThat(shown)
                .extracting(KeyImageView::previewUrl)
                .containsExactly(
                        ImagingStudies.positionUrl(study, SERIES_A, 7),
                        ImagingStudies.positionUrl(study, SERIES_A, 2),
                        ImagingStudies.positionUrl(study, SERIES_B, 0));
        assertThat(shown).extracting(KeyImageView::addedAt).containsExactly(T0, T0.plusSeconds(40), T0.plusSeconds(95));
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

    /** The minimum a pre-V43 key image hangs on: report → imaging order → patient, department, users. */
    private void insertReportWithItsOrderPatientAndUsers() {
        Object at = UtcTimestamps.toColumn(T0.minusSeconds(3600));
        jdbc.sql("INSERT INTO department (id, code, name_ko, name_en, active, created_at)"
                        + " VALUES (:id, 'MIGRATION_TEST', '영상의학과', 'Radiology', TRUE, :at)")
                .param("id", department.toString())
                .param("at", at)
                .update();
        for (UUID user : List.of(radiologist, doctor)) {
            jdbc.sql("INSERT INTO app_user (id, username, display_name, password_hash, active, failed_logins,"
                            + " password_changed_at, created_at, updated_at, version)"
                            + " VALUES (:id, :u, :u, 'x', TRUE, 0, :at, :at, :at, 0)")
                    .param("id", user.toString())
                    .param("u", "migration-" + user.toString().substring(0, 8))
                    .param("at", at)
                    .update();
        }
        jdbc.sql("INSERT INTO patient (id, mrn, name, birth_date, sex, active, created_at, updated_at, version)"
                        + " VALUES (:id, 'MIG-0001', 'Test Patient', :born, 'F', TRUE, :at, :at, 0)")
                .param("id", patient.toString())
                .param("born", LocalDate.of(1961, 4, 2))
                .param("at", at)
                .update();
        jdbc.sql(
                        "INSERT INTO clinical_order (id, order_number, patient_id, order_type, priority, priority_rank, status,"
                                + " target_department_id, ordered_by, due_at, intended_duplicate, img_modality, img_body_part,"
                                + " created_at, updated_at, sent_at, version) VALUES (:id, 'ORD-MIG-1', :p, 'IMAGING',"
                                + " 'ROUTINE', 0, 'COMPLETED', :d, :by, :at, FALSE, 'CT', 'CHEST', :at, :at, :at, 1)")
                .param("id", order.toString())
                .param("p", patient.toString())
                .param("d", department.toString())
                .param("by", doctor.toString())
                .param("at", at)
                .update();
        jdbc.sql("INSERT INTO radiology_report (id, order_id, order_number, patient_id, ordered_by, department_id,"
                        + " modality, body_part, procedure_text, code_system, code, code_display, breast_imaging,"
                        + " status, critical_finding, created_by, created_at, updated_by, updated_at, version)"
                        + " VALUES (:id, :o, 'ORD-MIG-1', :p, :doc, :d, 'CT', 'CHEST', 'CT chest', 'http://loinc.org',"
                        + " '24627-2', 'CT Chest', FALSE, 'DRAFT', FALSE, :rad, :at, :rad, :at, 0)")
                .param("id", report.toString())
                .param("o", order.toString())
                .param("p", patient.toString())
                .param("doc", doctor.toString())
                .param("d", department.toString())
                .param("rad", radiologist.toString())
                .param("at", at)
                .update();
    }

    private record OldKeyImage(UUID id, String series, int index, Instant addedAt) {}

    private record NewKeyImage(
            UUID id,
            UUID reportId,
            UUID studyId,
            String seriesUid,
            String sopInstanceUid,
            Integer instanceIndex,
            Integer instanceNumber,
            String seriesDescription,
            UUID addedBy,
            Instant addedAt) {}
}
