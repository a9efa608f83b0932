package org.cdss.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One PubMed article as efetch describes it: what a clinician needs to judge it and the links to read it. {@code
 * published} is PubMed's own text ("2019 Mar 14", "1990 Spring"), not a parsed date, because PubMed's dates are often
 * partial.
 */
public record PubmedArticle(
        String pmid,
        String title,
        List<String> authors,
        String journal,
        String published,
        @Nullable String abstractText,
        List<String> meshTerms,
        @Nullable String doi,
        String pubmedUrl,
        @Nullable String doiUrl) {

    public PubmedArticle {
        authors = List.copyOf(authors);
        meshTerms = List.copyOf(meshTerms);
    }
}
