package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.cdss.CdssApplication;
import org.cdss.identity.UserView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.DatabaseAvailable;
import org.cdss.support.TestDatabase;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Two application instances on one database, each with its own Lucene index (as behind a load balancer): a document
 * uploaded on one is found on the other, both by the other's rebuild at start and by its poll of the change cursor
 * while it runs (ADR 0024).
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class KnowledgeTwoInstancesIntegrationTests {

    @Test
    void a_document_uploaded_on_one_instance_is_found_on_the_other(@TempDir Path indexes) {
        ConfigurableApplicationContext a = new SpringApplicationBuilder(CdssApplication.class)
                .profiles("test")
                .initializers(new TestDatabase())
                .run(args(indexes.resolve("a")).toArray(String[]::new));
        ConfigurableApplicationContext b = null;
        try {
            UserView doctor = a.getBean(TestUsers.class).staff(Role.DOCTOR);
            ApiClient onA = login(a, doctor);
            String before = "rebuildword" + System.nanoTime();
            String beforeId = upload(onA, "Before B started", before);

            Environment env = a.getEnvironment();
            List<String> bArgs = args(indexes.resolve("b"));
            bArgs.add("--spring.datasource.url=" + env.getProperty("spring.datasource.url"));
            bArgs.add("--spring.datasource.username=" + env.getProperty("spring.datasource.username"));
            bArgs.add("--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""));
            b = new SpringApplicationBuilder(CdssApplication.class)
                    .profiles("test")
                    .run(bArgs.toArray(String[]::new));
            ApiClient onB = login(b, doctor);

            // rebuilt from the database at start
            await(() -> assertThat(ids(onB, before)).containsExactly(beforeId));

            // uploaded on A while B runs: B's poll picks it up
            String after = "pollword" + System.nanoTime();
            String afterId = upload(onA, "After B started", after);
            assertThat(ids(onA, after)).containsExactly(afterId);
            await(() -> assertThat(ids(onB, after)).containsExactly(afterId));

            // and the other way round, a new version on B is found on A
            String revised = "revisedword" + System.nanoTime();
            ApiClient.Response v2 = onB.upload(
                    "/api/knowledge/documents/" + afterId + "/versions?fileName=v2.txt",
                    "text/plain",
                    ("Revised " + revised).getBytes(StandardCharsets.UTF_8));
            assertThat(v2.status()).as(v2.body()).isEqualTo(201);
            await(() -> assertThat(ids(onA, revised)).containsExactly(afterId));
            await(() -> assertThat(ids(onA, after)).isEmpty());
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }

    static List<String> args(Path index) {
        return new ArrayList<>(List.of(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--cdss.knowledge.index.dir=" + index,
                "--cdss.knowledge.index.poll-interval=500ms"));
    }

    static ApiClient login(ConfigurableApplicationContext app, UserView user) {
        ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        assertThat(api.login(user.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    static String upload(ApiClient api, String title, String word) {
        ApiClient.Response r = api.upload(
                "/api/knowledge/documents?type=PROTOCOL&fileName=p.txt&title="
                        + URLEncoder.encode(title, StandardCharsets.UTF_8),
                "text/plain",
                ("Protocol text " + word).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    static List<String> ids(ApiClient api, String word) {
        ApiClient.Response r = api.get("/api/knowledge/documents?q=" + word);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : r.json().get("hits")) {
            ids.add(hit.at("/document/id").asString());
        }
        return ids;
    }

    static void await(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(assertion::run);
    }
}
