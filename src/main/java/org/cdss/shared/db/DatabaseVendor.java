package org.cdss.shared.db;

import java.util.Locale;

/**
 * The three databases CDSS runs on. Migrations are written once; the few column types that differ are Flyway
 * placeholders filled from here (ADR 0003). Detected from the JDBC URL, so it works while the database is down.
 */
public enum DatabaseVendor {
    H2("org.hibernate.dialect.H2Dialect", "TIMESTAMP(6)", "CLOB", "BLOB"),
    POSTGRESQL("org.hibernate.dialect.PostgreSQLDialect", "TIMESTAMP(6)", "TEXT", "BYTEA"),
    MARIADB("org.hibernate.dialect.MariaDBDialect", "DATETIME(6)", "LONGTEXT", "LONGBLOB");

    private final String hibernateDialect;
    private final String timestampType;
    private final String textType;
    private final String blobType;

    DatabaseVendor(String hibernateDialect, String timestampType, String textType, String blobType) {
        this.hibernateDialect = hibernateDialect;
        this.timestampType = timestampType;
        this.textType = textType;
        this.blobType = blobType;
    }

    public static DatabaseVendor fromJdbcUrl(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("Unsupported database URL (use H2, PostgreSQL or MariaDB): "
                + u.replaceAll("//[^/@]*@", "//***@"));
    }

    public String hibernateDialect() {
        return hibernateDialect;
    }

    /** The folder of this vendor's own migrations, read after {@code db/migration} (ADR 0008). */
    public String migrationLocation() {
        return "classpath:db/vendor/" + name().toLowerCase(Locale.ROOT);
    }

    /** Placeholders available to every migration as {@code ${name}}. */
    public java.util.Map<String, String> flywayPlaceholders() {
        return java.util.Map.of("ts", timestampType, "text", textType, "blob", blobType);
    }
}
