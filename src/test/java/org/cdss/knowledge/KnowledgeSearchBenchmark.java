package org.cdss.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.search.Query;

/**
 * bench/knowledge-search.sh: indexes N synthetic Korean + English documents with the document index as the
 * application builds it (nori + standard analyzers, batches of 200, commit per batch) and reports the indexing
 * throughput; then runs the same queries (Korean, English, mixed) against the index (top 20 with highlighted
 * fragments, as {@code GET /api/knowledge/documents?q=} does) and against the baseline, a plain SQL {@code LIKE} over
 * the same texts in a database table (every word must occur, first 20 rows), reporting p50/p95 of both, same run.
 *
 * <p>Arguments: documents (10000), queries (300), JDBC URL of the baseline (default an in-memory H2; e.g.
 * {@code jdbc:postgresql://127.0.0.1/test?user=postgres}).
 */
public final class KnowledgeSearchBenchmark {

    static final String[] KO = {
        "고혈압", "당뇨병", "항응고제", "와파린", "아스피린", "출혈", "신부전", "폐렴", "항생제", "반코마이신", "헤파린", "칼륨", "저혈당", "인슐린", "심방세동",
        "뇌졸중", "패혈증", "수액", "투여", "용량", "감량", "금기", "모니터링", "중환자실", "응급실", "소아", "노인", "임산부", "검사", "혈압", "맥박", "호흡",
        "체온", "산소포화도", "낙상", "욕창", "감염", "격리", "수혈", "마취"
    };
    static final String[] KO_ENDINGS = {"", "을", "를", "이", "가", "은", "는", "에서", "으로", "의", "과", "와"};
    static final String[] KO_VERBS = {"확인한다.", "투여한다.", "중단한다.", "보고한다.", "기록한다.", "관찰한다.", "조절한다."};
    static final String[] EN = {
        "hypertension",
        "diabetes",
        "anticoagulant",
        "warfarin",
        "aspirin",
        "bleeding",
        "renal",
        "pneumonia",
        "antibiotic",
        "vancomycin",
        "heparin",
        "potassium",
        "hypoglycemia",
        "insulin",
        "atrial",
        "fibrillation",
        "stroke",
        "sepsis",
        "infusion",
        "dose",
        "contraindicated",
        "monitoring",
        "intensive",
        "emergency",
        "pediatric",
        "elderly",
        "pregnancy",
        "laboratory",
        "pressure",
        "oxygen",
        "falls",
        "infection",
        "isolation",
        "transfusion",
        "anesthesia",
        "protocol",
        "guideline",
        "check",
        "daily",
        "within"
    };

    static final String[] SYLLABLES = {
        "가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타", "파", "하", "고", "노", "도", "로", "모", "보", "소", "오",
        "조", "초", "코", "토", "포", "호", "민", "린", "신", "틴", "핀", "졸", "탄", "놀", "딘", "론", "맙", "닙"
    };
    static final String[] LATIN = {"ka", "lo", "mi", "ne", "zo", "ra", "ti", "vu", "xe", "po", "qu", "de", "fa", "gi"};
    static final String[] LATIN_ENDS = {"mab", "nib", "pril", "sartan", "olol", "azole", "cillin", "statin", "prazole"};

