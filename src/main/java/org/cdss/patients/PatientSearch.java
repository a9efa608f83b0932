package org.cdss.patients;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.PageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ranked patient search behind {@code GET /api/patients?q=}. The query text decides which kinds of match are
 * tried; each kind has a rank, and the result is ordered by the best rank a row reaches, then by whether the patient
 * has been seen in one of the preferred departments, then by name and MRN:
 * <ol start="0">
 * <li>exact MRN</li>
 * <li>exact phone number or birth date</li>
 * <li>exact full name (Hangul or Latin)</li>
 * <li>name, MRN or phone prefix</li>
 * <li>initial consonants (초성): exact or prefix</li>
 * <li>substring of the name or phone (terms of three characters or more)</li>
 * </ol>
 * Every condition is a plain equality or {@code LIKE} on one column, so the SQL runs unchanged on H2, PostgreSQL and
 * MariaDB; on PostgreSQL the pattern and trigram indexes of {@code db/vendor/postgresql} make it fast at a million
 * patients (ADR 0008, {@code bench/patient-search.sh}).
 */
@Component
class PatientSearch {

    /** The columns of a patient's header ({@link PatientSummaryView}), of the table aliased {@code p}. */
    static final String SUMMARY_COLUMNS = "p.id, p.mrn, p.name, p.name_latin, p.birth_date, p.sex, p.active";

