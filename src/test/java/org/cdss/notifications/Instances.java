package org.cdss.notifications;

import java.util.ArrayList;
import java.util.List;
import org.cdss.CdssApplication;
import org.cdss.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Whole application instances started by hand (for restart and multi-instance tests): the first on a fresh database of
 * the kind under test ({@link TestDatabase}), the others on the same database.
 */
final class Instances {

    private Instances() {}

    static ConfigurableApplicationContext startOnFreshDatabase(
            List<String> args, ApplicationContextInitializer<?>... initializers) {
        List<ApplicationContextInitializer<?>> all = new ArrayList<>(List.of(initializers));
        all.add(new TestDatabase());
        return builder(all).run(withDefaults(args));
    }

    static ConfigurableApplicationContext startOnSameDatabase(ConfigurableApplicationContext first, List<String> args) {
        Environment env = first.getEnvironment();
        List<String> all = new ArrayList<>(args);
        all.add("--spring.datasource.url=" + env.getProperty("spring.datasource.url"));
        all.add("--spring.datasource.username=" + env.getProperty("spring.datasource.username"));
        all.add("--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""));
        return builder(List.of()).run(withDefaults(all));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static SpringApplicationBuilder builder(List<ApplicationContextInitializer<?>> initializers) {
        return new SpringApplicationBuilder(CdssApplication.class)
                .profiles("test")
                .initializers(initializers.toArray(ApplicationContextInitializer[]::new));
    }

    private static String[] withDefaults(List<String> args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.shutdown=immediate"));
        all.addAll(args);
        return all.toArray(String[]::new);
    }
}
