package org.cdss.shared.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR clinical scope (App Launch 2.x, with the 1.x forms): {@code system/Patient.rs},
 * {@code patient/*.cruds}, {@code user/Observation.read}. {@code permissions} is a subset of {@code cruds}
 * (create, read, update, delete, search); 1.x {@code read} is {@code rs}, {@code write} is {@code cud}, {@code *}
 * all five. Scopes with query parameters (granular scopes) are not supported and do not parse.
 */
public record SmartScope(Context context, String resourceType, String permissions) {

    public enum Context {
        SYSTEM,
        USER,
        PATIENT
    }

    private static final Pattern SCOPE =
            Pattern.compile("(system|user|patient)/(\\*|[A-Z][A-Za-z]{1,63})\\.(c?r?u?d?s?|read|write|\\*)");

    public static Optional<SmartScope> parse(String scope) {
        Matcher m = SCOPE.matcher(scope == null ? "" : scope);
        if (!m.matches() || m.group(3).isEmpty()) {
            return Optional.empty();
        }
        String permissions = switch (m.group(3)) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> m.group(3);
        };
        return Optional.of(new SmartScope(
                Context.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)), m.group(2), permissions));
    }

    /** Whether this scope grants {@code permission} (one of {@code cruds}) on {@code type}. */
    public boolean allows(String type, char permission) {
        return ("*".equals(resourceType) || resourceType.equals(type)) && permissions.indexOf(permission) >= 0;
    }
}
