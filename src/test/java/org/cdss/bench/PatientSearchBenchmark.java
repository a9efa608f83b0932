package org.cdss.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import org.cdss.CdssApplication;
import org.cdss.patients.PatientDirectory;
import org.cdss.scheduling.AppointmentStatistics;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The 1 M-patient search benchmark ({@code bench/patient-search.sh}). Starts CDSS (on a random loopback port) on the given
 * database, seeds it through {@code ./cdss seed}'s generators when {@code --seed-patients} is given, then calls the
 * search service in-process (with its audit record, as the endpoint does) with a mix of realistic queries taken
 * from the data, and times the dashboard's appointment counts. Baselines in the same run: {@code SELECT 1} and a
 * primary-key lookup of a patient. Prints p50/p95/p99 and throughput (one thread).
 * <p>
 * Arguments: {@code JDBC_URL USER [seedPatients] [days] [iterations]}.
 */
public final class PatientSearchBenchmark {

    private PatientSearchBenchmark() {}

    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        int seedPatients = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
        var app = new SpringApplication(CdssApplication.class);
        List<String> props = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--cdss.mode=production",
                "--cdss.rrn-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "--cdss.rrn-hash-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "--logging.level.root=WARN",
                "--logging.level.org.cdss.seed=INFO",
                "--cdss.seed.exit=false",
                "--server.port=0",
                "--server.address=127.0.0.1"));
        if (seedPatients > 0) {
            props.add("--cdss.seed.patients=" + seedPatients);
            props.add("--cdss.seed.days=" + days);
            props.add("--cdss.seed.seed=1");
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = app.run(props.toArray(String[]::new))) {
            System.out.printf(
                    "start-up (migrations%s): %.1f s%n",
                    seedPatients > 0 ? " + seeding " + seedPatients + " patients" : "",
                    (System.nanoTime() - started) / 1e9);
            run(context, iterations);
        }
    }

    private static void run(ConfigurableApplicationContext context, int iterations) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        if (url(context).startsWith("jdbc:postgresql:")) {
            long t = System.nanoTime();
            jdbc.sql("VACUUM ANALYZE patient").update();
            jdbc.sql("VACUUM ANALYZE appointment").update();
            jdbc.sql("VACUUM ANALYZE patient_department").update();
            System.out.printf("VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        long patients =
                jdbc.sql("SELECT COUNT(*) FROM patient").query(Long.class).single();
        long appointments =
                jdbc.sql("SELECT COUNT(*) FROM appointment").query(Long.class).single();
        System.out.printf("data: %,d patients, %,d appointments%n", patients, appointments);
        UUID pulmonology = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
        var doctor = new CdssPrincipal(
                UUID.randomUUID(), "bench", "bench", EnumSet.of(Role.DOCTOR), Set.of(pulmonology), null);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        doctor, null, List.of(new SimpleGrantedAuthority(Role.DOCTOR.authority()))));

        // queries taken from random synthetic patients (MRN 9 + index)
        SplittableRandom random = new SplittableRandom(7);
        int synthetic = (int) jdbc.sql("SELECT COUNT(*) FROM patient WHERE mrn LIKE '9%'")
                .query(Long.class)
                .single()
                .longValue();
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (String kind :
                List.of("full name", "name prefix", "chosung", "MRN", "phone", "phone last 8", "birth date")) {
            queries.put(kind, new ArrayList<>());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String mrn = String.format("9%09d", random.nextInt(synthetic));
            var row = jdbc.sql("SELECT id, name, name_initials, phone, birth_date FROM patient WHERE mrn = :mrn")
                    .param("mrn", mrn)
                    .query()
                    .singleRow();
            String name = (String) row.get("name");
            String phone = (String) row.get("phone");
            ids.add(((String) row.get("id")).trim());
            queries.get("full name").add(name);
            queries.get("name prefix").add(name.substring(0, Math.min(2, name.length())));
            queries.get("chosung").add((String) row.get("name_initials"));
            queries.get("MRN").add(mrn);
            queries.get("phone").add(phone);
            queries.get("phone last 8").add(phone.substring(4).replace("-", ""));
            queries.get("birth date").add(String.valueOf(row.get("birth_date")));
        }
        PatientDirectory directory = context.getBean(PatientDirectory.class);
        AppointmentStatistics statistics = context.getBean(AppointmentStatistics.class);
        List<String> kinds = new ArrayList<>(queries.keySet());

        // warm-up
        for (int i = 0; i < Math.max(200, iterations / 10); i++) {
            String kind = kinds.get(i % kinds.size());
            directory.search(queries.get(kind).get(random.nextInt(300)), null, 0, 20, null);
            jdbc.sql("SELECT 1").query(Integer.class).single();
        }
        System.out.println();
        System.out.println("| operation | n | p50 ms | p95 ms | p99 ms | max ms | ops/s (1 thread) |");
        System.out.println("|---|---|---|---|---|---|---|");
        time(
                "baseline: SELECT 1",
                iterations,
                () -> jdbc.sql("SELECT 1").query(Integer.class).single());
        time(
                "baseline: patient by primary key",
                iterations,
                () -> jdbc.sql("SELECT id, mrn, name, birth_date" + " FROM patient WHERE id = :id")
                        .param("id", ids.get(random.nextInt(ids.size())))
                        .query()
                        .listOfRows());
        Map<String, long[]> byKind = new LinkedHashMap<>();
        long[] all = new long[iterations];
        for (String kind : kinds) {
            byKind.put(kind, new long[iterations / kinds.size()]);
        }
        int[] filled = new int[kinds.size()];
        long wall = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            int k = i % kinds.size();
            String q = queries.get(kinds.get(k)).get(random.nextInt(300));
            long t = System.nanoTime();
            directory.search(q, null, 0, 20, null);
            long took = System.nanoTime() - t;
            all[i] = took;
            long[] samples = byKind.get(kinds.get(k));
            if (filled[k] < samples.length) {
                samples[filled[k]++] = took;
            }
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        print("search: mix (all kinds)", all, iterations / seconds);
        for (int k = 0; k < kinds.size(); k++) {
            long[] samples = Arrays.copyOf(byKind.get(kinds.get(k)), filled[k]);
            print("search: " + kinds.get(k), samples, Double.NaN);
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        int dashboardRuns = Math.max(100, iterations / 10);
        time("dashboard: today's counts, all departments", dashboardRuns, () -> statistics.day(today, null));
        time("dashboard: today's counts, one department", dashboardRuns, () -> statistics.day(today, pulmonology));
        SecurityContextHolder.clearContext();
    }

    private static String url(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("spring.datasource.url", "");
    }

    private static void time(String label, int n, Supplier<?> work) {
        long[] samples = new long[n];
        long wall = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            work.get();
            samples[i] = System.nanoTime() - t;
        }
        print(label, samples, n / ((System.nanoTime() - wall) / 1e9));
    }

    private static void print(String label, long[] samples, double throughput) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "| %s | %d | %.2f | %.2f | %.2f | %.2f | %s |%n",
                label,
                sorted.length,
                ms(sorted, 0.50),
                ms(sorted, 0.95),
                ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                Double.isNaN(throughput) ? "" : String.format("%.0f", throughput));
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
