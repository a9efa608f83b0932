package org.cdss.knowledge;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge/pubmed")
class PubmedController {

    private final Pubmed pubmed;

    PubmedController(Pubmed pubmed) {
        this.pubmed = pubmed;
    }

    /** A page (0-based) of a PubMed search; 503 {@code knowledge.pubmed-unavailable} when NCBI cannot be reached. */
    @GetMapping("/search")
    PubmedSearchResult search(
            @RequestParam String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "10") int size) {
        return pubmed.search(q, page, size);
    }

    @GetMapping("/articles/{pmid}")
    PubmedArticle article(@PathVariable String pmid) {
        return pubmed.article(pmid);
    }
}
