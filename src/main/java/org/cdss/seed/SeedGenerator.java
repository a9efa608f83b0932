package org.cdss.seed;

/**
 * One kind of synthetic data (patients, staff and schedules, appointments…). Generators run in {@link #order()}
 * and share what earlier ones made through the {@link SeedContext}; each draws from its own random stream, so adding
 * a generator (encounters, say) does not change what the others produce.
 */
interface SeedGenerator {

    /** A stable name: it seeds this generator's random stream. */
    String kind();

    int order();

    void generate(SeedContext context);
}
