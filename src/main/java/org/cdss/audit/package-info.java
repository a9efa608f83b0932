/**
 * Audit: the append-only trail of who read or changed which record, logins and refusals. Other modules call
 * {@link org.cdss.audit.AuditLog#record}; admins read it through {@code GET /api/admin/audit}. There is no update or
 * delete path for audit rows. A request that reads through several module APIs may collect their rows in a batch
 * ({@link org.cdss.audit.AuditLog#openBatch}, written together by {@link org.cdss.audit.AuditLog#flushBatch} before it
 * answers, ADR 0049); the FHIR facade does. Rows written on the audit's own pool share their commit with concurrent
 * appends (group commit, ADR 0054); each caller still returns only once its rows are committed.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.cdss.audit;
