package org.cdss.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cdss.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * PubMed search and article details (esearch → efetch), with a cache: the same search or article within {@code
 * cdss.knowledge.pubmed.cache-ttl} (default 1 h) is answered without calling NCBI again. Articles fetched by a search
 * are cached one by one too, so opening one of them costs no call.
 */
@Service
public class Pubmed {

    static final int MAX_PAGE_SIZE = 50;

    private final EutilsClient eutils;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true);

    Pubmed(
            EutilsClient eutils,
            Clock clock,
            @Value("${cdss.knowledge.pubmed.cache-ttl:1h}") Duration ttl,
            @Value("${cdss.knowledge.pubmed.cache-size:2000}") int maxEntries) {
        this.eutils = eutils;
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    private record Cached(Object value, Instant until) {}

    /** One page (0-based) of a PubMed search, most relevant first. */
    public PubmedSearchResult search(String query, int page, int size) {
        String q = query.strip().replaceAll("\\s+", " ");
        if (q.isEmpty()) {
            throw new DomainException(org.cdss.shared.ProblemCode.VALIDATION);
        }
        int p = Math.max(0, page);
        int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
        return cached("search|" + p + "|" + s + "|" + q, PubmedSearchResult.class, () -> {
            PubmedXml.SearchIds ids = PubmedXml.searchIds(eutils.get(
                    "esearch.fcgi",
                    Map.of(
                            "db",
                            "pubmed",
                            "term",
                            q,
                            "retstart",
                            Integer.toString(p * s),
                            "retmax",
                            Integer.toString(s),
                            "sort",
                            "relevance")));
            List<PubmedArticle> articles = ids.ids().isEmpty() ? List.of() : fetch(ids.ids());
            articles.forEach(a -> put("article|" + a.pmid(), a));
            return new PubmedSearchResult(q, ids.count(), p, s, articles);
        });
    }

    /** One article by its PubMed id. */
    public PubmedArticle article(String pmid) {
        if (!pmid.matches("\\d{1,12}")) {
            throw new DomainException(KnowledgeProblem.ARTICLE_NOT_FOUND);
        }
        return cached("article|" + pmid, PubmedArticle.class, () -> {
            List<PubmedArticle> found = fetch(List.of(pmid));
            return found.stream()
                    .filter(a -> a.pmid().equals(pmid))
                    .findFirst()
                    .orElseThrow(() -> new DomainException(KnowledgeProblem.ARTICLE_NOT_FOUND));
        });
    }

    private List<PubmedArticle> fetch(List<String> pmids) {
        List<PubmedArticle> articles = PubmedXml.articles(
                eutils.get("efetch.fcgi", Map.of("db", "pubmed", "id", String.join(",", pmids), "retmode", "xml")));
        // efetch answers in its own order: keep esearch's (relevance), unknown ones last
        return articles.stream()
                .sorted(java.util.Comparator.comparingInt(a -> {
                    int i = pmids.indexOf(a.pmid());
                    return i < 0 ? Integer.MAX_VALUE : i;
                }))
                .toList();
    }

    private <T> T cached(String key, Class<T> type, Supplier<T> load) {
        synchronized (cache) {
            Cached hit = cache.get(key);
            if (hit != null && hit.until().isAfter(clock.instant())) {
                return type.cast(hit.value());
            }
        }
        T value = load.get();
        put(key, value);
        return value;
    }

    private void put(String key, Object value) {
        synchronized (cache) {
            cache.put(key, new Cached(value, clock.instant().plus(ttl)));
            while (cache.size() > maxEntries) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
    }
}
