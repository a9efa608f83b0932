/**
 * Demo mode ({@code cdss.mode=demo}, the embedded default of {@code ./cdss run}): on first start, one demo user per
 * role and a handful of synthetic patients. Production mode never creates them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"shared", "identity", "patients", "scheduling"})
@org.jspecify.annotations.NullMarked
package org.cdss.demo;
