package org.cdss.shared.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
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

    @Bean
    DatabaseVendor databaseVendor(DataSourceProperties properties) {
        return DatabaseVendor.fromJdbcUrl(properties.determineUrl());
    }

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
