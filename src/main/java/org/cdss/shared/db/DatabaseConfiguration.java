package org.cdss.shared.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/** Vendor-specific wiring of Flyway and Hibernate, decided from the configured JDBC URL. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final Pattern H2_WRITE_DELAY = Pattern.compile("(?i);WRITE_DELAY=(\\d+)");

    @Bean
    DatabaseVendor databaseVendor(DataSourceProperties properties) {
        String url = properties.determineUrl();
        DatabaseVendor vendor = DatabaseVendor.fromJdbcUrl(url);
        int writeDelay = h2WriteDelayMillis(url);
        if (writeDelay > 0) {
            log.warn(
                    "H2 write delay {} ms: orders and other commits of the last {} ms before a crash can be lost."
                            + " Demo use only; unset CDSS_H2_WRITE_DELAY (or add WRITE_DELAY=0 to the URL) for durable"
                            + " commits (ADR 0020).",
                    writeDelay,
                    writeDelay);
        }
        return vendor;
    }

    /**
     * How long a commit to an H2 file database may stay in memory before H2 writes it ({@code WRITE_DELAY}, H2's
     * default 500 ms when the URL does not name it); 0 for durable commits and for everything that is not an H2 file.
     */
    static int h2WriteDelayMillis(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return 0;
        }
        Matcher m = H2_WRITE_DELAY.matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : H2_DEFAULT_WRITE_DELAY;
    }

    private static final int H2_DEFAULT_WRITE_DELAY = 500;

    /**
     * Spring Modulith's JDBC event publication repository asks the database for its product name at start-up, which
     * fails while the database is down; like the Hibernate dialect, its database type is told from the URL instead.
     */
    @Bean
    static BeanFactoryPostProcessor eventPublicationDatabaseTypeFromUrl() {
        return beanFactory -> {
            if (!(beanFactory instanceof BeanDefinitionRegistry registry)
                    || !registry.containsBeanDefinition(MODULITH_DATABASE_TYPE)) {
                return;
            }
            Class<?> type = ClassUtils.resolveClassName(MODULITH_DATABASE_TYPE_CLASS, beanFactory.getBeanClassLoader());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Supplier<Object> fromUrl = () -> {
                DatabaseVendor vendor = beanFactory.getBean(DatabaseVendor.class);
                String name = vendor == DatabaseVendor.POSTGRESQL ? "POSTGRES" : vendor.name();
                return Enum.valueOf((Class) type, name);
            };
            RootBeanDefinition definition = new RootBeanDefinition(type);
            definition.setInstanceSupplier(fromUrl);
            registry.removeBeanDefinition(MODULITH_DATABASE_TYPE);
            registry.registerBeanDefinition(MODULITH_DATABASE_TYPE, definition);
        };
    }

    private static final String MODULITH_DATABASE_TYPE = "databaseType";
    private static final String MODULITH_DATABASE_TYPE_CLASS = "org.springframework.modulith.events.jdbc.DatabaseType";

    @Bean
    FlywayConfigurationCustomizer vendorPlaceholders(DatabaseVendor vendor) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.putAll(vendor.flywayPlaceholders());
            configuration.placeholders(placeholders);
            // portable migrations plus this vendor's own (indexes only one database has; ADR 0008)
            List<String> locations = new ArrayList<>(Arrays.stream(configuration.getLocations())
                    .map(Location::getDescriptor)
                    .toList());
            if (!locations.contains(vendor.migrationLocation())) {
                locations.add(vendor.migrationLocation());
            }
            configuration.locations(locations.toArray(String[]::new));
        };
    }

    /**
     * The dialect is named rather than detected so that the application can start while the database is down
     * (readiness then reports DOWN; see {@link DatabaseStartup}).
     */
    @Bean
    HibernatePropertiesCustomizer vendorDialect(DatabaseVendor vendor) {
        return properties -> properties.putIfAbsent("hibernate.dialect", vendor.hibernateDialect());
    }

    @Bean
    DatabaseStartup databaseStartup(
            DataSource dataSource, DataSourceProperties properties, ApplicationEventPublisher events) {
        return new DatabaseStartup(dataSource, properties.determineUrl(), events);
    }

    @Bean
    FlywayMigrationStrategy migrateWhenReachable(DatabaseStartup startup) {
        return startup::migrate;
    }
}
