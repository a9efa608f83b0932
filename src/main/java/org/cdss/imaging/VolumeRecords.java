package org.cdss.imaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code imaging_volume} (JdbcClient): research volumes stored under CDSS_HOME. */
@Component
class VolumeRecords {

    record VolumeRow(
            UUID id,
            UUID patientId,
            String fileName,
            String storagePath,
            String sha256,
            long sizeBytes,
            boolean compressed,
            int niftiVersion,
            String dimensions,
            String voxelSize,
            String datatype,
            @Nullable String description,
            UUID uploadedBy,
            Instant uploadedAt) {

        VolumeView view() {
            return new VolumeView(
                    id,
                    patientId,
                    fileName,
                    sizeBytes,
                    sha256,
                    niftiVersion,
                    dimensions,
                    voxelSize,
                    datatype,
                    description,
                    uploadedAt);
        }
    }

    private static final String COLUMNS = "id, patient_id, file_name, storage_path, sha256, size_bytes, compressed,"
            + " nifti_version, dimensions, voxel_size, datatype, description, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    VolumeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VolumeRow> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imaging_volume WHERE id = :id")
                .param("id", id.toString())
                .query(VolumeRecords::row)
                .optional();
    }

    Optional<VolumeRow> byContent(UUID patientId, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imaging_volume WHERE patient_id = :p AND sha256 = :s")
                .param("p", patientId.toString())
                .param("s", sha256)
                .query(VolumeRecords::row)
                .optional();
    }

    List<VolumeRow> ofPatient(UUID patientId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM imaging_volume WHERE patient_id = :p ORDER BY uploaded_at DESC, id")
                .param("p", patientId.toString())
                .query(VolumeRecords::row)
                .list();
    }

    void insert(VolumeRow v) {
        jdbc.sql("INSERT INTO imaging_volume (" + COLUMNS + ") VALUES (:id, :patient, :name, :path, :sha, :size,"
                        + " :compressed, :version, :dims, :voxel, :type, :descr, :by, :at)")
                .param("id", v.id().toString())
                .param("patient", v.patientId().toString())
                .param("name", v.fileName())
                .param("path", v.storagePath())
                .param("sha", v.sha256())
                .param("size", v.sizeBytes())
                .param("compressed", v.compressed())
                .param("version", v.niftiVersion())
                .param("dims", v.dimensions())
                .param("voxel", v.voxelSize())
                .param("type", v.datatype())
                .param("descr", v.description())
                .param("by", v.uploadedBy().toString())
                .param("at", UtcTimestamps.toColumn(v.uploadedAt()))
                .update();
    }

    private static VolumeRow row(ResultSet rs, int n) throws SQLException {
        return new VolumeRow(
                UUID.fromString(rs.getString("id").trim()),
                UUID.fromString(rs.getString("patient_id").trim()),
                rs.getString("file_name"),
                rs.getString("storage_path"),
                rs.getString("sha256").trim(),
                rs.getLong("size_bytes"),
                rs.getBoolean("compressed"),
                rs.getInt("nifti_version"),
                rs.getString("dimensions"),
                rs.getString("voxel_size"),
                rs.getString("datatype"),
                rs.getString("description"),
                UUID.fromString(rs.getString("uploaded_by").trim()),
                UtcTimestamps.read(rs, "uploaded_at"));
    }
}
