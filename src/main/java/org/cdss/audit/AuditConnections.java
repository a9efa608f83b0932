package org.cdss.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's own small connection pool (same database, auto-commit). An audit row must be written even when
 * the request's transaction is read-only or rolls back, so it cannot join that transaction; taking a second
 * connection from the application's pool while holding one deadlocks under load (every request waits for a
 * connection that only another waiting request could return). With a pool of its own, an audit insert never waits
 * on a request's connection. Deliberately not a {@code DataSource} bean, so Boot's own data source is untouched.
 */
@Component
class AuditConnections implements DisposableBean {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    /** A transaction of its own on this pool, whatever the caller's transaction on the application's pool. */
    private final TransactionTemplate together;

    AuditConnections(DataSourceProperties properties, @Value("${cdss.audit.pool-size:4}") int poolSize) {
        HikariDataSource ds = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        ds.setPoolName("cdss-audit");
        ds.setMaximumPoolSize(poolSize);
        ds.setMinimumIdle(1);
        ds.setAutoCommit(true);
        ds.setConnectionTimeout(5000);
        ds.setInitializationFailTimeout(-1); // start while the database is down, like the main pool
        this.pool = ds;
        this.jdbc = JdbcClient.create(ds);
        this.named = new NamedParameterJdbcTemplate(ds);
        this.together = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.together.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Inserts the rows as one JDBC batch in one transaction: one commit (one durable write on H2) for all of them. */
    @SuppressWarnings("unchecked")
    void insertTogether(String sql, List<Map<String, Object>> rows) {
        Map<String, ?>[] batch = rows.toArray(new Map[0]);
        together.executeWithoutResult(status -> named.batchUpdate(sql, batch));
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
