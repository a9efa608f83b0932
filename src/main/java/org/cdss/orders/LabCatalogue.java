package org.cdss.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lab test catalogue (table {@code lab_test}, LOINC-coded), read for order entry and result entry. */
@Component
class LabCatalogue {

    private final JdbcClient jdbc;

    LabCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active tests and panels whose code, LOINC or English/Korean name contains {@code q}; panels first. */
    @Transactional(readOnly = true)
    List<LabTestView> search(String q) {
        String like = "%" + (q == null ? "" : q.trim().toLowerCase(Locale.ROOT)) + "%";
        List<Row> rows = jdbc.sql("SELECT * FROM lab_test WHERE active = TRUE AND (LOWER(code) LIKE :q "
                        + "OR LOWER(loinc) LIKE :q OR LOWER(name_en) LIKE :q OR name_ko LIKE :q) "
                        + "ORDER BY panel DESC, name_en")
                .param("q", like)
                .query(LabCatalogue::row)
                .list();
        return withMembers(rows);
    }

    @Transactional(readOnly = true)
    Optional<LabTestView> find(String code) {
        List<Row> rows = jdbc.sql("SELECT * FROM lab_test WHERE code = :c AND active = TRUE")
                .param("c", code)
                .query(LabCatalogue::row)
                .list();
        return withMembers(rows).stream().findFirst();
    }

    /**
     * The tests whose values a result of {@code code} consists of: the panel's members, or the test itself, each with
     * the reference range for a patient of this sex ({@code lab_reference_range}; the test's own range when none is
     * recorded or the sex is not M or F). A test or member deactivated after the order was placed still takes its
     * result: the order was accepted with it.
     */
    @Transactional(readOnly = true)
    Map<String, LabTestView> resultTests(String code, org.cdss.patients.@org.jspecify.annotations.Nullable Sex sex) {
        LabTestView test = anyState(code).orElseThrow();
        Map<String, LabTestView> tests = new LinkedHashMap<>();
        if (!test.panel()) {
            tests.put(test.code(), test);
        } else {
            for (String member : test.members()) {
                anyState(member).ifPresent(t -> tests.put(t.code(), t));
            }
        }
        if (sex == org.cdss.patients.Sex.M || sex == org.cdss.patients.Sex.F) {
            jdbc.sql("SELECT test_code, ref_low, ref_high FROM lab_reference_range WHERE sex = :s"
                            + " AND test_code IN (:codes)")
                    .param("s", sex.name())
                    .param("codes", List.copyOf(tests.keySet()))
                    .query((java.sql.ResultSet rs) -> {
                        String c = rs.getString("test_code");
                        tests.put(c, tests.get(c).withRange(rs.getBigDecimal("ref_low"), rs.getBigDecimal("ref_high")));
                    });
        }
        return tests;
    }

    /** A test of the catalogue, active or not (an existing order's test). */
    private Optional<LabTestView> anyState(String code) {
        List<Row> rows = jdbc.sql("SELECT * FROM lab_test WHERE code = :c")
                .param("c", code)
                .query(LabCatalogue::row)
                .list();
        return withMembers(rows).stream().findFirst();
    }

    private List<LabTestView> withMembers(List<Row> rows) {
        List<LabTestView> views = new ArrayList<>();
        for (Row r : rows) {
            List<String> members = r.panel()
                    ? jdbc.sql("SELECT test_code FROM lab_panel_member WHERE panel_code = :p " + "ORDER BY sort_order")
                            .param("p", r.code())
                            .query(String.class)
                            .list()
                    : List.of();
            views.add(new LabTestView(
                    r.code(),
                    r.loinc(),
                    r.nameEn(),
                    r.nameKo(),
                    r.specimen(),
                    r.unit(),
                    r.refLow(),
                    r.refHigh(),
                    r.criticalLow(),
                    r.criticalHigh(),
                    r.panel(),
                    members));
        }
        return views;
    }

    private record Row(
            String code,
            String loinc,
            String nameEn,
            String nameKo,
            String specimen,
            String unit,
            java.math.BigDecimal refLow,
            java.math.BigDecimal refHigh,
            java.math.BigDecimal criticalLow,
            java.math.BigDecimal criticalHigh,
            boolean panel) {}

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString("code"),
                rs.getString("loinc"),
                rs.getString("name_en"),
                rs.getString("name_ko"),
                rs.getString("specimen"),
                rs.getString("unit"),
                rs.getBigDecimal("ref_low"),
                rs.getBigDecimal("ref_high"),
                rs.getBigDecimal("critical_low"),
                rs.getBigDecimal("critical_high"),
                rs.getBoolean("panel"));
    }
}
