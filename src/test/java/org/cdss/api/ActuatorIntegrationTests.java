package org.cdss.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ActuatorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void health_probes_are_public_and_readiness_includes_the_database() {
        ApiClient anyone = new ApiClient(port);
        assertThat(anyone.get("/actuator/health/liveness").text("status")).isEqualTo("UP");
        assertThat(anyone.get("/actuator/health/readiness").text("status")).isEqualTo("UP");
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        var readiness = admin.get("/actuator/health/readiness");
        assertThat(readiness.json().path("components").has("db")).isTrue();
        assertThat(readiness.json().path("components").has("databaseStartup")).isTrue();
    }

    @Test
    void prometheus_metrics_are_for_admins() {
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(new ApiClient(port).get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
