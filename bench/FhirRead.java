import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR read overhead (issue 17): Patient read, Patient search by MRN and one patient's Observation search over FHIR,
 * against the JSON API's GET /api/patients/{id} (and its search by MRN) in the same run, at 1 and 8 clients in a
 * closed loop, one login session per client. java bench/FhirRead.java BASE PASSWORD SECONDS OUT_DIR (a JDK 22+ multi-file
 * source program: the application's CPU time per request comes from {@code OcsLoad.appCpuMillis}, when the script
 * passes {@code BENCH_APP_PID}, without the JIT compiler's threads, which early in a run did most of the work at 1 client).
 */
public class FhirRead {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int seconds = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Session probe = Session.login(base, password);
        // the seeded patient with the most observations (vitals of the visits)
        String patients = probe.get("/api/patients?q=&size=60&department=all");
        List<String[]> candidates = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"mrn\":\"(\\d+)\"").matcher(patients);
        while (m.find()) {
            candidates.add(new String[] {m.group(1), m.group(2)});
        }
        String[] chosen = null;
        int most = -1;
        for (String[] c : candidates) {
            int total = total(probe.get("/fhir/Observation?patient=" + c[0] + "&category=vital-signs&_summary=count"));
            if (total > most) {
                most = total;
                chosen = c;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no patients: seed first");
        }
        String id = chosen[0];
        String mrn = chosen[1];
        int all = total(probe.get("/fhir/Observation?patient=" + id + "&_summary=count"));
        System.out.println("patient with " + most + " vital-sign observations, " + all + " observations in all");
        // each FHIR call is compared with the JSON call for the same data (pair), besides the first JSON call (baseline)
        List<String[]> endpoints = new ArrayList<>();
        endpoints.add(new String[] {"JSON GET /api/patients/{id} (baseline)", "/api/patients/" + id, null});
        endpoints.add(new String[] {"FHIR GET /fhir/Patient/{id}", "/fhir/Patient/" + id, "JSON GET /api/patients/{id} (baseline)"});
        endpoints.add(new String[] {"JSON GET /api/patients?q={mrn}", "/api/patients?q=" + mrn + "&department=all", null});
        endpoints.add(new String[] {"FHIR GET /fhir/Patient?identifier={mrn}", "/fhir/Patient?identifier=" + URLEncoder.encode("urn:cdss:id:mrn|" + mrn, StandardCharsets.UTF_8), "JSON GET /api/patients?q={mrn}"});
        // the same vital signs as JSON: the chart's timeline of vital-sign entries (one entry per set of vitals)
        String timeline = "JSON GET /api/patients/{id}/timeline?types=VITALS (the same vital signs)";
        endpoints.add(new String[] {timeline, "/api/patients/" + id + "/timeline?types=VITALS&size=100", null});
        endpoints.add(new String[] {"FHIR GET /fhir/Observation?patient={id}&category=vital-signs (" + most + " resources, _count=200)", "/fhir/Observation?patient=" + id + "&category=vital-signs&_count=200", timeline});
        // without a category the search also reads the patient's completed lab orders: more data than the timeline
        endpoints.add(new String[] {"FHIR GET /fhir/Observation?patient={id} (vitals and labs, " + all + " resources, _count=200)", "/fhir/Observation?patient=" + id + "&_count=200", timeline});
        StringBuilder table = new StringBuilder("| request | clients | answer kB | req/s | mean ms | p50 ms | p95 ms | mean vs baseline | FHIR ÷ JSON (same data) | app CPU ms per request | FHIR ÷ JSON CPU |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int clients : new int[] {1, 8}) {
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sessions.add(Session.login(base, password));
            }
            Map<String, Double> means = new LinkedHashMap<>();
            Map<String, Double> cpus = new LinkedHashMap<>();
            double baseline = 0;
            for (String[] e : endpoints) {
                run(sessions, e[1], 3); // warm-up
                double kilobytes = sessions.getFirst().get(e[1]).getBytes(StandardCharsets.UTF_8).length / 1000.0;
                double[] r = run(sessions, e[1], seconds);
                if (baseline == 0) {
                    baseline = r[1];
                }
                means.put(e[0], r[1]);
                cpus.put(e[0], r[4]);
                String pair = e[2] == null ? "" : String.format("**%.2f×**", r[1] / means.get(e[2]));
                String cpuPair = e[2] == null || Double.isNaN(r[4]) ? "" : String.format("%.2f×", r[4] / cpus.get(e[2]));
                String cpu = Double.isNaN(r[4]) ? "—" : String.format("%.2f", r[4]);
                table.append(String.format("| %s | %d | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f× | %s | %s | %s |%n", e[0], clients, kilobytes, r[0], r[1], r[2], r[3], r[1] / baseline, pair, cpu, cpuPair));
            }
        }
        System.out.print(table);
        Files.createDirectories(out);
        Files.writeString(out.resolve("table.md"), table.toString());
    }

    static int total(String bundle) {
        Matcher t = Pattern.compile("\"total\":\\s*(\\d+)").matcher(bundle);
        return t.find() ? Integer.parseInt(t.group(1)) : 0;
    }

    /**
     * Closed loop: each client sends the next request when the last one answered. {req/s, mean, p50, p95, the
     * application's CPU ms per request (NaN when unknown)}.
     */
    static double[] run(List<Session> sessions, String path, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<List<Long>> perThread = new ArrayList<>();
        for (Session s : sessions) {
            List<Long> mine = new ArrayList<>();
            perThread.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    s.get(path);
                    mine.add(System.nanoTime() - t0);
                }
            }));
        }
        long start = System.nanoTime();
        double cpuBefore = OcsLoad.appCpuMillis();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double cpu = OcsLoad.appCpuMillis() - cpuBefore;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] lat = perThread.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(lat).average().orElse(0) / 1e6;
        return new double[] {
            lat.length / elapsed, mean, lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.95)] / 1e6, cpu / lat.length
        };
    }

    record Session(String base, HttpClient http, CookieManager cookies) {

        static Session login(String base, String password) throws Exception {
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
            Session s = new Session(base, http, cookies);
            s.get("/api/auth/csrf");
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"doctor\",\"password\":\"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login " + r.statusCode());
            }
            return s;
        }

        String get(String path) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException(path + " → " + r.statusCode());
                }
                return r.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
