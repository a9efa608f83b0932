package org.cdss.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.multipart.MultipartResolver;

/**
 * No endpoint accepts uploads, so multipart parsing is off (issue 10 item 5): no resolver and no multipart config for
 * the dispatcher servlet (Tomcat never spools a part to disk), and a multipart request is refused with 415 before
 * the security filters, whose CSRF check used to make the container parse (and spool) the body first.
 */
@IntegrationTest
class MultipartRefusedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void multipart_parsing_is_off_and_an_anonymous_multipart_post_is_refused_before_its_body_is_parsed() {
        assertThat(context.getBeanNamesForType(MultipartResolver.class)).isEmpty();
        assertThat(context.getBeanNamesForType(MultipartConfigElement.class)).isEmpty();

        String boundary = "cdss-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(1_500_000) + "\r\n--" + boundary
                + "--\r\n";
        ApiClient anonymous = new ApiClient(port);
        for (String path : new String[] {"/api/patients", "/api/auth/login", "/api/auth/register"}) {
            var refused = anonymous.raw("POST", path, "multipart/form-data; boundary=" + boundary, body);
            assertThat(refused.status()).as(path).isEqualTo(415);
            assertThat(refused.text("code")).isEqualTo("unsupported-media-type");
        }
    }
}
