package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local Orthanc's modality allowlist and its configuration file (unit tests, no Orthanc started). */
class LocalOrthancTests {

    @Test
    void modalitiesWithoutAHostAreLoopbackOnly() {
        assertThat(LocalOrthanc.modalityTable(List.of("MODALITY", " STORESCU ", "")))
                .containsEntry("modality", List.of("MODALITY", "127.0.0.1", 104))
                .containsEntry("storescu", List.of("STORESCU", "127.0.0.1", 104))
                .hasSize(2);
    }

    @Test
    void modalitiesWithHostAndPort() {
        assertThat(LocalOrthanc.modalityTable(List.of("CT1@10.1.2.30:11112", "MR1@10.1.2.31")))
                .containsEntry("ct1", List.of("CT1", "10.1.2.30", 11112))
                .containsEntry("mr1", List.of("MR1", "10.1.2.31", 104));
        assertThatThrownBy(() -> LocalOrthanc.modalityTable(List.of("@10.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfigurationIsReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orthanc.json");
        Files.writeString(file, "old");
        LocalOrthanc.writeOwnerOnly(file, "{\"RegisteredUsers\":{}}");
        assertThat(Files.readString(file)).isEqualTo("{\"RegisteredUsers\":{}}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
