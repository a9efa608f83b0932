import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OCS load generator (issue 5), run by bench/ocs-load.sh as a single-file Java program (JDK only).
 *
 * <p>Simulated users, each with its own session and CSRF token, in a closed loop without think time: 70 % clinicians
 * (create an order — half of them medication orders, which run the medication-safety check — then send it) and 30 %
 * department staff (read their worklist, start and complete an order from it: pharmacists dispense, lab technicians
 * enter CBC values). For each concurrency level a baseline phase first runs {@code GET /api/me} with the same users,
 * so that latencies are reported as ratios against a plain authenticated round trip on the same server, JVM and
 * moment. Every created order and every successful transition is written to {@code expected.csv}; the script then
 * checks in PostgreSQL that each is present exactly once.
 *
 * <p>With a think time, each user pauses between actions (exponential, around the given mean): an open, clinic-like
 * arrival of requests whose rate grows with the number of users, instead of every user hammering the server.
 *
 * <p>Usage: {@code java OcsLoad.java <baseUrl> <password> <levels e.g. 10,50,100,300,700> <seconds per phase> <outDir>
 * [mean think time ms, default 0]}
 */
public class OcsLoad {

    /** The order object of a detail answer, and the flat objects of a page (JSON field order does not matter). */
    static final Pattern ORDER = Pattern.compile("\"order\":(\\{[^{}]*\\})");
    static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
    static final String PHARMACY = "0d1f0000-0000-4000-8000-000000000006";
    static final String LABORATORY = "0d1f0000-0000-4000-8000-000000000007";
    static final String[] DRUGS = {"DB00316", "DB01060", "DB00945", "DB00331", "DB00381", "DB00678"};

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    final String base;
    final String password;
    final Queue<String> expected = new ConcurrentLinkedQueue<>();
    final Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();
    final AtomicLong conflicts = new AtomicLong();
    /** 503 answers (the server shed load: no pooled connection in time); keyed requests are retried. */
    final AtomicLong shed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    List<String> patients = List.of();
    /** Mean think time between one user's actions (exponentially distributed); 0 = closed loop, no pause. */
    long thinkMillis;

