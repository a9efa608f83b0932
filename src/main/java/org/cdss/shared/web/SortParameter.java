package org.cdss.shared.web;

import java.util.Set;
import org.springframework.data.domain.Sort;

/**
 * Reads a {@code sort=field,asc|desc} request parameter against the fields a list allows (anything else falls back
 * to the default field, so clients cannot sort by arbitrary columns), with the id as a stable tie-breaker.
 */
public final class SortParameter {

    private SortParameter() {}

    public static Sort parse(String sort, Set<String> allowed, String defaultField) {
        String[] parts = sort == null ? new String[0] : sort.split(",");
        String field = parts.length > 0 && allowed.contains(parts[0]) ? parts[0] : defaultField;
        boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, field).and(Sort.by("id"));
    }
}
