package org.cdss.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseVendorTests {

    @Test
    void the_vendor_follows_the_jdbc_url() {
        assertThat(DatabaseVendor.fromJdbcUrl("jdbc:h2:file:./data/db/cdss")).isEqualTo(DatabaseVendor.H2);
        assertThat(DatabaseVendor.fromJdbcUrl("jdbc:postgresql://db/cdss")).isEqualTo(DatabaseVendor.POSTGRESQL);
        assertThat(DatabaseVendor.fromJdbcUrl("jdbc:mariadb://db/cdss")).isEqualTo(DatabaseVendor.MARIADB);
        assertThat(DatabaseVendor.MARIADB.flywayPlaceholders()).containsEntry("ts", "DATETIME(6)");
    }

    @Test
    void an_unsupported_database_is_refused_without_echoing_credentials() {
        assertThatThrownBy(() -> DatabaseVendor.fromJdbcUrl("jdbc:oracle:thin://scott:tiger@db:1521/x"))
                .hasMessageContaining("Unsupported")
                .hasMessageNotContaining("tiger");
    }
}