    /** Substring matches below this length would scan the whole table (no trigram to look up) and match too much. */
    static final int MIN_SUBSTRING = 3;

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "mrn",
            "p.mrn",
            "name",
            "p.name",
            "nameLatin",
            "p.name_latin",
            "birthDate",
            "p.birth_date",
            "createdAt",
            "p.created_at");

    private final JdbcClient jdbc;

    PatientSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How to order: by relevance (the ranks above), or by one field when the client asked for it. */
    record Order(String field, boolean descending) {
        static final Order RELEVANCE = new Order(null, false);

        static Order parse(String sort) {
            if (sort == null || sort.isBlank()) {
                return RELEVANCE;
            }
            String[] parts = sort.split(",");
            String field = parts[0].trim();
            if (!SORT_COLUMNS.containsKey(field)) {
                return RELEVANCE;
            }
            return new Order(field, parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc"));
        }
    }

    private record Match(int rank, String condition) {}

    PageView<PatientSummaryView> search(
            String q, Collection<UUID> preferredDepartments, int page, int size, Order order) {
        String term = normalised(q);
        var params = new java.util.HashMap<String, Object>();
        List<Match> matches = matches(term, params);
        String where = matches.isEmpty()
                ? ""
                : " WHERE "
                        + String.join(
                                " OR ",
                                matches.stream()
                                        .map(m -> "(" + m.condition() + ")")
                                        .toList());

        StringBuilder orderBy = new StringBuilder(" ORDER BY ");
        if (order.field() != null) {
            orderBy.append(SORT_COLUMNS.get(order.field())).append(order.descending() ? " DESC" : " ASC");
        } else {
            if (!matches.isEmpty()) {
                StringBuilder rank = new StringBuilder("CASE");
                matches.forEach(m -> rank.append(" WHEN ")
                        .append(m.condition())
                        .append(" THEN ")
                        .append(m.rank()));
                orderBy.append(rank).append(" ELSE 9 END, ");
                if (!preferredDepartments.isEmpty()) {
                    // a department's own patients first; only among matches, never over the whole table
                    orderBy.append("CASE WHEN EXISTS (SELECT 1 FROM patient_department d WHERE d.patient_id = p.id"
                            + " AND d.department_id IN (:departments)) THEN 0 ELSE 1 END, ");
                    params.put(
                            "departments",
                            preferredDepartments.stream().map(UUID::toString).toList());
                }
            }
            orderBy.append("p.name");
        }
        orderBy.append(", p.mrn");

        var countQuery = jdbc.sql("SELECT COUNT(*) FROM patient p" + where);
        for (var e : params.entrySet()) {
            if (!e.getKey().equals("departments")) {
                countQuery = countQuery.param(e.getKey(), e.getValue());
            }
        }
        long total = countQuery.query(Long.class).single();
        if (total == 0 || (long) page * size >= total) {
            return PageView.of(List.of(), page, size, total);
        }
        var rowsQuery = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM patient p" + where + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size);
        for (var e : params.entrySet()) {
            rowsQuery = rowsQuery.param(e.getKey(), e.getValue());
        }
        List<PatientSummaryView> rows = rowsQuery.query(PatientSearch::summary).list();
        return PageView.of(rows, page, size, total);
    }

    /** A row of {@link #SUMMARY_COLUMNS}. */
    static PatientSummaryView summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PatientSummaryView(
                UUID.fromString(rs.getString("id").trim()),
                rs.getString("mrn"),
                rs.getString("name"),
                rs.getString("name_latin"),
                rs.getObject("birth_date", LocalDate.class),
                Sex.valueOf(rs.getString("sex").trim()),
                rs.getBoolean("active"));
    }

    /** The conditions the query text calls for, each with its rank; their parameters go into {@code params}. */
    private static List<Match> matches(String term, Map<String, Object> params) {
        List<Match> matches = new ArrayList<>();
        if (term.isEmpty()) {
            return matches;
        }
        String like = escapeLike(term);
        params.put("term", term);
        if (term.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                params.put("date", LocalDate.parse(term));
            } catch (DateTimeParseException e) {
                throw DomainException.invalidField("/q", "validation.invalid-value");
            }
            matches.add(new Match(1, "p.birth_date = :date"));
            return matches;
        }
        if (term.matches("[\\d\\s-]+")) {
            String digits = KoreanText.digits(term);
            if (digits == null) {
                return matches;
            }
            params.put("digits", digits);
            params.put("digitsPrefix", digits + "%");
            matches.add(new Match(0, "p.mrn = :digits"));
            matches.add(new Match(1, "p.phone_digits = :digits"));
            matches.add(new Match(3, "p.mrn LIKE :digitsPrefix"));
            matches.add(new Match(3, "p.phone_digits LIKE :digitsPrefix"));
            if (digits.length() >= MIN_SUBSTRING) {
                params.put("digitsContains", "%" + digits + "%");
                matches.add(new Match(5, "p.phone_digits LIKE :digitsContains"));
            }
            return matches;
        }
        if (KoreanText.isInitialsQuery(term)) {
            params.put("prefix", like + "%");
            // prefix only: a substring of initials ("ㄱㄷ" inside "ㅎㄱㄷ") matches a large share of all patients and
            // made 초성 the slowest query kind at a million patients (bench/README.md)
            matches.add(new Match(4, "p.name_initials LIKE :prefix"));
            return matches;
        }
        // a name (Hangul or Latin), or an MRN typed with letters
        params.put("prefix", like + "%");
        matches.add(new Match(0, "p.mrn = :term"));
        matches.add(new Match(2, "p.name = :term OR LOWER(p.name_latin) = :term"));
        matches.add(new Match(3, "p.name LIKE :prefix OR LOWER(p.name_latin) LIKE :prefix"));
        if (term.length() >= MIN_SUBSTRING) {
            params.put("contains", "%" + like + "%");
            matches.add(new Match(5, "p.name LIKE :contains OR LOWER(p.name_latin) LIKE :contains"));
        }
        return matches;
    }

    /**
     * The search term as the stored columns hold it: trimmed, lower case, one space between Latin words ("hong  gil
     * dong" → "hong gil dong"); a Hangul name without spaces ("홍 길동" → "홍길동"), as Korean names are registered and
     * written.
     */
    static String normalised(String q) {
        String term = q == null ? "" : q.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return HANGUL_SYLLABLE.matcher(term).find() ? term.replace(" ", "") : term;
    }

    private static final java.util.regex.Pattern HANGUL_SYLLABLE = java.util.regex.Pattern.compile("[\\uAC00-\\uD7A3]");

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
