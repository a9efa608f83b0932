package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** CDS Hooks 2.0 discovery: the order-select and order-sign services with their prefetch templates. */
@IntegrationTest
class MedsafetyCdsHooksIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void discovery_lists_order_select_and_order_sign_with_prefetch_without_a_login() {
        var response = new ApiClient(port).get("/cds-services");
        assertThat(response.status()).isEqualTo(200);
        JsonNode services = response.json().path("services");
        assertThat(services.findValuesAsString("hook")).containsExactly("order-select", "order-sign");
        for (JsonNode service : services) {
            assertThat(service.path("id").asString()).isNotBlank();
            assertThat(service.path("description").asString()).isNotBlank();
            assertThat(service.path("prefetch").path("patient").asString())
                    .isEqualTo("Patient/{{context.patientId}}");
            assertThat(service.path("prefetch").path("allergies").asString()).startsWith("AllergyIntolerance?");
            assertThat(service.path("prefetch").path("medications").asString()).contains("status=active");
        }
    }
}
