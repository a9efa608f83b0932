package org.cdss.identity;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The session store (Spring Session JDBC, same database) on a small connection pool of its own. Every request reads
 * its session before and writes it after the controller's transaction; on the application's pool that second write
 * queued again behind all waiting requests under overload, and when it failed while an error answer was being written
 * (the session is saved as the response commits) the client got a 500 instead of the 409 or 503 it was owed (seen
 * with bench/ocs-load.sh at 700 users). Its own pool also gives it plain JDBC transactions instead of a JPA session per
 * store access. Both beans are not default candidates: only Spring Session, which asks for them by qualifier, sees
 * them, and Boot's own data source and transaction manager are untouched.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean(defaultCandidate = false, destroyMethod = "close")
    @SpringSessionDataSource
    HikariDataSource sessionStoreDataSource(
            DataSourceProperties properties, @Value("${cdss.session.pool-size:5}") int poolSize) {
        HikariDataSource ds = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        ds.setPoolName("cdss-session");
        ds.setMaximumPoolSize(poolSize);
        ds.setMinimumIdle(1);
        ds.setConnectionTimeout(5000);
        ds.setInitializationFailTimeout(-1); // start while the database is down, like the main pool
        return ds;
    }

    /**
     * The store every request sees: Boot's Spring Session JDBC repository (its properties, clean-up and customisers
     * untouched), wrapped so that a request which only moves the last-access time writes nothing (ADR 0043). A
     * post-processor rather than a repository bean of our own, because Boot configures its JDBC store only when the
     * application defines none.
     */
    @Bean
    static BeanPostProcessor throttledSessionTouches(Environment environment) {
        Duration touchInterval =
                environment.getProperty("cdss.session.touch-interval", Duration.class, Duration.ofSeconds(60));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store
                        ? new ThrottledSessionTouches(store, touchInterval)
                        : bean;
            }
        };
    }

    @Bean(defaultCandidate = false)
    @SpringSessionTransactionManager
    PlatformTransactionManager sessionStoreTransactionManager(@SpringSessionDataSource DataSource sessionStore) {
        return new JdbcTransactionManager(sessionStore);
    }
}
