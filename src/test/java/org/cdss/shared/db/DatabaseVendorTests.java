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

    @Test
    void the_embedded_default_commits_durably_and_any_h2_file_url_with_a_write_delay_is_noticed() {
        assertThat(DatabaseConfiguration.h2WriteDelayMillis(
                        "jdbc:h2:file:./data/db/cdss;MODE=LEGACY;AUTO_SERVER=FALSE;WRITE_DELAY=0"))
                .isZero();
        assertThat(DatabaseConfiguration.h2WriteDelayMillis("jdbc:h2:file:./data/db/cdss;write_delay=200"))
                .isEqualTo(200);
        // H2's own default, 500 ms, when an operator's H2 file URL does not say
        assertThat(DatabaseConfiguration.h2WriteDelayMillis("jdbc:h2:file:./data/db/cdss;MODE=LEGACY"))
                .isEqualTo(500);
        assertThat(DatabaseConfiguration.h2WriteDelayMillis("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"))
                .isZero();
        assertThat(DatabaseConfiguration.h2WriteDelayMillis("jdbc:postgresql://db/cdss"))
                .isZero();
    }
}
