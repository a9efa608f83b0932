package org.cdss.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default's JDBC URL as {@code application.yml} writes it, opened for real: the settings it promises are
 * the ones H2 runs with.
 */
class EmbeddedDefaultUrlTests {

    @TempDir
    Path home;

    @Test
    void the_embedded_default_commits_durably_and_keeps_parsed_statements() throws Exception {
        String url = defaultUrl();
        assertThat(url).startsWith("jdbc:h2:file:" + home);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            // ADR 0020: every commit on disk before it returns
            assertThat(setting(c, "WRITE_DELAY")).isEqualTo("0");
            // ADR 0056: an order create alone runs more distinct statements than H2's default of 8 parsed ones
            assertThat(Integer.parseInt(setting(c, "QUERY_CACHE_SIZE"))).isGreaterThanOrEqualTo(64);
        }
    }

    /** {@code spring.datasource.url} of application.yml with no CDSS_DB_URL and CDSS_HOME = a temporary folder. */
    private String defaultUrl() throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("test", Map.of("cdss.home", home.toString())));
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        // the raw value resolves against this map and the yml only: an environment's CDSS_DB_URL cannot leak in
        return new PropertySourcesPropertyResolver(sources).getRequiredProperty("spring.datasource.url");
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (var s =
                c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("H2 setting %s", name).isTrue();
                return rs.getString(1);
            }
        }
    }
}
