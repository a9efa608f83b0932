package org.cdss.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects generated rows per statement and writes them in JDBC batches, one transaction per flush, in the order the
 * statements were first used (so parents reach the database before their children). Every row also goes into a
 * SHA-256 digest of the whole data set, the proof that a seed reproduces its rows; without a database it only
 * digests (a dry run).
 */
final class SeedWriter {

    /** A value that differs between runs by design (a password hash): written, but not digested. */
    record Unrepeatable(Object value) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Map<String, List<Object[]>> pending = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final MessageDigest digest;
    private int buffered;

    SeedWriter(JdbcTemplate jdbc, TransactionTemplate transactions, int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = batchSize;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SeedWriter dryRun() {
        return new SeedWriter(null, null, Integer.MAX_VALUE);
    }

    void insert(String table, String sql, Object... values) {
        digest.update(sql.getBytes(StandardCharsets.UTF_8));
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Unrepeatable u) {
                row[i] = u.value();
                digest.update((byte) 1);
            } else {
                row[i] = v;
                digest.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        counts.merge(table, 1L, Long::sum);
        if (jdbc == null) {
            return;
        }
        pending.computeIfAbsent(sql, s -> new ArrayList<>()).add(row);
        if (++buffered >= batchSize) {
            flush();
        }
    }

    void flush() {
        if (jdbc == null || buffered == 0) {
            return;
        }
        transactions.executeWithoutResult(status -> pending.forEach((sql, rows) -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }));
        buffered = 0;
    }

    String digest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Rows per table, in the order tables were first written. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }
}
