package org.cdss.patients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./cdss rrn reencrypt}: like {@code ./cdss seed}, the application starts as usual on a random loopback port
 * (Flyway migrates first), {@link RrnReencryption} rewrites the stored resident registration numbers under the
 * current key, and the process exits (status 0 on success).
 */
@Component
@ConditionalOnProperty(name = "cdss.rrn.reencrypt", havingValue = "true")
class RrnReencryptionRunner implements ApplicationRunner {

    private final RrnReencryption reencryption;
    private final ConfigurableApplicationContext context;
    private final boolean exit;

    RrnReencryptionRunner(
            RrnReencryption reencryption,
            ConfigurableApplicationContext context,
            @Value("${cdss.rrn.exit:true}") boolean exit) {
        this.reencryption = reencryption;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        reencryption.reencryptAll();
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
