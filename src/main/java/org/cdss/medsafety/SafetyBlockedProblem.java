package org.cdss.medsafety;

import java.util.List;
import java.util.UUID;

/**
 * The problem+json body (RFC 9457) of an order send refused by blocking medication-safety alerts (422): the stable
 * {@code type}/{@code code}, title and detail, the {@code checkId} of the check in the alert log, and the
 * {@code findings}, each with what its override needs. Documents the answer in the OpenAPI document (the web layer
 * writes it); the client sends again with an override that satisfies every finding's {@code override}.
 */
public record SafetyBlockedProblem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        UUID checkId,
        List<SafetyFinding> findings) {}
