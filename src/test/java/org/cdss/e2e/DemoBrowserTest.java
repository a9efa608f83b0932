package org.cdss.e2e;

import org.cdss.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of the browser journeys: the application in demo mode (demo users with {@link #PASSWORD}, synthetic patients,
 * the demo clinic) on a random port and a fresh H2 database — one Spring context shared by every journey class — and
 * one headless Chromium per class.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cdss.mode=demo", "cdss.demo.password=" + DemoBrowserTest.PASSWORD})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(BrowserAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoBrowserTest {

    static final String PASSWORD = "e2e-demo-pass-2026";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
