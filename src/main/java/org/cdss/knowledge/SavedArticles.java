package org.cdss.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** PubMed articles a user saved, each with their own note (V22). Only the user sees theirs. */
@Service
public class SavedArticles {

    public record SavedArticle(
            String pmid,
            String title,
            String journal,
            String published,
            @Nullable String note,
            Instant savedAt) {}

    /** What the client saves: the article's citation as it showed it, and the note. */
    public record SaveArticle(
            @Nullable String title,
            @Nullable String journal,
            @Nullable String published,
            @Nullable String note) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    SavedArticles(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedArticle> mine(CdssPrincipal user) {
        return jdbc.sql("SELECT * FROM knowledge_saved_article WHERE user_id = :u ORDER BY saved_at DESC, pmid")
                .param("u", user.userId().toString())
                .query((rs, n) -> new SavedArticle(
                        rs.getString("pmid"),
                        rs.getString("title"),
                        rs.getString("journal"),
                        rs.getString("published"),
                        rs.getString("note"),
                        UtcTimestamps.read(rs, "saved_at")))
                .list();
    }

    /**
     * Saves an article or updates its note. A PUT is idempotent: when the same article is saved twice at once (a
     * double click, two tabs) and the other insert wins, this one becomes an update of that row, not a 409. The insert
     * comes first: an update of a row that does not exist yet takes a gap lock on MariaDB, and several tabs' gap locks
     * with their inserts deadlocked (one of six concurrent saves answered 409 in CI); an update of a row that exists
     * locks that row only.
     */
    public SavedArticle save(CdssPrincipal user, String pmid, SaveArticle article) {
        if (!pmid.matches("\\d{1,12}")) {
            throw new DomainException(KnowledgeProblem.ARTICLE_NOT_FOUND);
        }
        String title = article.title() == null ? "" : article.title().strip();
        String note = article.note() == null || article.note().isBlank()
                ? null
                : article.note().strip();
        if (title.isEmpty() || title.length() > 1000 || (note != null && note.length() > 4000)) {
            throw new DomainException(ProblemCode.VALIDATION);
        }
        String journal = ColumnText.fit(
                article.journal() == null ? "" : article.journal().strip(), 300);
        String published = ColumnText.fit(
                article.published() == null ? "" : article.published().strip(), 60);
        try {
            return tx.execute(status -> {
                insert(user, pmid, title, journal, published, note);
                return find(user, pmid);
            });
        } catch (DuplicateKeyException alreadySaved) {
            // saved before, or by another tab at this moment: this save updates the note of that row
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    updateNote(user, pmid, note);
                    return find(user, pmid);
                });
            } catch (ConcurrencyFailureException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    private void insert(
            CdssPrincipal user, String pmid, String title, String journal, String published, @Nullable String note) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO knowledge_saved_article (user_id, pmid, title, journal, published, note, saved_at, "
                        + "updated_at) VALUES (:u, :p, :t, :j, :pub, :note, :now, :now)")
                .param("u", user.userId().toString())
                .param("p", pmid)
                .param("t", title)
                .param("j", journal)
                .param("pub", published)
                .param("note", note)
                .param("now", UtcTimestamps.toColumn(now))
                .update();
    }

    private void updateNote(CdssPrincipal user, String pmid, @Nullable String note) {
        jdbc.sql("UPDATE knowledge_saved_article SET note = :note, updated_at = :now WHERE user_id = :u AND pmid = :p")
                .param("note", note)
                .param("now", UtcTimestamps.toColumn(clock.instant()))
                .param("u", user.userId().toString())
                .param("p", pmid)
                .update();
    }

    private SavedArticle find(CdssPrincipal user, String pmid) {
        return mine(user).stream()
                .filter(a -> a.pmid().equals(pmid))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void remove(CdssPrincipal user, String pmid) {
        jdbc.sql("DELETE FROM knowledge_saved_article WHERE user_id = :u AND pmid = :p")
                .param("u", user.userId().toString())
                .param("p", pmid)
                .update();
    }
}
