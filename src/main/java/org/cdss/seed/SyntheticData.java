package org.cdss.seed;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.HospitalZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the generators in order into the configured database (or only through the digest, for a dry run). */
@Service
public class SyntheticData {

    private static final Logger log = LoggerFactory.getLogger(SyntheticData.class);
    static final int BATCH = 2000;
    /** Departments that hold no outpatient clinic. */
    private static final List<String> NON_CLINICAL = List.of("FRONT_OFFICE", "PHARMACY", "LABORATORY", "RADIOLOGY");

    private final List<SeedGenerator> generators;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final HospitalZone zone;

    SyntheticData(
            List<SeedGenerator> generators,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PasswordEncoder passwords,
            HospitalZone zone) {
        this.generators = generators.stream()
                .sorted(Comparator.comparingInt(SeedGenerator::order))
                .toList();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
        this.zone = zone;
    }

    /** What a run wrote: rows per table and the digest of every row (equal for equal plans). */
    public record SeedResult(Map<String, Long> rows, String digest, long millis) {}

    SeedResult seed(SeedPlan plan) {
        Long existing = jdbc.queryForObject(
                "SELECT COUNT(*) FROM app_user WHERE username LIKE ?",
                Long.class,
                StaffGenerator.USERNAME_PREFIX + "%");
        if (existing != null && existing > 0) {
            throw new IllegalStateException("this database already holds synthetic data (users "
                    + StaffGenerator.USERNAME_PREFIX + "…): seed a fresh database");
        }
        return run(plan, new SeedWriter(jdbc, transactions, BATCH));
    }

    /** Generates without writing: only the digest and the counts. */
    SeedResult dryRun(SeedPlan plan) {
        return run(plan, SeedWriter.dryRun());
    }

    private SeedResult run(SeedPlan plan, SeedWriter writer) {
        long started = System.nanoTime();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        var context = new SeedContext(
                plan,
                writer,
                zone.zoneId(),
                clinicalDepartments(),
                passwords.encode(Base64.getEncoder().encodeToString(secret)));
        for (SeedGenerator generator : generators) {
            long t = System.nanoTime();
            generator.generate(context);
            writer.flush();
            log.info("seed: {} done in {} ms", generator.kind(), (System.nanoTime() - t) / 1_000_000);
        }
        return new SeedResult(writer.counts(), writer.digest(), (System.nanoTime() - started) / 1_000_000);
    }

    private List<UUID> clinicalDepartments() {
        List<UUID> departments = jdbc
                .query(
                        "SELECT id, code FROM department WHERE active = TRUE ORDER BY code",
                        (rs, n) -> NON_CLINICAL.contains(rs.getString("code"))
                                ? null
                                : UUID.fromString(rs.getString("id").trim()))
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        if (departments.isEmpty()) {
            throw new IllegalStateException("no clinical department to hold synthetic clinics");
        }
        return departments;
    }
}
