/**
 * Shared kernel: problem types and the RFC 9457 mapping, the authenticated principal, paging records,
 * database vendor support. Every module may use it; it uses no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.cdss.shared;