    OcsLoad(String base, String password) {
        this.base = base;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        OcsLoad load = new OcsLoad(args[0], args[1]);
        int[] levels = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        load.thinkMillis = args.length > 5 ? Long.parseLong(args[5]) : 0;
        Files.createDirectories(out);
        load.patients = load.setUpPatients(100);
        List<String> table = new ArrayList<>();
        table.add("| users (think " + load.thinkMillis + " ms) | baseline GET /api/me p50/p95/p99 ms | create (with safety check) p50/p95/p99 ms | "
                + "send p50/p95/p99 ms | worklist p50/p95/p99 ms | start+complete p50/p95/p99 ms | OCS ops/s | "
                + "create p99 ÷ baseline p99 | 409s | 503s (shed, retried) | errors |");
        table.add("|---|---|---|---|---|---|---|---|---|---|---|");
        load.warmUp(Math.max(60, seconds));
        for (int users : levels) {
            table.add(load.level(users, seconds));
            System.out.println(table.getLast());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("expected.csv")))) {
            load.expected.forEach(w::println);
        }
        Files.write(out.resolve("table.md"), table);
        System.out.println(String.join("\n", table));
        System.exit(load.errors.get() == 0 ? 0 : 1);
    }

    /** A demo front-desk session registers synthetic patients so that orders spread over many charts. */
    private int registered;

    List<String> setUpPatients(int count) throws Exception {
        Session desk = login("frontdesk");
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int i = registered++; // a name of its own on every call: the same name and birth date is a duplicate
            String body = "{\"name\":\"부하테스트" + i + "\",\"birthDate\":\"1970-01-"
                    + String.format(Locale.ROOT, "%02d", 1 + i % 28) + "\",\"sex\":\"" + (i % 2 == 0 ? "F" : "M")
                    + "\"}";
            HttpResponse<String> created = desk.call("POST", "/api/patients", body, null);
            check201(created, "patient");
            Matcher m = OBJECT.matcher(created.body());
            while (m.find()) {
                String id = field(m.group(), "id");
                if (id != null && field(m.group(), "mrn") != null) {
                    ids.add(id);
                    break;
                }
            }
        }
        if (ids.size() != count) {
            throw new IllegalStateException("registered " + ids.size() + " of " + count + " patients");
        }
        return ids;
    }

    /**
     * A minute of the OCS mix with a few users whose latencies are thrown away: the JIT compiles the hot paths before
     * the first measured level (on two cores the C2 compiler threads were still busy after 40 s, showing up as tail
     * latency). Its orders still count in the exactly-once check.
     */
    void warmUp(int seconds) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(login(i < 7 ? "doctor" : i < 9 ? "pharmacist" : "labtech"));
        }
        long think = thinkMillis;
        thinkMillis = 0;
        run(sessions, 10, s -> timed("baseline", () -> s.call("GET", "/api/me", null, null)));
        run(sessions, seconds, this::work);
        thinkMillis = think;
        latencies.clear();
        conflicts.set(0);
        shed.set(0);
        System.out.println("warm-up: 10 s of /api/me and " + seconds + " s of the OCS mix, 10 users, no think time");
    }

    String level(int users, int seconds) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String who = i % 10 < 7 ? "doctor" : i % 10 < 9 ? "pharmacist" : "labtech";
            sessions.add(login(who));
        }
        latencies.clear();
        run(sessions, seconds, s -> timed("baseline", () -> s.call("GET", "/api/me", null, null)));
        long before = total();
        long start = System.nanoTime();
        run(sessions, seconds, this::work);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double opsPerSecond = (total() - before) / elapsed;
        double ratio = percentile("create", 0.99) / Math.max(0.001, percentile("baseline", 0.99));
        return String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %.0f | %.1f× | %d | %d | %d |", users,
                triple("baseline"), triple("create"), triple("send"), triple("worklist"), triple("perform"),
                opsPerSecond, ratio, conflicts.getAndSet(0), shed.getAndSet(0), errors.get());
    }

    long total() {
        return latencies.entrySet().stream().filter(e -> !e.getKey().equals("baseline"))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    interface Step {
        void run(Session s) throws Exception;
    }

    void run(List<Session> sessions, int seconds, Step step) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Session s : sessions) {
                pool.submit(() -> {
                    think(stop); // users start spread over one think time, not all at once
                    while (!stop.get()) {
                        try {
                            step.run(s);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            System.err.println("error: " + e);
                        }
                        think(stop);
                    }
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            stop.set(true);
        }
    }

    /** A pause of an exponentially distributed length around the mean think time, cut short by the end of the phase. */
    void think(AtomicBoolean stop) {
        if (thinkMillis <= 0) {
            return;
        }
        long pause = (long) (-thinkMillis * Math.log(1 - ThreadLocalRandom.current().nextDouble()));
        long until = System.currentTimeMillis() + pause;
        try {
            while (!stop.get() && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(200, Math.max(1, until - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void work(Session s) throws Exception {
        switch (s.user) {
            case "doctor" -> orderAndSend(s);
            case "pharmacist" -> perform(s, PHARMACY,
                    "{\"dispense\":{\"quantity\":14,\"note\":\"load\"}}");
            default -> perform(s, LABORATORY,
                    "{\"results\":[{\"testCode\":\"WBC\",\"value\":7.1},{\"testCode\":\"HGB\",\"value\":13.2},"
                            + "{\"testCode\":\"HCT\",\"value\":40},{\"testCode\":\"PLT\",\"value\":250}]}");
        }
    }

    void orderAndSend(Session s) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String patient = patients.get(r.nextInt(patients.size()));
        String priority = List.of("ROUTINE", "ROUTINE", "URGENT", "STAT").get(r.nextInt(4));
        String body = r.nextBoolean()
                ? "{\"patientId\":\"" + patient + "\",\"type\":\"MEDICATION\",\"priority\":\"" + priority
                        + "\",\"intendedDuplicate\":true,\"medication\":{\"drugId\":\"" + DRUGS[r.nextInt(DRUGS.length)]
                        + "\",\"dose\":500,\"doseUnit\":\"mg\",\"route\":\"PO\",\"frequency\":\"BID\","
                        + "\"durationDays\":7,\"quantity\":14}}"
                : "{\"patientId\":\"" + patient + "\",\"type\":\"LAB_TEST\",\"priority\":\"" + priority
                        + "\",\"labTest\":{\"testCode\":\"CBC\"}}";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> created = timed("create", () -> s.call("POST", "/api/ocs/orders", body, key));
        if (created.statusCode() == 503) {
            shed.incrementAndGet();
            return;
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create " + created.statusCode() + " " + created.body());
        }
        String orderId = orderField(created.body(), "id");
        expected.add(orderId + ",PENDING");
        String send = "{\"override\":{\"reasonCode\":\"OTHER\",\"comment\":\"load test: reviewed\"}}";
        HttpResponse<String> sent = timed("send", () -> s.call("POST", "/api/ocs/orders/" + orderId + "/send",
                send, UUID.randomUUID().toString()));
        if (sent.statusCode() == 503) {
            shed.incrementAndGet();
            return;
        }
        if (sent.statusCode() != 200) {
            throw new IllegalStateException("send " + sent.statusCode() + " " + sent.body());
        }
        expected.add(orderId + ",SENT");
    }

    void perform(Session s, String department, String completion) throws Exception {
        HttpResponse<String> list = timed("worklist", () -> s.call("GET",
                "/api/ocs/orders/worklist?department=" + department + "&size=20", null, null));
        List<String[]> open = new ArrayList<>();
        Matcher m = OBJECT.matcher(list.body());
        while (m.find()) {
            String status = field(m.group(), "status");
            if ("SENT".equals(status) || "IN_PROGRESS".equals(status)) {
                open.add(new String[] {field(m.group(), "id"), status, field(m.group(), "version")});
            }
        }
        if (open.isEmpty()) {
            return;
        }
        Collections.shuffle(open);
        String[] pick = open.getFirst();
        String id = pick[0];
        long version = Long.parseLong(pick[2]);
        if (pick[1].equals("SENT")) {
            HttpResponse<String> started = timed("perform", () -> s.call("POST", "/api/ocs/orders/" + id + "/start",
                    "{\"version\":" + version + "}", UUID.randomUUID().toString()));
            if (started.statusCode() == 503) {
                shed.incrementAndGet();
                return;
            }
            if (started.statusCode() == 409) {
                conflicts.incrementAndGet();
                return;
            }
            check(started, "start");
            expected.add(id + ",IN_PROGRESS");
            long next = Long.parseLong(orderField(started.body(), "version"));
            complete(s, id, next, completion);
        } else {
            complete(s, id, version, completion);
        }
    }

    void complete(Session s, String id, long version, String completion) throws Exception {
        String body = "{\"version\":" + version + "," + completion.substring(1);
        HttpResponse<String> done = timed("perform", () -> s.call("POST", "/api/ocs/orders/" + id + "/complete",
                body, UUID.randomUUID().toString()));
        if (done.statusCode() == 503) {
            shed.incrementAndGet();
            return;
        }
        if (done.statusCode() == 409) {
            conflicts.incrementAndGet();
            return;
        }
        check(done, "complete");
        expected.add(id + ",COMPLETED");
    }

    /**
     * CPU time (user and system) the application process has used so far, in ms, without its JIT compiler threads:
     * {@code /proc/<BENCH_APP_PID>/stat} (all threads, those that ended too) less each live compiler thread's
     * {@code /proc/<pid>/task/<tid>/stat}. Compiling is not serving requests, and in a short phase it can be most of
     * the CPU (14–20 ms "per request" at 1 client, measured 2026-12-07). The scripts start the application with
     * {@code -XX:-UseDynamicNumberOfCompilerThreads}, so no compiler thread ends and takes its time out of the sum.
     * NaN where the script gave no pid or /proc cannot be read.
     */
    static double appCpuMillis() {
        String pid = System.getenv("BENCH_APP_PID");
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try {
            long ticks = ticks(Path.of("/proc", pid, "stat"));
            try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        // comm is cut at 15 characters: "C2 CompilerThre", "C1 CompilerThre"
                        if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                            ticks -= ticks(task.resolve("stat"));
                        }
                    } catch (IOException ended) {
                        // a thread that ended between the listing and the read: not a compiler thread (see above)
                    }
                }
            }
            long perSecond = Long.parseLong(System.getenv().getOrDefault("BENCH_CLK_TCK", "100"));
            return ticks * 1000.0 / perSecond;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a process or thread stat file, in clock ticks. */
    private static long ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        // after the command name in parentheses: state is field 3, utime 14 and stime 15 (proc(5))
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static String perRequest(double cpuMillis, int requests) {
        return Double.isNaN(cpuMillis) || requests == 0
                ? "—"
                : String.format(Locale.ROOT, "%.2f", cpuMillis / requests);
    }

    /** A top-level string or number member of a flat JSON object (enough for ids, statuses and versions). */
    static String field(String object, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(?:\"([^\"]*)\"|(-?\\d+))").matcher(object);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static String orderField(String detail, String name) {
        Matcher m = ORDER.matcher(detail);
        if (!m.find()) {
            throw new IllegalStateException("no order in " + detail);
        }
        return field(m.group(1), name);
    }

    static void check(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(what + " " + r.statusCode() + " " + r.body());
        }
    }

    static void check201(HttpResponse<String> r, String what) {
        if (r.statusCode() != 201) {
            throw new IllegalStateException(what + " " + r.statusCode() + " " + r.body());
        }
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    HttpResponse<String> timed(String name, Call call) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = call.run();
        latencies.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
        return r;
    }

    double percentile(String name, double p) {
        long[] v = latencies.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream().mapToLong(Long::longValue)
                .sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v[Math.min(v.length - 1, (int) Math.ceil(p * v.length) - 1)] / 1e6;
    }

    String triple(String name) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", percentile(name, 0.5), percentile(name, 0.95),
                percentile(name, 0.99));
    }

    Session login(String user) throws Exception {
        Session s = new Session(user);
        s.call("GET", "/api/auth/csrf", null, null);
        HttpResponse<String> r = s.call("POST", "/api/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
        }
        return s;
    }

    /** One simulated user: its own cookies (session, CSRF token) over the shared HTTP client. */
    final class Session {
        final String user;
        final Map<String, String> cookies = new HashMap<>();

        Session(String user) {
            this.user = user;
        }

        /**
         * A request with an Idempotency-Key is retried with the same key when the server shed it (503) or the
         * connection broke, as a well-behaved client does: the key makes the retry safe (the order or transition
         * exists once even if the first attempt committed before its answer was lost).
         */
        synchronized HttpResponse<String> call(String method, String path, String body, String idempotencyKey)
                throws IOException, InterruptedException {
            for (int attempt = 1; ; attempt++) {
                try {
                    HttpResponse<String> r = once(method, path, body, idempotencyKey);
                    if (r.statusCode() != 503 || idempotencyKey == null || attempt == 5) {
                        return r;
                    }
                    shed.incrementAndGet();
                } catch (IOException e) {
                    if (idempotencyKey == null || attempt == 5) {
                        throw e;
                    }
                }
                Thread.sleep(250L * attempt);
            }
        }

        private HttpResponse<String> once(String method, String path, String body, String idempotencyKey)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (!cookies.isEmpty()) {
                b.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (cookies.containsKey("XSRF-TOKEN")) {
                b.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return r;
        }
    }
}
