package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cdss.knowledge.StubHttpServer.Answer;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Feeds through HTTP against a stub publisher serving FDA's real "Drug Recalls" RSS ({@code knowledge/rss}, with its
 * non-RFC-822 {@code pubDate}): conditional GET, de-duplication and history, unread state per user, and the
 * failures (not XML, malformed, a timeout) with the per-feed back-off.
 */
@IntegrationTest
@ExtendWith(KnowledgeTestData.class)
@TestPropertySource(properties = {"cdss.knowledge.feeds.timeout=1s", "cdss.knowledge.feeds.interval=30m"})
class FeedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    StubHttpServer publisher;
    ApiClient admin;

    @BeforeEach
    void start() throws IOException {
        publisher = new StubHttpServer();
        admin = as("ADMIN");
    }

    @AfterEach
    void stop() {
        publisher.close();
    }

    ApiClient as(String role) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(users.staff(role).username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        return api;
    }

    String addFeed(String title, String path) {
        ApiClient.Response r =
                admin.post("/api/admin/knowledge/feeds", Map.of("title", title, "url", publisher.url() + path));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    JsonNode refresh(String id) {
        ApiClient.Response r = admin.post("/api/admin/knowledge/feeds/" + id + "/refresh", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode items(ApiClient api, String feedId, boolean unreadOnly) {
        ApiClient.Response r = api.get("/api/knowledge/feeds/items?feedId=" + feedId + "&unreadOnly=" + unreadOnly);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void the_fda_feed_is_read_with_its_odd_dates_fetched_conditionally_and_kept_as_history() {
        String fda = KnowledgeTestData.rss("fda_drug_recalls_feed_2019.xml");
        publisher.on(
                "/fda.xml",
                Answer.xml(fda).header("ETag", "\"v1\"").header("Last-Modified", "Fri, 03 May 2019 19:21:28 GMT"));
        String id = addFeed("FDA drug recalls", "/fda.xml");

        JsonNode state = refresh(id);
        assertThat(state.get("items").asLong()).isEqualTo(1);
        assertThat(state.get("failures").asInt()).isZero();
        JsonNode item = items(as("NURSE"), id, false).at("/items/0");
        assertThat(item.get("title").asString())
                .startsWith("Vivimed Life Sciences Pvt Ltd Issues Voluntary Nationwide Recall of Losartan Potassium")
                .doesNotContain("\n");
        assertThat(Instant.parse(item.get("publishedAt").asString())).isEqualTo(Instant.parse("2019-05-03T19:21:28Z"));
        assertThat(item.get("link").asString()).startsWith("http://www.fda.gov/safety/");

        // the second fetch is conditional: the publisher answers 304, nothing changes
        publisher.on("/fda.xml", Answer.status(304));
        refresh(id);
        StubHttpServer.Request conditional = publisher.requests().getLast();
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Fri, 03 May 2019 19:21:28 GMT");
        assertThat(refresh(id).get("items").asLong()).isEqualTo(1);

        // a new item beside the old one: one more, the old one not twice; later the old one leaves the feed but
        // stays in the history
        String newer = fda.replace("<item>", """
                <item><title>Korean title 발사르탄 회수</title><link>http://www.fda.gov/recall-2</link>
                <guid>recall-2</guid><pubDate>Tue, 07 May 2019 10:00:00 GMT</pubDate>
                <description>&lt;p&gt;Second &lt;b&gt;recall&lt;/b&gt;&lt;/p&gt;</description></item>
                <item>""");
        publisher.on("/fda.xml", Answer.xml(newer));
        assertThat(refresh(id).get("items").asLong()).isEqualTo(2);
        publisher.on("/fda.xml", Answer.xml(fda.replaceAll("(?s)<item>.*</item>", "")));
        assertThat(refresh(id).get("items").asLong()).isEqualTo(2);
        JsonNode all = items(as("NURSE"), id, false).get("items");
        assertThat(all.get(0).get("title").asString()).isEqualTo("Korean title 발사르탄 회수");
        assertThat(all.get(0).get("summary").asString()).isEqualTo("Second recall");
    }

    @Test
    void each_user_has_their_own_unread_state() {
        publisher.on("/two.xml", Answer.xml(rss("first", "second")));
        String id = addFeed("Two items", "/two.xml");
        refresh(id);
        ApiClient nurse = as("NURSE");
        ApiClient doctor = as("DOCTOR");

        JsonNode page = items(nurse, id, false);
        assertThat(page.get("unread").asLong()).isEqualTo(2);
        String first = page.at("/items/0/id").asString();
        assertThat(nurse.post("/api/knowledge/feeds/items/" + first + "/read", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(nurse.post("/api/knowledge/feeds/items/" + first + "/read", Map.of())
                        .status())
                .isEqualTo(204);

        assertThat(items(nurse, id, false).get("unread").asLong()).isEqualTo(1);
        assertThat(items(nurse, id, true).get("items")).hasSize(1);
        assertThat(items(nurse, id, false).at("/items/0/read").asBoolean()).isTrue();
        assertThat(items(doctor, id, false).get("unread").asLong()).isEqualTo(2);
        JsonNode feeds = nurse.get("/api/knowledge/feeds").json();
        feeds.forEach(f -> {
            if (f.get("id").asString().equals(id)) {
                assertThat(f.get("unread").asLong()).isEqualTo(1);
            }
        });
        assertThat(nurse.post("/api/knowledge/feeds/items/" + java.util.UUID.randomUUID() + "/read", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_feed_that_is_not_xml_malformed_or_slow_fails_with_a_growing_back_off() {
        publisher.on("/html", Answer.xml("<html><body>Moved to our new website</body></html>"));
        publisher.on("/broken", Answer.xml("<rss version=\"2.0\"><channel><title>x</title><item><title>cut"));
        publisher.on("/slow", Answer.xml(rss("late")).delayed(3000));
        publisher.on("/down", Answer.status(503));

        JsonNode notXml = refresh(addFeed("Not a feed", "/html"));
        assertThat(notXml.get("lastError").asString()).isEqualTo("NOT_A_FEED");
        assertThat(refresh(addFeed("Malformed", "/broken")).get("lastError").asString())
                .isEqualTo("NOT_A_FEED");
        assertThat(refresh(addFeed("Slow", "/slow")).get("lastError").asString())
                .isEqualTo("TIMEOUT");

        String down = addFeed("Down", "/down");
        JsonNode once = refresh(down);
        assertThat(once.get("lastError").asString()).isEqualTo("HTTP_503");
        assertThat(waited(once)).isCloseTo(Duration.ofHours(1), Duration.ofMinutes(1));
        JsonNode twice = refresh(down);
        assertThat(twice.get("failures").asInt()).isEqualTo(2);
        assertThat(waited(twice)).isCloseTo(Duration.ofHours(2), Duration.ofMinutes(1));
        assertThat(twice.get("items").asLong()).isZero();

        // back to health: the back-off is forgotten
        publisher.on("/down", Answer.xml(rss("recovered")));
        JsonNode healthy = refresh(down);
        assertThat(healthy.get("failures").asInt()).isZero();
        assertThat(healthy.get("lastError").isNull()).isTrue();
        assertThat(waited(healthy)).isCloseTo(Duration.ofMinutes(30), Duration.ofMinutes(1));
    }

    /**
     * A server that sends its headers at once and then trickles the body (a byte every 200 ms): the request's timeout
     * covers only the headers, so the body has a deadline of its own — the fetch ends as TIMEOUT after about the
     * timeout (1 s here), not after the 12 s the trickle lasts, and the scheduler thread it runs on is free again.
     */
    @Test
    void a_feed_that_trickles_its_body_times_out_instead_of_holding_the_fetching_thread() throws Exception {
        try (java.net.ServerSocket server =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = server.accept();
                        var out = socket.getOutputStream()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request's headers
                    }
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 60; i++) {
                        out.write('<');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (Exception closed) {
                    // the reader gave up and closed the connection
                }
            });
            ApiClient.Response added = admin.post(
                    "/api/admin/knowledge/feeds",
                    Map.of("title", "Trickle", "url", "http://127.0.0.1:" + server.getLocalPort() + "/feed.xml"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            long start = System.nanoTime();
            JsonNode state = refresh(added.text("id"));
            assertThat(state.get("lastError").asString()).isEqualTo("TIMEOUT");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Autowired
    FeedAggregator aggregator;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_scheduled_job_fetches_due_feeds_once_even_when_two_instances_run_it() throws Exception {
        publisher.on("/due.xml", Answer.xml(rss("scheduled one", "scheduled two")));
        String id = addFeed("Due", "/due.xml");
        // two instances' jobs at the same moment: the claim in the database lets one of them fetch
        Thread other = Thread.ofVirtual().start(aggregator::fetchDue);
        aggregator.fetchDue();
        other.join();
        assertThat(publisher.count("/due.xml")).isEqualTo(1);
        JsonNode state = admin.get("/api/admin/knowledge/feeds").json();
        JsonNode due = null;
        for (JsonNode f : state) {
            if (f.get("id").asString().equals(id)) {
                due = f;
            }
        }
        assertThat(due).isNotNull();
        assertThat(due.get("items").asLong()).isEqualTo(2);
        assertThat(waited(due)).isCloseTo(Duration.ofMinutes(30), Duration.ofMinutes(1));
        // not due again before its interval
        aggregator.fetchDue();
        assertThat(publisher.count("/due.xml")).isEqualTo(1);
    }

    @Test
    void feeds_are_validated() {
        publisher.on("/dup.xml", Answer.xml(rss("x")));
        addFeed("Dup", "/dup.xml");
        ApiClient.Response dup =
                admin.post("/api/admin/knowledge/feeds", Map.of("title", "Again", "url", publisher.url() + "/dup.xml"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.text("code")).isEqualTo("knowledge.feed-duplicate");
        ApiClient.Response file =
                admin.post("/api/admin/knowledge/feeds", Map.of("title", "Local", "url", "file:///etc/passwd"));
        assertThat(file.status()).isEqualTo(422);
        assertThat(file.text("code")).isEqualTo("knowledge.feed-url-invalid");
        assertThat(as("DOCTOR")
                        .post("/api/admin/knowledge/feeds", Map.of("title", "x", "url", "http://x.example/"))
                        .status())
                .isEqualTo(403);
    }

    static Duration waited(JsonNode state) {
        return Duration.between(
                Instant.parse(state.get("lastFetchedAt").asString()),
                Instant.parse(state.get("nextFetchAt").asString()));
    }

    static String rss(String... titles) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>http://example.org/</link><description>d</description>");
        int day = 1;
        for (String t : titles) {
            s.append("<item><title>")
                    .append(t)
                    .append("</title><guid>")
                    .append(t)
                    .append("</guid><pubDate>Wed, 0")
                    .append(day++)
                    .append(" May 2019 10:00:00 GMT</pubDate></item>");
        }
        return s.append("</channel></rss>").toString();
    }
}
