package org.cdss.ai;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates of the suggestion ledger: the per-model dashboard (suggestions, decisions, acceptance rate over time) and
 * the lung-risk statistics page (by result band, sex and age band, average risk, over time). Counts only: no
 * patient appears in them.
 */
@Service
public class AiStatistics {

    private static final String AGE_BAND = "CASE WHEN patient_age < 40 THEN '<40' WHEN patient_age < 50 THEN '40-49'"
            + " WHEN patient_age < 60 THEN '50-59' WHEN patient_age < 70 THEN '60-69' ELSE '70+' END";

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    AiStatistics(JdbcClient jdbc, org.cdss.shared.HospitalZone zone) {
        this.zone = zone.zoneId();
        this.jdbc = jdbc;
    }

    /** One day of a model's use. */
    public record AiDay(
            LocalDate day, long suggestions, long accepted, long rejected, long edited, double averageProbability) {}

    /** The per-model dashboard. */
    public record AiModelDashboard(
            String modelId,
            long suggestions,
            long decided,
            long accepted,
            long rejected,
            long edited,
            @Nullable Double acceptanceRate,
            List<AiDay> days) {}

    /** The statistics page. */
    public record LungRiskStatistics(
            String modelId,
            long total,
            @Nullable Double averageProbability,
            Map<String, Long> byBand,
            Map<String, Long> bySex,
            Map<String, Long> byAgeBand,
            Map<String, Map<String, Long>> bandBySex,
            List<AiDay> days) {}

    @Transactional(readOnly = true)
    public AiModelDashboard dashboard(String modelId) {
        Map<String, Long> decisions = counts(
                "SELECT decision AS k, COUNT(*) AS n FROM ai_suggestion WHERE model_id = :m AND decision IS NOT NULL"
                        + " GROUP BY decision",
                modelId);
        long total = jdbc.sql("SELECT COUNT(*) FROM ai_suggestion WHERE model_id = :m")
                .param("m", modelId)
                .query(Long.class)
                .single();
        long accepted = decisions.getOrDefault("ACCEPTED", 0L);
        long rejected = decisions.getOrDefault("REJECTED", 0L);
        long edited = decisions.getOrDefault("EDITED", 0L);
        long decided = accepted + rejected + edited;
        return new AiModelDashboard(
                modelId,
                total,
                decided,
                accepted,
                rejected,
                edited,
                decided == 0 ? null : (double) accepted / decided,
                days(modelId));
    }

    @Transactional(readOnly = true)
    public LungRiskStatistics statistics(String modelId) {
        long total = jdbc.sql("SELECT COUNT(*) FROM ai_suggestion WHERE model_id = :m")
                .param("m", modelId)
                .query(Long.class)
                .single();
        Double average = jdbc.sql("SELECT AVG(probability) FROM ai_suggestion WHERE model_id = :m")
                .param("m", modelId)
                .query(Double.class)
                .optional()
                .orElse(null);
        Map<String, Map<String, Long>> bandBySex = new TreeMap<>();
        jdbc.sql("SELECT patient_sex AS s, band AS b, COUNT(*) AS n FROM ai_suggestion WHERE model_id = :m"
                        + " GROUP BY patient_sex, band")
                .param("m", modelId)
                .query(rs -> {
                    bandBySex
                            .computeIfAbsent(String.valueOf(rs.getString("s")), k -> new TreeMap<>())
                            .put(rs.getString("b"), rs.getLong("n"));
                });
        return new LungRiskStatistics(
                modelId,
                total,
                average,
                counts("SELECT band AS k, COUNT(*) AS n FROM ai_suggestion WHERE model_id = :m GROUP BY band", modelId),
                counts(
                        "SELECT patient_sex AS k, COUNT(*) AS n FROM ai_suggestion WHERE model_id = :m"
                                + " GROUP BY patient_sex",
                        modelId),
                counts(
                        "SELECT " + AGE_BAND + " AS k, COUNT(*) AS n FROM ai_suggestion WHERE model_id = :m"
                                + " AND patient_age IS NOT NULL GROUP BY " + AGE_BAND,
                        modelId),
                bandBySex,
                days(modelId));
    }

    private Map<String, Long> counts(String sql, String modelId) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql(sql).param("m", modelId).query(rs -> {
            out.put(String.valueOf(rs.getString("k")), rs.getLong("n"));
        });
        return out;
    }

    /**
     * Suggestions per day in the hospital's zone: the database groups by UTC date and hour (portable), each hour is
     * then placed on its local day (as OrderStatistics does; exact for zones whose offset is whole hours). The average
     * probability is merged from sums, so it stays the mean over the day's suggestions.
     */
    private List<AiDay> days(String modelId) {
        Map<LocalDate, double[]> perDay = new TreeMap<>(); // n, accepted, rejected, edited, sum p, count p
        jdbc.sql("""
                SELECT CAST(created_at AS DATE) AS d, EXTRACT(HOUR FROM created_at) AS h, COUNT(*) AS n,
                    SUM(CASE WHEN decision = 'ACCEPTED' THEN 1 ELSE 0 END) AS a,
                    SUM(CASE WHEN decision = 'REJECTED' THEN 1 ELSE 0 END) AS r,
                    SUM(CASE WHEN decision = 'EDITED' THEN 1 ELSE 0 END) AS e,
                    SUM(probability) AS ps, COUNT(probability) AS pc
                FROM ai_suggestion WHERE model_id = :m
                GROUP BY CAST(created_at AS DATE), EXTRACT(HOUR FROM created_at)""").param("m", modelId).query(rs -> {
            LocalDate day = rs.getObject("d", LocalDate.class)
                    .atTime(rs.getInt("h"), 0)
                    .toInstant(java.time.ZoneOffset.UTC)
                    .atZone(zone)
                    .toLocalDate();
            double[] sums = perDay.computeIfAbsent(day, d -> new double[6]);
            sums[0] += rs.getLong("n");
            sums[1] += rs.getLong("a");
            sums[2] += rs.getLong("r");
            sums[3] += rs.getLong("e");
            sums[4] += rs.getDouble("ps");
            sums[5] += rs.getLong("pc");
        });
        return perDay.entrySet().stream()
                .map(e -> {
                    double[] v = e.getValue();
                    double mean = v[5] == 0 ? 0 : v[4] / v[5];
                    return new AiDay(
                            e.getKey(),
                            (long) v[0],
                            (long) v[1],
                            (long) v[2],
                            (long) v[3],
                            Math.round(mean * 10000.0) / 10000.0);
                })
                .toList();
    }
}
