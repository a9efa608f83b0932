/**
 * Identity: staff and patient accounts, roles, departments, login and logout, server-side sessions, the security
 * filter chain and the admin screens for users. Publishes nothing; records logins through the audit module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"shared", "audit"})
@org.jspecify.annotations.NullMarked
package org.cdss.identity;
