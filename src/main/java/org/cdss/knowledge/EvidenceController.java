package org.cdss.knowledge;

import java.util.List;
import org.cdss.knowledge.Evidence.Context;
import org.cdss.knowledge.Evidence.EvidenceView;
import org.cdss.knowledge.SavedArticles.SaveArticle;
import org.cdss.knowledge.SavedArticles.SavedArticle;
import org.cdss.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge")
class EvidenceController {

    private final Evidence evidence;
    private final SavedArticles saved;

    EvidenceController(Evidence evidence, SavedArticles saved) {
        this.evidence = evidence;
        this.saved = saved;
    }

    /** A ready PubMed query and the matching hospital documents for a drug pair, a drug, a diagnosis or an order. */
    @GetMapping("/evidence")
    EvidenceView evidence(@RequestParam Context context, @RequestParam List<String> terms) {
        return evidence.find(CurrentUser.require(), context, terms);
    }

    @GetMapping("/saved-articles")
    List<SavedArticle> saved() {
        return saved.mine(CurrentUser.require());
    }

    @PutMapping("/saved-articles/{pmid}")
    SavedArticle save(@PathVariable String pmid, @RequestBody SaveArticle article) {
        return saved.save(CurrentUser.require(), pmid, article);
    }

    @DeleteMapping("/saved-articles/{pmid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String pmid) {
        saved.remove(CurrentUser.require(), pmid);
    }
}