    /** A selective term: a made-up Korean drug-like word (4 syllables) or English drug-like name, ~1 in 200 documents. */
    static String rare(Random random, boolean korean) {
        if (korean) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            return w.toString();
        }
        return LATIN[random.nextInt(LATIN.length)]
                + LATIN[random.nextInt(LATIN.length)]
                + LATIN[random.nextInt(LATIN.length)]
                + LATIN_ENDS[random.nextInt(LATIN_ENDS.length)];
    }

    static final List<String> RARE = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        String jdbc = args.length > 2 ? args[2] : "jdbc:h2:mem:bench;MODE=LEGACY";
        Random random = new Random(42);
        for (int i = 0; i < Math.max(100, documents / 20); i++) {
            RARE.add(rare(random, i % 2 == 0));
        }
        List<DocumentIndex.Entry> entries = new ArrayList<>(documents);
        long chars = 0;
        for (int i = 0; i < documents; i++) {
            String text = text(random);
            chars += text.length();
            entries.add(new DocumentIndex.Entry(
                    UUID.randomUUID(),
                    1,
                    KO[random.nextInt(KO.length)] + " " + EN[random.nextInt(EN.length)] + " protocol " + i,
                    text,
                    "PROTOCOL",
                    null,
                    List.of(),
                    1_700_000_000_000L + i * 60_000L));
        }
        System.out.printf(
                Locale.ROOT,
                "documents: %d, %.0f characters each on average (Korean sentences with English terms)%n",
                documents,
                (double) chars / documents);

        Path dir = Files.createTempDirectory("cdss-bench-index");
        try (DocumentIndex index = new DocumentIndex(dir.resolve("knowledge"))) {
            long start = System.nanoTime();
            for (int i = 0; i < entries.size(); i += 200) {
                index.put(entries.subList(i, Math.min(entries.size(), i + 200)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "indexing: %.1f s, %.0f documents/s (batches of 200, commit and refresh per batch)%n",
                    seconds,
                    documents / seconds);

            try (Connection db = DriverManager.getConnection(jdbc)) {
                String textType = jdbc.startsWith("jdbc:h2") ? "CLOB" : "TEXT";
                try (Statement s = db.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS bench_document");
                    s.execute("CREATE TABLE bench_document (id CHAR(36) PRIMARY KEY, title VARCHAR(300), body "
                            + textType + ")");
                }
                db.setAutoCommit(false);
                try (PreparedStatement insert =
                        db.prepareStatement("INSERT INTO bench_document (id, title, body) VALUES (?, ?, ?)")) {
                    for (DocumentIndex.Entry e : entries) {
                        insert.setString(1, e.id().toString());
                        insert.setString(2, e.title());
                        insert.setString(3, e.text());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
                db.setAutoCommit(true);

                List<String> workload = queries(new Random(7), queries);
                DocumentIndex.Filter all = new DocumentIndex.Filter(null, null, null, null, null);
                // warm-up of both, then measured alternately
                for (int round = 0; round < 2; round++) {
                    for (String q : workload.subList(0, Math.min(50, workload.size()))) {
                        lucene(index, q, all);
                        like(db, q);
                    }
                }
                int n = workload.size();
                long[] luceneNanos = new long[n];
                long[] plainNanos = new long[n];
                long[] likeNanos = new long[n];
                long[] luceneHits = new long[n];
                long[] likeHits = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    luceneHits[i] = lucene(index, workload.get(i), all);
                    long t1 = System.nanoTime();
                    plain(index, workload.get(i), all);
                    long t2 = System.nanoTime();
                    likeHits[i] = like(db, workload.get(i));
                    long t3 = System.nanoTime();
                    luceneNanos[i] = t1 - t0;
                    plainNanos[i] = t2 - t1;
                    likeNanos[i] = t3 - t2;
                }
                String product = db.getMetaData().getDatabaseProductName();
                System.out.printf(
                        Locale.ROOT,
                        "queries: %d, %d per class; Korean words match in any inflected form (nori), LIKE matches"
                                + " substrings%n",
                        n,
                        n / CLASSES.length);
                System.out.printf(
                        Locale.ROOT, "%-28s %-34s %9s %9s %6s%n", "class", "engine", "p50 ms", "p95 ms", "hits");
                for (int c = -1; c < CLASSES.length; c++) {
                    String name = c < 0 ? "all" : CLASSES[c];
                    int cls = c;
                    int[] idx = java.util.stream.IntStream.range(0, n)
                            .filter(i -> cls < 0 || i % CLASSES.length == cls)
                            .toArray();
                    row(name, "lucene, top 20 + highlighting", pick(luceneNanos, idx), pick(luceneHits, idx));
                    row(name, "lucene, top 20, no highlighting", pick(plainNanos, idx), pick(luceneHits, idx));
                    row(name, "SQL LIKE (" + product + "), first 20", pick(likeNanos, idx), pick(likeHits, idx));
                }
                try (Statement s = db.createStatement()) {
                    s.execute("DROP TABLE bench_document");
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int sentences = 15 + random.nextInt(25);
        for (int i = 0; i < sentences; i++) {
            int words = 3 + random.nextInt(5);
            for (int w = 0; w < words; w++) {
                s.append(KO[random.nextInt(KO.length)])
                        .append(KO_ENDINGS[random.nextInt(KO_ENDINGS.length)])
                        .append(' ');
                if (random.nextInt(4) == 0) {
                    s.append(EN[random.nextInt(EN.length)]).append(' ');
                }
            }
            if (random.nextInt(8) == 0) {
                s.append(RARE.get(random.nextInt(RARE.size())))
                        .append(KO_ENDINGS[random.nextInt(KO_ENDINGS.length)])
                        .append(' ');
            }
            s.append(KO_VERBS[random.nextInt(KO_VERBS.length)]).append(' ');
            if (random.nextInt(3) == 0) {
                s.append("Check ")
                        .append(EN[random.nextInt(EN.length)])
                        .append(" and ")
                        .append(EN[random.nextInt(EN.length)])
                        .append(". ");
            }
        }
        return s.toString();
    }

    /** Query classes: common words (match thousands of documents), selective words (a few dozen), mixed. */
    static final String[] CLASSES = {
        "common Korean",
        "common English",
        "common Korean + English",
        "two common Korean",
        "selective (one rare term)",
        "selective + common"
    };

    static List<String> queries(Random random, int n) {
        List<String> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            q.add(
                    switch (i % CLASSES.length) {
                        case 0 -> KO[random.nextInt(KO.length)];
                        case 1 -> EN[random.nextInt(EN.length)];
                        case 2 -> KO[random.nextInt(KO.length)] + " " + EN[random.nextInt(EN.length)];
                        case 3 -> KO[random.nextInt(KO.length)] + " " + KO[random.nextInt(KO.length)];
                        case 4 -> RARE.get(random.nextInt(RARE.size()));
                        default -> RARE.get(random.nextInt(RARE.size())) + " " + KO[random.nextInt(KO.length)];
                    });
        }
        return q;
    }

    static int lucene(DocumentIndex index, String q, DocumentIndex.Filter filter) {
        Query query = DocumentIndex.parse(q);
        return query == null ? 0 : index.search(query, filter, 0, 20).hits().size();
    }

    static int like(Connection db, String q) throws Exception {
        String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder sql = new StringBuilder("SELECT id, title FROM bench_document WHERE ");
        for (int i = 0; i < words.length; i++) {
            sql.append(i == 0 ? "" : " AND ").append("LOWER(body) LIKE ?");
        }
        sql.append(" LIMIT 20");
        try (PreparedStatement s = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < words.length; i++) {
                s.setString(i + 1, "%" + words[i] + "%");
            }
            int rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    static void row(String cls, String engine, long[] nanos, long[] hits) {
        System.out.printf(
                Locale.ROOT,
                "%-28s %-34s %9.2f %9.2f %6.1f%n",
                cls,
                engine,
                percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6,
                Arrays.stream(hits).average().orElse(0));
    }

    static long[] pick(long[] values, int[] idx) {
        return Arrays.stream(idx).mapToLong(i -> values[i]).toArray();
    }

    static int plain(DocumentIndex index, String q, DocumentIndex.Filter filter) {
        Query query = DocumentIndex.parse(q);
        return query == null
                ? 0
                : index.search(query, filter, 0, 20, false).hits().size();
    }

    static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
