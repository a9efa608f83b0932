import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order-create load (issue 16), run by bench/order-create.sh with JDK 22+ (a multi-file source program: it reuses
 * {@code OcsLoad}'s sessions, timing and percentiles from the same folder).
 *
 * <p>Closed loop, each client a logged-in doctor: {@code POST /api/ocs/orders} for a medication order with the full
 * safety check, on patients who each take five active drugs and have two recorded allergies (as in issue 16's table).
 * Each level first measures the baseline, an authenticated {@code GET /api/me} by the same clients, then the creates.
 * Every 201 is written to {@code created.csv} (order id, check id, alerts in the answer); {@code verify} then checks
 * in the stopped application's database that each order exists once with its one PENDING transition, its alert rows
 * (as many as the answer showed), its {@code ORDER_CREATE} and {@code MEDSAFETY_CHECK} audit rows, and that no other
 * order exists.
 *
 * <p>Throughput on a shared VM drifts by tens of percent from one minute to the next; the application's own CPU time
 * per request (from {@code /proc/<pid>/stat} without the JIT compiler's threads, when the script passes
 * {@code BENCH_APP_PID}) drifts much less, so each level also reports the CPU milliseconds the application spent per
 * baseline request and per create.
 *
 * <p>Usage: {@code java OrderCreateLoad.java load <baseUrl> <password> <levels e.g. 1,8,32> <seconds> <warm-up s>
 * <outDir> [postgres JDBC URL, for commits per create]} and {@code java -cp <drivers> OrderCreateLoad.java verify
 * <jdbcUrl> <user> <outDir>}.
 */
public class OrderCreateLoad {

    /** What the patients take (free text, resolved by the application) and are allergic to. */
    static final String[] ACTIVE_DRUGS = {
        "Clarithromycin 500 mg", "Warfarin 5 mg", "Metformin 500 mg", "Amlodipine 5 mg", "Omeprazole 20 mg"
    };

    static final String[] ALLERGIES = {"Penicillin", "Sulfonamide"};
    /** Ordered drugs: simvastatin (clarithromycin: hard stop), aspirin (warfarin), amoxicillin (penicillin allergy),
     * acetaminophen, metformin (duplicate therapy). */
    static final String[] ORDERED = {"DB00641", "DB00945", "DB01060", "DB00316", "DB00331"};

    /**
     * Charts the orders of one level (and of the warm-up) spread over, new ones for each: tens of orders a chart over
     * a 20-s level, as a hospital chart holds, not hundreds. The check weighs every open medication order of the chart,
     * so charts shared by all levels made each level slower than the one before (the 8-client level found ~120 open
     * orders a chart after the warm-up and the 1-client level; bench/README gives the difference).
     */
    static final int PATIENTS = 200;

    static final Pattern CHECK_ID = Pattern.compile("\"checkId\":\"([0-9a-f-]{36})\"");
    static final Pattern KB_VERSION = Pattern.compile("\"kbVersion\":\"");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("verify")) {
            System.exit(verify(args[1], args[2], Path.of(args[3])));
        }
        OcsLoad load = new OcsLoad(args[1], args[2]);
        String[] levels = args[3].split(",");
        int seconds = Integer.parseInt(args[4]);
        int warmUp = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        String postgres = args.length > 7 ? args[7] : null;
        Files.createDirectories(out);
        Queue<String> created = new ConcurrentLinkedQueue<>();
        List<String> warmUpCharts = patients(load, PATIENTS);
        OcsLoad.Session warm = load.login("doctor");
        load.run(List.of(warm, load.login("doctor")), warmUp, s -> create(load, s, warmUpCharts, created));
        System.out.println("warm-up: " + warmUp + " s of creates, 2 clients");
        List<String> table = new ArrayList<>();
        table.add("| clients | baseline GET /api/me p50/p95/p99 ms | baseline req/s | create p50/p95/p99 ms | creates/s "
                + "| create ÷ baseline throughput | create p99 ÷ baseline p99 | app CPU ms per baseline request "
                + "| app CPU ms per create |" + (postgres == null ? "" : " commits per create |") + " errors |");
        table.add("|---|---|---|---|---|---|---|---|---|" + (postgres == null ? "" : "---|") + "---|");
        for (String level : levels) {
            int clients = Integer.parseInt(level);
            // charts of their own, so that each level finds charts holding tens of open orders, as the warm-up did
            List<String> patients = patients(load, PATIENTS);
            List<OcsLoad.Session> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sessions.add(load.login("doctor"));
            }
            load.latencies.clear();
            double cpuBefore = OcsLoad.appCpuMillis();
            load.run(sessions, seconds, s -> load.timed("baseline", () -> s.call("GET", "/api/me", null, null)));
            int baselines = load.latencies.get("baseline").size();
            double baselineRate = baselines / (double) seconds;
            double cpuBaseline = OcsLoad.appCpuMillis() - cpuBefore;
            long commitsBefore = commits(postgres);
            cpuBefore = OcsLoad.appCpuMillis();
            load.run(sessions, seconds, s -> create(load, s, patients, created));
            double cpuCreates = OcsLoad.appCpuMillis() - cpuBefore;
            long commits = commits(postgres) - commitsBefore;
            int creates = load.latencies.getOrDefault("create", new ConcurrentLinkedQueue<>()).size();
            double createRate = creates / (double) seconds;
            table.add(String.format(Locale.ROOT, "| %d | %s | %.0f | %s | %.0f | %.2f | %.1f× | %s | %s |%s %d |",
                    clients, load.triple("baseline"), baselineRate, load.triple("create"), createRate,
                    createRate / baselineRate, load.percentile("create", 0.99) / load.percentile("baseline", 0.99),
                    OcsLoad.perRequest(cpuBaseline, baselines), OcsLoad.perRequest(cpuCreates, creates),
                    postgres == null ? "" : String.format(Locale.ROOT, " %.1f |", commits / (double) creates),
                    load.errors.get()));
            System.out.println(table.getLast());
        }
        Files.write(out.resolve("created.csv"), created);
        Files.write(out.resolve("table.md"), table);
        System.out.println(String.join("\n", table));
        System.exit(load.errors.get() == 0 ? 0 : 1);
    }

    /** Patients with five active drugs and two allergies each, registered by the demo front desk and a doctor. */
    static List<String> patients(OcsLoad load, int count) throws Exception {
        List<String> ids = load.setUpPatients(count);
        OcsLoad.Session doctor = load.login("doctor");
        for (String id : ids) {
            for (String drug : ACTIVE_DRUGS) {
                OcsLoad.check201(doctor.call("POST", "/api/patients/" + id + "/medications",
                        "{\"name\":\"" + drug + "\"}", null), "medication");
            }
            for (String substance : ALLERGIES) {
                OcsLoad.check201(doctor.call("POST", "/api/patients/" + id + "/allergies",
                        "{\"substance\":\"" + substance + "\",\"severity\":\"MODERATE\"}", null), "allergy");
            }
        }
        return ids;
    }

    static void create(OcsLoad load, OcsLoad.Session s, List<String> patients, Queue<String> created)
            throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "{\"patientId\":\"" + patients.get(r.nextInt(patients.size()))
                + "\",\"type\":\"MEDICATION\",\"priority\":\"ROUTINE\",\"intendedDuplicate\":true,"
                + "\"medication\":{\"drugId\":\"" + ORDERED[r.nextInt(ORDERED.length)]
                + "\",\"dose\":500,\"doseUnit\":\"mg\",\"route\":\"PO\",\"frequency\":\"BID\","
                + "\"durationDays\":7,\"quantity\":14}}";
        var answer = load.timed("create", () -> s.call("POST", "/api/ocs/orders", body,
                java.util.UUID.randomUUID().toString()));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("create " + answer.statusCode() + " " + answer.body());
        }
        Matcher check = CHECK_ID.matcher(answer.body());
        if (!check.find()) {
            throw new IllegalStateException("no checkId in " + answer.body());
        }
        long alerts = KB_VERSION.matcher(answer.body()).results().count();
        created.add(OcsLoad.orderField(answer.body(), "id") + "," + check.group(1) + "," + alerts);
    }

    static long commits(String postgres) throws Exception {
        if (postgres == null) {
            return 0;
        }
        Thread.sleep(1500); // PostgreSQL publishes its statistics at most once a second
        try (Connection c = DriverManager.getConnection(postgres, "postgres", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every acknowledged order, exactly once, with what must come with it; 0 when all is there. */
    static int verify(String url, String user, Path out) throws Exception {
        List<String[]> created = Files.readAllLines(out.resolve("created.csv")).stream()
                .map(line -> line.split(",")).toList();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setReadOnly(true);
            // set-based: one pass over each table (a query per order took minutes over 40 000 orders on H2)
            Map<String, Long> orders = counts(c, "SELECT id, COUNT(*) FROM clinical_order GROUP BY id");
            Map<String, Long> pending = counts(c, "SELECT order_id, COUNT(*) FROM order_transition "
                    + "WHERE to_status = 'PENDING' GROUP BY order_id");
            Map<String, Long> alerts = counts(c, "SELECT check_id, COUNT(*) FROM medsafety_alert_event GROUP BY check_id");
            Map<String, Long> audits = counts(c, "SELECT resource_id, COUNT(*) FROM audit_event "
                    + "WHERE action = 'ORDER_CREATE' GROUP BY resource_id");
            long checkAudits = count(c, "SELECT COUNT(*) FROM audit_event WHERE action = 'MEDSAFETY_CHECK'", null);
            int missing = 0;
            for (String[] row : created) {
                String order = row[0];
                boolean ok = orders.getOrDefault(order, 0L) == 1
                        && pending.getOrDefault(order, 0L) == 1
                        && alerts.getOrDefault(row[1], 0L) == Long.parseLong(row[2])
                        && audits.getOrDefault(order, 0L) == 1;
                if (!ok && ++missing <= 5) {
                    System.out.println("missing or incomplete: order " + order + ", check " + row[1]);
                }
            }
            System.out.printf(Locale.ROOT, "verified: %d orders answered 201; %d complete (order, PENDING transition, "
                    + "%d alert rows, ORDER_CREATE audit row); %d orders in the database; %d MEDSAFETY_CHECK audit "
                    + "rows%n", created.size(), created.size() - missing,
                    created.stream().mapToLong(r -> Long.parseLong(r[2])).sum(), orders.size(), checkAudits);
            // every phase waits for its last answer, so the database holds exactly the acknowledged orders
            return missing == 0 && orders.size() == created.size() && checkAudits >= orders.size() ? 0 : 1;
        }
    }

    static Map<String, Long> counts(Connection c, String sql) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1).trim(), rs.getLong(2));
            }
        }
        return counts;
    }

    static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
