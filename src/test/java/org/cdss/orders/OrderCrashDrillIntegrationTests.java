package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.cdss.CdssApplication;
import org.cdss.support.ApiClient;
import org.cdss.support.DatabaseAvailable;
import org.cdss.support.OrderBodies;
import org.cdss.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The crash drill (issue 16, ADR 0020): "acknowledged" means "on disk". The application runs as a child process
 * (this JVM's class path, demo mode for its users, on the database under test: for H2 the embedded default, a file
 * under a temporary {@code CDSS_HOME}); four clinicians create medication orders with a hard-stop alert and send them
 * with an override; the process is killed with SIGKILL ({@link Process#destroyForcibly()}) in the middle of that load;
 * the application is started again on the same data (in this JVM, so that the test can read the database), and every
 * order answered 201 is there exactly once, with its PENDING transition, the alert rows of its check and its audit
 * row, and every send answered 200 with its SENT transition, its override, its audit row and, once the outbox has
 * delivered what the crash cut short, exactly one notification to the pharmacy.
 *
 * <p>{@code -Dcdss.drill.h2-write-delay=500} gives the child H2's old write delay ({@code CDSS_H2_WRITE_DELAY}), to see
 * the drill fail without the durable default (counts in {@code bench/README.md}, issue 16).
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class OrderCrashDrillIntegrationTests {

    private static final String RRN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String PASSWORD = "drill-demo-pass-2026";
    private static final int CLINICIANS = 4;
    private static final int ORDERS_PER_PATIENT = 10;
    private static final int KILL_AFTER_ACKNOWLEDGED = 400;
    private static final Duration KILL_AFTER_LOAD = Duration.ofSeconds(3);

    @TempDir
    Path home;

    record Created(String checkId, int alerts) {}

    record Sent(String checkId, int alerts) {}

    private final Map<String, Created> created = new ConcurrentHashMap<>();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void every_acknowledged_order_survives_a_kill_9_exactly_once_with_its_rows_and_events() throws Exception {
        Map<String, Object> database = TestDatabase.freshForChildProcess();
        Process child = startChild(database);
        List<ProcessHandle> childsOrthanc = List.of();
        try {
            int port = awaitReady(child);
            // the child's own Orthanc (under its watchdog), started before the application reported ready
            childsOrthanc = child.descendants().toList();
            load(child, port);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (org.cdss.support.RequiredService.inCi() || !childsOrthanc.isEmpty()) {
            assertThat(childsOrthanc).as("the child's Orthanc and its watchdog").isNotEmpty();
            List<ProcessHandle> orthanc = childsOrthanc;
            // an Orthanc left behind would hold the DICOM port and make the next start "PACS unavailable"
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(orthanc)
                            .as("the killed application's Orthanc processes")
                            .noneMatch(ProcessHandle::isAlive));
        }

        List<String> args = new ArrayList<>(
                List.of("--server.port=0", "--server.shutdown=immediate", "--cdss.home=" + home.toAbsolutePath()));
        database.forEach((k, v) -> args.add("--" + k + "=" + v));
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CdssApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new))) {
            JdbcClient db = restarted.getBean(JdbcClient.class);
            // what the crash cut short is delivered by the restart (OutstandingEventPublications)
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(db.sql("SELECT listener_id, event_type, status, completion_attempts"
                                            + " FROM EVENT_PUBLICATION WHERE completion_date IS NULL")
                                    .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
                                            + " attempts " + rs.getInt(4))
                                    .list())
                            .as("event publications not yet delivered after the restart")
                            .isEmpty());
            verify(db);
        }
    }

    private void verify(JdbcClient db) {
        Set<String> orders = new HashSet<>(db.sql("SELECT id FROM clinical_order").query(String.class).list().stream()
                .map(String::strip)
                .toList());
        Map<String, Long> transitions =
                grouped(db, "SELECT order_id, to_status, COUNT(*) FROM order_transition GROUP BY order_id, to_status");
        Map<String, Long> alerts =
                grouped(db, "SELECT check_id, '', COUNT(*) FROM medsafety_alert_event GROUP BY check_id");
        Map<String, Long> audits = grouped(
                db,
                "SELECT resource_id, action, COUNT(*) FROM audit_event WHERE resource_type = 'Order'"
                        + " GROUP BY resource_id, action");
        Map<String, Long> overrides =
                grouped(db, "SELECT order_id, '', COUNT(*) FROM order_safety_override GROUP BY order_id");
        Map<String, Long> notifications = grouped(
                db,
                "SELECT subject_id, kind, COUNT(*) FROM notification WHERE subject_type = 'ORDER'"
                        + " GROUP BY subject_id, kind");

        long found = created.keySet().stream().filter(orders::contains).count();
        long sentFound = sent.keySet().stream()
                .filter(id -> transitions.getOrDefault(id + "|SENT", 0L) == 1)
                .count();
        System.out.printf(
                "crash drill (%s): %d orders acknowledged, %d found after the restart; %d sends acknowledged, %d"
                        + " found; %d orders in the database%n",
                TestDatabase.KIND, created.size(), found, sent.size(), sentFound, orders.size());

        assertThat(created).as("orders acknowledged before the kill").hasSizeGreaterThan(CLINICIANS);
        List<String> problems = new ArrayList<>();
        created.forEach((id, c) -> {
            if (!orders.contains(id)) {
                problems.add(id + ": acknowledged order missing");
                return;
            }
            expect(problems, id, "PENDING transition", transitions.getOrDefault(id + "|PENDING", 0L), 1);
            expect(problems, id, "alert rows of its check", alerts.getOrDefault(c.checkId() + "|", 0L), c.alerts());
            expect(problems, id, "ORDER_CREATE audit", audits.getOrDefault(id + "|ORDER_CREATE", 0L), 1);
            Sent s = sent.get(id);
            if (s != null) {
                expect(problems, id, "SENT transition", transitions.getOrDefault(id + "|SENT", 0L), 1);
                expect(problems, id, "send check alert rows", alerts.getOrDefault(s.checkId() + "|", 0L), s.alerts());
                expect(problems, id, "ORDER_SEND audit", audits.getOrDefault(id + "|ORDER_SEND", 0L), 1);
                expect(problems, id, "ORDER_SENT notification", notifications.getOrDefault(id + "|ORDER_SENT", 0L), 1);
                if (overrides.getOrDefault(id + "|", 0L) < 1) {
                    problems.add(id + ": override of the hard stop missing");
                }
            } else if (transitions.getOrDefault(id + "|SENT", 0L) == 1) {
                // committed while the answer was cut off: its event must still have been delivered
                expect(problems, id, "ORDER_SENT notification", notifications.getOrDefault(id + "|ORDER_SENT", 0L), 1);
            }
        });
        transitions.forEach((key, n) -> {
            if (n > 1) {
                problems.add(key + ": " + n + " transitions");
            }
        });
        assertThat(problems)
                .as("%d of %d acknowledged orders found after the kill -9", found, created.size())
                .isEmpty();
        // nothing the clients were not told about, except the one request each clinician had in flight
        assertThat(orders.stream().filter(id -> !created.containsKey(id)).count())
                .isLessThanOrEqualTo(CLINICIANS);
    }

    private static void expect(List<String> problems, String id, String what, long actual, long expected) {
        if (actual != expected) {
            problems.add(id + ": " + what + " " + actual + ", expected " + expected);
        }
    }

    /** Four clinicians place and send orders until enough were acknowledged or the time is up; then the kill. */
    private void load(Process child, int port) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        List<String> errors = new ArrayList<>();
        List<Clinician> clinicians = new ArrayList<>();
        for (int i = 0; i < CLINICIANS; i++) {
            clinicians.add(new Clinician(port));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLINICIANS);
        try {
            for (Clinician c : clinicians) {
                pool.execute(() -> {
                    try {
                        while (!stop.get()) {
                            c.orderAndSend();
                        }
                    } catch (RuntimeException e) {
                        if (!stop.get()) {
                            failures.incrementAndGet();
                            synchronized (errors) {
                                errors.add(String.valueOf(e.getMessage()));
                            }
                        }
                    }
                });
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !created.isEmpty() || failures.get() > 0);
            assertThat(errors).as("errors before the kill").isEmpty();
            long loadStarted = System.nanoTime();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> created.size() >= KILL_AFTER_ACKNOWLEDGED
                            || System.nanoTime() - loadStarted >= KILL_AFTER_LOAD.toNanos()
                            || failures.get() > 0);
            assertThat(errors).as("errors before the kill").isEmpty();
            stop.set(true);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A doctor's session and, for new charts, a front-desk session; a new patient every few orders. */
    private final class Clinician {

        private final ApiClient doctor;
        private final ApiClient desk;
        private String patientId = "";
        private int ordersForPatient = ORDERS_PER_PATIENT;

        Clinician(int port) {
            doctor = login(port, "doctor");
            desk = login(port, "frontdesk");
        }

        void orderAndSend() {
            if (ordersForPatient == ORDERS_PER_PATIENT) {
                newPatient();
            }
            ordersForPatient++;
            ApiClient.Response order = doctor.post(
                    "/api/ocs/orders",
                    OrderBodies.intendedDuplicate(OrderBodies.medication(patientId, "DB00641", 20)),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            JsonNode body = ok(order, 201);
            String id = body.at("/order/id").asString();
            created.put(
                    id,
                    new Created(
                            body.at("/safety/checkId").asString(),
                            body.at("/safety/alerts").size()));
            JsonNode send = ok(
                    doctor.post(
                            "/api/ocs/orders/" + id + "/send",
                            Map.of(
                                    "override",
                                    Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK", "comment", "crash drill")),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                    200);
            sent.put(
                    id,
                    new Sent(
                            send.at("/safety/checkId").asString(),
                            send.at("/safety/alerts").size()));
        }

        private void newPatient() {
            String birth = LocalDate.of(1950, 1, 1)
                    .plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 20000))
                    .toString();
            patientId = ok(desk.post("/api/patients", Map.of("name", "충돌훈련", "birthDate", birth, "sex", "F")), 201)
                    .get("id")
                    .asString();
            ok(
                    doctor.post("/api/patients/" + patientId + "/medications", Map.of("name", "Clarithromycin 500 mg")),
                    201);
            ok(
                    doctor.post(
                            "/api/patients/" + patientId + "/allergies",
                            Map.of("substance", "Penicillin", "severity", "MODERATE")),
                    201);
            ordersForPatient = 0;
        }
    }

    private Process startChild(Map<String, Object> database) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                CdssApplication.class.getName(),
                "--server.port=" + port,
                "--cdss.home=" + home.toAbsolutePath(),
                "--cdss.mode=demo",
                "--cdss.demo.password=" + PASSWORD,
                "--cdss.rrn-key=" + RRN_KEY,
                "--cdss.rrn-hash-key=" + RRN_KEY,
                "--cdss.cookies.secure=false",
                "--cdss.throttle.login.per-ip.attempts=1000000",
                "--cdss.throttle.login.per-account.attempts=1000000",
                "--logging.level.root=warn",
                // its own Orthanc on a free DICOM port, never the 4242 of a `./cdss run` on this machine
                "--cdss.imaging.dicom.port=0"));
        database.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("child.log").toFile());
        // the class path through the environment, not -cp: ONNX Runtime 1.29 (the ai module's models, loaded at
        // start-up) crashes the JVM when its command line is longer than about 4 KB (OnnxRuntimeBackend)
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        String writeDelay = System.getProperty("cdss.drill.h2-write-delay");
        if (writeDelay != null) {
            builder.environment().put("CDSS_H2_WRITE_DELAY", writeDelay);
        }
        Files.createDirectories(home);
        Process process = builder.start();
        childPort = port;
        return process;
    }

    private int childPort;

    private int awaitReady(Process child) {
        ApiClient probe = new ApiClient(childPort);
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> {
                    if (!child.isAlive()) {
                        throw new AssertionError("the application stopped:\n" + childLog());
                    }
                    return probe.get("/actuator/health/readiness").status() == 200;
                });
        return childPort;
    }

    private String childLog() {
        try {
            String log = Files.readString(home.resolve("child.log"));
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static ApiClient login(int port, String username) {
        ApiClient api = new ApiClient(port);
        ok(api.login(username, PASSWORD), 200);
        return api;
    }

    private static JsonNode ok(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return response.json();
    }

    /** "a|b" → count, from a query answering (a, b, count). */
    private static Map<String, Long> grouped(JdbcClient db, String sql) {
        Map<String, Long> out = new HashMap<>();
        db.sql(sql).query((RowCallbackHandler) rs -> out.merge(
                Objects.toString(rs.getString(1), "").strip() + "|"
                        + Objects.toString(rs.getString(2), "").strip(),
                rs.getLong(3),
                Long::sum));
        return out;
    }
}
