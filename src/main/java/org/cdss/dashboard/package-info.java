/**
 * Dashboard: read models and statistics. This first slice is the home page summary of the logged-in user; issue 3
 * adds the live department dashboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.cdss.dashboard;
