package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@code ./cdss rrn reencrypt} starts the application with {@code cdss.rrn.reencrypt=true}: the runner re-encrypts
 * once the application is up and (here, with {@code cdss.rrn.exit=false}) leaves it running instead of exiting.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cdss.rrn.reencrypt=true", "cdss.rrn.exit=false"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class RrnReencryptionCommandIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RrnCipher cipher;

    @Test
    void the_command_runs_the_reencryption_at_start_up_and_audits_it() {
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'RRN_REENCRYPT'")
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("key=" + cipher.keyId() + ",examined=");
    }
}
