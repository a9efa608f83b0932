package org.cdss.medsafety;

import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the knowledge base once at start-up. When it is missing or corrupt the application still starts, logs it
 * loudly, reports the {@code medsafetyKnowledgeBase} health (part of readiness) DOWN, and every check answers
 * "incomplete".
 */
@Configuration(proxyBeanMethods = false)
class MedsafetyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MedsafetyConfiguration.class);

    @Bean
    SafetyEngine safetyEngine(@Value("${cdss.medsafety.kb-location:classpath}") String location) {
        long start = System.nanoTime();
        try {
            KnowledgeBase kb = location.equals("classpath")
                    ? KnowledgeBaseLoader.fromClasspath()
                    : KnowledgeBaseLoader.load(file -> {
                        java.nio.file.Path path = java.nio.file.Path.of(location, file);
                        return java.nio.file.Files.exists(path) ? java.nio.file.Files.newInputStream(path) : null;
                    });
            log.info(
                    "Medication knowledge base {} loaded in {} ms: {} ingredients, {} interaction rules.",
                    kb.version(),
                    (System.nanoTime() - start) / 1_000_000,
                    kb.ingredientCount(),
                    kb.ruleCount());
            return SafetyEngine.with(kb);
        } catch (RuntimeException e) {
            log.error(
                    "MEDICATION SAFETY DISABLED: the knowledge base could not be loaded ({}). CDSS starts with "
                            + "readiness DOWN and every medication check answers INCOMPLETE.",
                    e.getMessage());
            return SafetyEngine.unavailable(e.getMessage());
        }
    }

    /** The reference-set figures of the loaded KB, measured once on first request (about 230 checks, ms). */
    @Bean
    ReferenceSetMeasure referenceSetMeasure(SafetyEngine engine) {
        return new ReferenceSetMeasure(engine);
    }

    @Bean
    HealthIndicator medsafetyKnowledgeBaseHealthIndicator(SafetyEngine engine) {
        return () -> engine.available()
                ? Health.up().withDetail("version", engine.info().version()).build()
                : Health.down().withDetail("knowledgeBase", "not loaded").build();
    }
}
