package org.cdss.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is for admins only, and the copy in {@code frontend/openapi.json} (from which the web UI's
 * types are generated at build time) must match it: refresh it with {@code ./cdss openapi}.
 */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

    static final Path SNAPSHOT = Path.of("frontend/openapi.json");
    static final JsonMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void the_document_and_swagger_ui_are_for_admins_only() {
        ApiClient doctor = new ApiClient(port);
        doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD);
        assertThat(doctor.get("/v3/api-docs").status()).isEqualTo(403);
        assertThat(doctor.get("/swagger-ui/index.html").status()).isEqualTo(403);
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        assertThat(admin.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void the_frontend_snapshot_matches_the_live_document() throws Exception {
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        var response = admin.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode live = normalise(response.json());
        assertThat(live.path("paths").has("/api/admin/users")).isTrue();
        String liveText = PRETTY.writeValueAsString(PRETTY.treeToValue(live, Object.class)) + "\n";
        if (Boolean.getBoolean("cdss.openapi.write")) {
            Files.writeString(SNAPSHOT, liveText);
        }
        assertThat(Files.exists(SNAPSHOT))
                .as("frontend/openapi.json exists (./cdss openapi)")
                .isTrue();
        assertThat(Files.readString(SNAPSHOT))
                .as("frontend/openapi.json is stale: run ./cdss openapi")
                .isEqualTo(liveText);
    }

    /** Drops what changes from run to run (the server URL with its random port). */
    private static JsonNode normalise(JsonNode doc) {
        var copy = (tools.jackson.databind.node.ObjectNode) doc.deepCopy();
        copy.remove("servers");
        return copy;
    }
}
