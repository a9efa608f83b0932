package org.cdss.knowledge;

import java.util.List;

/** A page of a PubMed search: {@code total} hits in PubMed, this page's articles in PubMed's order. */
public record PubmedSearchResult(String query, long total, int page, int size, List<PubmedArticle> articles) {

    public PubmedSearchResult {
        articles = List.copyOf(articles);
    }
}
