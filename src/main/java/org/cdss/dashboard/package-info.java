/**
 * Dashboard: read models and statistics. This first slice is the home page summary of the logged-in user; issue 3
 * adds the live department dashboard.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {"shared", "audit", "identity", "patients", "scheduling"})
@org.jspecify.annotations.NullMarked
package org.cdss.dashboard;
