package org.cdss.seed;

import java.time.LocalDate;
import org.cdss.shared.HospitalZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./cdss seed}: the application starts as usual but on a random loopback port ({@code server.port=0}; the
 * identity module needs Spring Session's servlet-only repository, so a non-web context does not start), Flyway
 * migrates the configured database as in a normal start, this runner generates the data and the process exits
 * (status 0 on success).
 */
@Component
@ConditionalOnProperty(name = "cdss.seed.patients")
class SeedRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

    private final SyntheticData data;
    private final ConfigurableApplicationContext context;
    private final SeedPlan plan;
    private final boolean exit;

    SeedRunner(
            SyntheticData data,
            ConfigurableApplicationContext context,
            HospitalZone zone,
            @Value("${cdss.seed.patients}") int patients,
            @Value("${cdss.seed.days:30}") int days,
            @Value("${cdss.seed.seed:1}") long seed,
            @Value("${cdss.seed.today:}") String today,
            @Value("${cdss.seed.exit:true}") boolean exit) {
        this.data = data;
        this.context = context;
        this.exit = exit;
        this.plan = new SeedPlan(
                patients, days, seed, today.isBlank() ? LocalDate.now(zone.zoneId()) : LocalDate.parse(today));
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info(
                "seed: {} patients, {} days ending {}, seed {}",
                plan.patients(),
                plan.days(),
                plan.today().plusDays(7),
                plan.seed());
        var result = data.seed(plan);
        log.info("seed: done in {} s: {} (digest {})", result.millis() / 1000, result.rows(), result.digest());
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
