package org.cdss.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cdss.knowledge.DocumentViews.DocumentSearchResult;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.stereotype.Service;

/**
 * Evidence for a clinical context in one click: from a medication-safety alert (the drugs involved), a diagnosis or an
 * order, a ready PubMed query and the hospital documents that mention the terms. The PubMed search itself is left to
 * the caller ({@link Pubmed#search}), so that hospital documents show even when NCBI is unreachable.
 */
@Service
public class Evidence {

    /** What the terms are. */
    public enum Context {
        /** Two or more drugs of an interaction alert: all of them + "interaction". */
        INTERACTION,
        /** Any other drug alert (allergy, duplicate, dose): the drug + "adverse effects". */
        DRUG,
        /** A diagnosis (name, optionally its code): the diagnosis + therapy/guideline. */
        DIAGNOSIS,
        /** An order (test or drug name): the name. */
        ORDER
    }

    public record EvidenceView(
            Context context, List<String> terms, String pubmedQuery, DocumentSearchResult documents) {}

    private final DocumentLibrary documents;

    Evidence(DocumentLibrary documents) {
        this.documents = documents;
    }

    public EvidenceView find(CdssPrincipal user, Context context, List<String> rawTerms) {
        List<String> terms = rawTerms.stream()
                .map(t -> t.replaceAll("[\"()\\[\\]|+*~\\\\]", " ")
                        .replaceAll("\\s+", " ")
                        .strip())
                .filter(t -> !t.isEmpty())
                .map(t -> t.substring(0, Math.min(t.length(), 120)))
                .distinct()
                .limit(5)
                .toList();
        if (terms.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION);
        }
        String query = pubmedQuery(context, terms);
        // documents: every term's words may appear anywhere; a document with more of them ranks first
        String documentQuery = terms.stream().map(t -> "(" + t + ")").collect(Collectors.joining(" | "));
        return new EvidenceView(
                context, terms, query, documents.search(user, documentQuery, null, null, null, null, 0, 10));
    }

    static String pubmedQuery(Context context, List<String> terms) {
        String all = terms.stream().map(Evidence::phrase).collect(Collectors.joining(" AND "));
        return switch (context) {
            case INTERACTION -> all + " AND interaction";
            case DRUG -> all + " AND (adverse effects OR safety)";
            case DIAGNOSIS -> all + " AND (therapy OR guideline)";
            case ORDER -> all;
        };
    }

    private static String phrase(String term) {
        return term.contains(" ") ? "\"" + term.toLowerCase(Locale.ROOT) + "\"" : term.toLowerCase(Locale.ROOT);
    }
}
