package org.cdss.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.cdss.knowledge.DocumentViews.DocumentHit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of the documents' text (ADR 0024): every text is indexed twice, with nori (Korean morphology:
 * 고혈압 finds 고혈압을, 고혈압이) and with the standard analyzer (English, codes, numbers), so Korean, English and mixed
 * queries all match. It is a cache: it starts empty and is filled from the database ({@link DocumentIndexing}); the
 * database stays the source of truth. Thread-safe (one writer, near-real-time searchers).
 */
final class DocumentIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);

    static final String ALL = "ALL";

    /** One document's indexed form. */
    record Entry(
            UUID id,
            int version,
            String title,
            String text,
            String type,
            @Nullable UUID departmentId,
            List<String> audience,
            long updatedEpochMillis) {}

    /** Filters and access of a search. {@code roles} null: no access filter (administrators). */
    record Filter(
            @Nullable String type,
            @Nullable UUID departmentId,
            @Nullable Long fromMillis,
            @Nullable Long toMillis,
            @Nullable Set<String> roles) {}

    /** A hit: the document id and the highlighted fragments. */
    record Hit(UUID id, List<String> fragments, float score) {}

    record Hits(long total, List<Hit> hits) {}

    private final Path path;
    private final boolean temporary;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    DocumentIndex(Path wanted) {
        Path chosen = wanted;
        boolean temp = false;
        try {
            try {
                Files.createDirectories(wanted);
            } catch (IOException e) {
                // CDSS_HOME not writable: the index is a cache, a temporary directory does (rebuilt at every start)
                log.warn("Document index directory {} cannot be created: using a temporary one", wanted);
                wanted = Files.createTempDirectory("cdss-knowledge-index-");
                chosen = wanted;
                temp = true;
            }
            Directory dir = FSDirectory.open(wanted);
            this.analyzer = analyzer();
            IndexWriter w;
            try {
                w = new IndexWriter(dir, config(analyzer));
            } catch (LockObtainFailedException e) {
                // another instance on this machine shares CDSS_HOME: a private copy (it is a cache)
                dir.close();
                chosen = Files.createTempDirectory(
                        wanted.getParent() == null ? Path.of(System.getProperty("java.io.tmpdir")) : wanted.getParent(),
                        wanted.getFileName() + "-");
                temp = true;
                dir = FSDirectory.open(chosen);
                w = new IndexWriter(dir, config(analyzer));
                log.info("Document index {} is in use by another instance: using {}", wanted, chosen);
            }
            this.directory = dir;
            this.writer = w;
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the document index in " + wanted, e);
        }
        this.path = chosen;
        this.temporary = temp;
    }

    private static IndexWriterConfig config(Analyzer analyzer) {
        // a cache rebuilt from the database: start empty
        return new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    }

    static Analyzer analyzer() {
        Analyzer korean = new KoreanAnalyzer();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of("title_ko", korean, "body_ko", korean));
    }

    Path path() {
        return path;
    }

    /** Adds or replaces documents; visible to searches when this returns. */
    void put(List<Entry> entries) {
        try {
            for (Entry e : entries) {
                writer.updateDocument(new Term("id", e.id().toString()), document(e));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analysed text with term vectors (positions and offsets): highlighting reads them instead of re-analysing. */
    private static final org.apache.lucene.document.FieldType BODY = body();

    private static org.apache.lucene.document.FieldType body() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        type.setStoreTermVectors(true);
        type.setStoreTermVectorPositions(true);
        type.setStoreTermVectorOffsets(true);
        type.freeze();
        return type;
    }

    private static Document document(Entry e) {
        Document d = new Document();
        d.add(new StringField("id", e.id().toString(), Field.Store.YES));
        d.add(new StoredField("version", e.version()));
        d.add(new TextField("title_ko", e.title(), Field.Store.NO));
        d.add(new TextField("title_en", e.title(), Field.Store.NO));
        d.add(new Field("body_ko", e.text(), BODY));
        d.add(new Field("body_en", e.text(), BODY));
        d.add(new StoredField("text", e.text()));
        d.add(new StringField("type", e.type(), Field.Store.NO));
        d.add(new StringField(
                "department",
                e.departmentId() == null ? "none" : e.departmentId().toString(),
                Field.Store.NO));
        if (e.audience().isEmpty()) {
            d.add(new StringField("audience", ALL, Field.Store.NO));
        }
        e.audience().forEach(role -> d.add(new StringField("audience", role, Field.Store.NO)));
        d.add(new LongPoint("updated", e.updatedEpochMillis()));
        return d;
    }

    int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Korean, English or mixed query; every word must match (in one of the analyses). Null: nothing to search. */
    static @Nullable Query parse(String text) {
        SimpleQueryParser parser =
                new SimpleQueryParser(analyzer(), Map.of("title_ko", 3f, "title_en", 3f, "body_ko", 1f, "body_en", 1f));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    Hits search(Query query, Filter filter, int offset, int limit) {
        return search(query, filter, offset, limit, true);
    }

    /** {@code highlight} false: no fragments (the benchmark measures what highlighting costs). */
    Hits search(Query query, Filter filter, int offset, int limit, boolean highlight) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (filter.type() != null) {
            b.add(new TermQuery(new Term("type", filter.type())), BooleanClause.Occur.FILTER);
        }
        if (filter.departmentId() != null) {
            b.add(new TermQuery(new Term("department", filter.departmentId().toString())), BooleanClause.Occur.FILTER);
        }
        if (filter.fromMillis() != null || filter.toMillis() != null) {
            b.add(
                    LongPoint.newRangeQuery(
                            "updated",
                            filter.fromMillis() == null ? Long.MIN_VALUE : filter.fromMillis(),
                            filter.toMillis() == null ? Long.MAX_VALUE : filter.toMillis()),
                    BooleanClause.Occur.FILTER);
        }
        if (filter.roles() != null) {
            BooleanQuery.Builder who = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("audience", ALL)), BooleanClause.Occur.SHOULD);
            filter.roles().forEach(r -> who.add(new TermQuery(new Term("audience", r)), BooleanClause.Occur.SHOULD));
            b.add(who.build(), BooleanClause.Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(b.build(), offset + limit);
                List<Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                List<Highlighter> highlighters = highlight ? highlighters(query) : List.of();
                for (int i = offset; i < docs.length; i++) {
                    Document d = searcher.storedFields()
                            .document(docs[i].doc, highlight ? Set.of("id", "text") : Set.of("id"));
                    hits.add(new Hit(
                            UUID.fromString(d.get("id")),
                            highlight
                                    ? fragments(
                                            highlighters,
                                            searcher.getIndexReader()
                                                    .termVectors()
                                                    .get(docs[i].doc),
                                            d.get("text"))
                                    : List.of(),
                            docs[i].score));
                }
                return new Hits(top.totalHits.value(), hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TokenStream tokens(org.apache.lucene.index.@Nullable Fields vectors, String field, String text)
            throws IOException {
        TokenStream stored = vectors == null
                ? null
                : org.apache.lucene.search.highlight.TokenSources.getTermVectorTokenStreamOrNull(field, vectors, -1);
        return stored != null ? stored : analyzer.tokenStream(field, text);
    }

    private static final List<String> BODY_FIELDS = List.of("body_ko", "body_en");

    /** One highlighter per analysed body field, built once per search (the query's terms are extracted once). */
    private static List<Highlighter> highlighters(Query query) {
        List<Highlighter> out = new ArrayList<>();
        for (String field : BODY_FIELDS) {
            Highlighter h = new Highlighter(
                    new SimpleHTMLFormatter(DocumentHit.MARK_START, DocumentHit.MARK_END),
                    new QueryTermScorer(query, field));
            h.setTextFragmenter(new SimpleFragmenter(160));
            h.setMaxDocCharsToAnalyze(500_000);
            out.add(h);
        }
        return out;
    }

    private List<String> fragments(
            List<Highlighter> highlighters, org.apache.lucene.index.@Nullable Fields vectors, String text) {
        for (int i = 0; i < highlighters.size(); i++) {
            String field = BODY_FIELDS.get(i);
            try (TokenStream tokens = tokens(vectors, field, text)) {
                String[] best = highlighters.get(i).getBestFragments(tokens, text, 3);
                if (best.length > 0) {
                    return List.of(best).stream()
                            // nori splits an unknown word into pieces: one mark over the whole word
                            .map(f -> f.replace(DocumentHit.MARK_END + DocumentHit.MARK_START, "")
                                    .replaceAll("\\s+", " ")
                                    .strip())
                            .toList();
                }
            } catch (IOException | InvalidTokenOffsetsException e) {
                return List.of();
            }
        }
        return List.of(text.substring(0, Math.min(text.length(), 160)).replaceAll("\\s+", " "));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            if (temporary) {
                try (var files = Files.walk(path)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            log.warn("Closing the document index failed: {}", e.getClass().getSimpleName());
        }
    }
}
