package org.cdss.patients;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change history of patients ({@code patient_change}): appended in the transaction of the change. */
@Repository
class PatientChanges {

    private final JdbcClient jdbc;

    PatientChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID patientId, CdssPrincipal by, String action, List<String> fields, Instant at) {
        jdbc.sql("""
                INSERT INTO patient_change (id, patient_id, changed_at, user_id, username, action, fields)
                VALUES (:id, :patientId, :at, :userId, :username, :action, :fields)""")
                .param("id", UUID.randomUUID().toString())
                .param("patientId", patientId.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .param("userId", by == null ? null : by.userId().toString())
                .param("username", by == null ? null : by.username())
                .param("action", action)
                .param("fields", fields.isEmpty() ? null : String.join(",", fields))
                .update();
    }

    List<PatientChangeView> of(UUID patientId) {
        return jdbc.sql("""
                SELECT changed_at, username, action, fields FROM patient_change WHERE patient_id = :patientId
                ORDER BY changed_at DESC, id""")
                .param("patientId", patientId.toString())
                .query((rs, n) -> new PatientChangeView(
                        UtcTimestamps.read(rs, "changed_at"),
                        rs.getString("username"),
                        rs.getString("action"),
                        rs.getString("fields") == null
                                ? List.of()
                                : Arrays.asList(rs.getString("fields").split(","))))
                .list();
    }
}
