/**
 * Notifications: the real-time push channel to connected browsers (server-sent events), per user and per department.
 * Modules publish domain events; listeners here push small messages (ids and facts, no patient data) after commit,
 * and the browser refetches what it shows. Persistent notifications and broker fan-out come with the OCS issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.cdss.notifications;
