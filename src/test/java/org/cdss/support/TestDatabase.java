package org.cdss.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application context at a fresh database of the kind named by the system property
 * {@code cdss.test.db} (h2, postgresql, mariadb): creates it before the context starts and drops it when the test JVM
 * ends. PostgreSQL and MariaDB are the real servers on 127.0.0.1 (no containers on this machine).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KIND = System.getProperty("cdss.test.db", "h2");

    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = create(newName(), (url, user, sql) -> dropAtExit(context, url, user, sql));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cdss-test-db", properties));
    }

    /**
     * A fresh PostgreSQL or MariaDB database for an application that runs outside this JVM (a child process): its
     * {@code spring.datasource.*} properties, dropped when the test JVM ends. Empty for H2: the child then uses its
     * own default, the H2 file under its {@code CDSS_HOME}.
     */
    public static Map<String, Object> freshForChildProcess() {
        if (KIND.equals("h2")) {
            return Map.of();
        }
        return create(
                newName(),
                (url, user, sql) -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        execute(url, user, sql);
                    } catch (RuntimeException ignored) {
                        // best effort at JVM exit
                    }
                })));
    }

    /**
     * A fresh, empty database of {@link #KIND} that a test migrates and fills itself (a migration test), outside any
     * application context; dropped when closed (H2: its own in-memory database, shut down).
     */
    public static Scratch scratch() {
        String[] drop = new String[3];
        Map<String, Object> properties = create(newName(), (url, user, sql) -> {
            drop[0] = url;
            drop[1] = user;
            drop[2] = sql;
        });
        String url = (String) properties.get("spring.datasource.url");
        String user = (String) properties.get("spring.datasource.username");
        if (KIND.equals("h2")) {
            return new Scratch(url, user, () -> execute(url, user, "SHUTDOWN"));
        }
        return new Scratch(url, user, () -> execute(drop[0], drop[1], drop[2]));
    }

    /** A scratch database: its JDBC URL and user (empty password), and how to drop it. */
    public record Scratch(String url, String user, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    private interface Drop {
        void atExit(String adminUrl, String user, String sql);
    }

    private static String newName() {
        return "cdss_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Map<String, Object> create(String name, Drop drop) {
        return switch (KIND) {
            case "postgresql" -> {
                execute(PG_ADMIN_URL, "postgres", "CREATE DATABASE " + name);
                drop.atExit(PG_ADMIN_URL, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                yield Map.of(
                        "spring.datasource.url",
                        "jdbc:postgresql://127.0.0.1:5432/" + name,
                        "spring.datasource.username",
                        "postgres",
                        "spring.datasource.password",
                        "");
            }
            case "mariadb" -> {
                execute(
                        MARIADB_ADMIN_URL,
                        "root",
                        "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                drop.atExit(MARIADB_ADMIN_URL, "root", "DROP DATABASE IF EXISTS " + name);
                yield Map.of(
                        "spring.datasource.url",
                        "jdbc:mariadb://127.0.0.1:3306/" + name,
                        "spring.datasource.username",
                        "root",
                        "spring.datasource.password",
                        "");
            }
            case "h2" ->
                Map.of(
                        "spring.datasource.url",
                        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.username",
                        "sa",
                        "spring.datasource.password",
                        "");
            default -> throw new IllegalStateException("unknown cdss.test.db: " + KIND);
        };
    }

    /** Whether the database server for {@link #KIND} answers (H2 always does). */
    public static boolean available() {
        try {
            switch (KIND) {
                case "postgresql" ->
                    DriverManager.getConnection(PG_ADMIN_URL, "postgres", "").close();
                case "mariadb" ->
                    DriverManager.getConnection(MARIADB_ADMIN_URL, "root", "").close();
                default -> {}
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the " + KIND + " test database: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the database at JVM exit, after closing its application context: Spring's own shutdown hook closes the
     * context concurrently, and a context still running (outbox, pools) on a dropped database held the forked test
     * JVM until surefire killed it (30 s per run). Closing twice is harmless.
     */
    private static void dropAtExit(ConfigurableApplicationContext context, String url, String user, String sql) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // closing is best effort too; the drop below must still run
            }
            try {
                execute(url, user, sql);
            } catch (RuntimeException ignored) {
                // best effort at JVM exit
            }
        }));
    }
}
