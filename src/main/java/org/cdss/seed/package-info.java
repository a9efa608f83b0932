/**
 * Synthetic data ({@code ./cdss seed --patients N --days D [--seed S]}): realistic Korean patients, doctors with
 * weekly schedules and their appointments, written in JDBC batches into the configured database for demos and
 * benchmarks. The same seed and start date give the same rows. One generator per kind of data
 * ({@link org.cdss.seed.SeedGenerator}); runs only when {@code cdss.seed.patients} is set, never in a normal start.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Synthetic data",
        allowedDependencies = {"shared", "patients"})
@org.jspecify.annotations.NullMarked
package org.cdss.seed;
