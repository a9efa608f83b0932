package org.cdss.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cdss.knowledge.FeedViews.FeedItemView;
import org.cdss.knowledge.FeedViews.FeedStatusView;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the feed tables (V24). */
@Component
class FeedStore {

    private final JdbcClient jdbc;

    FeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Feed(
            UUID id,
            String title,
            String url,
            @Nullable String etag,
            @Nullable String lastModified,
            Instant nextFetchAt,
            int failures) {}

    static String hash(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean urlTaken(String url) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_feed WHERE url_hash = :h")
                        .param("h", hash(url))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, String title, String url, Instant now, String by) {
        jdbc.sql("INSERT INTO knowledge_feed (id, title, url, url_hash, active, next_fetch_at, failures, created_at, "
                        + "created_by) VALUES (:id, :title, :url, :hash, TRUE, :now, 0, :now, :by)")
                .param("id", id.toString())
                .param("title", title)
                .param("url", url)
                .param("hash", hash(url))
                .param("now", UtcTimestamps.toColumn(now))
                .param("by", by)
                .update();
    }

    boolean deactivate(UUID id) {
        return jdbc.sql("UPDATE knowledge_feed SET active = FALSE WHERE id = :id")
                        .param("id", id.toString())
                        .update()
                > 0;
    }

    Optional<Feed> find(UUID id) {
        return jdbc.sql("SELECT * FROM knowledge_feed WHERE id = :id")
                .param("id", id.toString())
                .query(FeedStore::feed)
                .optional();
    }

    List<Feed> due(Instant now) {
        return jdbc.sql("SELECT * FROM knowledge_feed WHERE active = TRUE AND next_fetch_at <= :now "
                        + "ORDER BY next_fetch_at LIMIT 50")
                .param("now", UtcTimestamps.toColumn(now))
                .query(FeedStore::feed)
                .list();
    }

    /** Takes a due feed for this instance: false when another instance took it first. */
    boolean claim(Feed feed, Instant until) {
        return jdbc.sql("UPDATE knowledge_feed SET next_fetch_at = :until WHERE id = :id AND next_fetch_at = :seen")
                        .param("until", UtcTimestamps.toColumn(until))
                        .param("id", feed.id().toString())
                        .param("seen", UtcTimestamps.toColumn(feed.nextFetchAt()))
                        .update()
                == 1;
    }

    void succeeded(UUID id, @Nullable String etag, @Nullable String lastModified, Instant now, Instant next) {
        jdbc.sql(
                        "UPDATE knowledge_feed SET etag = :etag, last_modified = :lm, last_fetched_at = :now, "
                                + "last_success_at = :now, failures = 0, last_error = NULL, next_fetch_at = :next WHERE id = :id")
                .param("etag", etag == null ? null : etag.substring(0, Math.min(etag.length(), 500)))
                .param(
                        "lm",
                        lastModified == null ? null : lastModified.substring(0, Math.min(lastModified.length(), 100)))
                .param("now", UtcTimestamps.toColumn(now))
                .param("next", UtcTimestamps.toColumn(next))
                .param("id", id.toString())
                .update();
    }

    void failed(UUID id, String error, int failures, Instant now, Instant next) {
        jdbc.sql("UPDATE knowledge_feed SET last_fetched_at = :now, failures = :f, last_error = :e, "
                        + "next_fetch_at = :next WHERE id = :id")
                .param("now", UtcTimestamps.toColumn(now))
                .param("f", failures)
                .param("e", error)
                .param("next", UtcTimestamps.toColumn(next))
                .param("id", id.toString())
                .update();
    }

    /** Stores the items not seen before; returns how many were new. */
    int addItems(UUID feedId, List<FeedParser.Item> items, Instant now) {
        Set<String> known = new HashSet<>(jdbc.sql("SELECT item_key FROM knowledge_feed_item WHERE feed_id = :f")
                .param("f", feedId.toString())
                .query(String.class)
                .list());
        int added = 0;
        for (FeedParser.Item item : items) {
            String key = hash(item.key());
            if (!known.add(key)) {
                continue;
            }
            jdbc.sql("INSERT INTO knowledge_feed_item (id, feed_id, item_key, title, link, summary, published_at, "
                            + "fetched_at) VALUES (:id, :f, :k, :t, :l, :s, :p, :now)")
                    .param("id", UUID.randomUUID().toString())
                    .param("f", feedId.toString())
                    .param("k", key)
                    .param("t", ColumnText.fit(item.title(), 1000))
                    .param("l", item.link() == null ? null : ColumnText.fit(item.link(), 2000))
                    .param("s", item.summary())
                    .param("p", item.published() == null ? null : UtcTimestamps.toColumn(item.published()))
                    .param("now", UtcTimestamps.toColumn(now))
                    .update();
            added++;
        }
        return added;
    }

    List<FeedStatusView> statuses() {
        return jdbc.sql("SELECT f.*, (SELECT COUNT(*) FROM knowledge_feed_item i WHERE i.feed_id = f.id) AS items "
                        + "FROM knowledge_feed f ORDER BY f.title, f.id")
                .query((rs, n) -> new FeedStatusView(
                        UUID.fromString(rs.getString("id")),
                        rs.getString("title"),
                        rs.getString("url"),
                        rs.getBoolean("active"),
                        UtcTimestamps.read(rs, "last_fetched_at"),
                        UtcTimestamps.read(rs, "last_success_at"),
                        UtcTimestamps.read(rs, "next_fetch_at"),
                        rs.getInt("failures"),
                        rs.getString("last_error"),
                        rs.getLong("items")))
                .list();
    }

    List<FeedViews.FeedView> feeds(UUID userId) {
        return jdbc.sql("SELECT f.id, f.title, f.url, f.last_success_at, (SELECT COUNT(*) FROM knowledge_feed_item i "
                        + "WHERE i.feed_id = f.id AND NOT EXISTS (SELECT 1 FROM knowledge_feed_item_read r "
                        + "WHERE r.item_id = i.id AND r.user_id = :u)) AS unread FROM knowledge_feed f "
                        + "WHERE f.active = TRUE ORDER BY f.title, f.id")
                .param("u", userId.toString())
                .query((rs, n) -> new FeedViews.FeedView(
                        UUID.fromString(rs.getString("id")),
                        rs.getString("title"),
                        rs.getString("url"),
                        rs.getLong("unread"),
                        UtcTimestamps.read(rs, "last_success_at")))
                .list();
    }

    List<FeedItemView> items(UUID userId, @Nullable UUID feedId, boolean unreadOnly, int offset, int limit) {
        String sql = "SELECT i.*, f.title AS feed_title, CASE WHEN r.item_id IS NULL THEN 0 ELSE 1 END AS is_read "
                + "FROM knowledge_feed_item i JOIN knowledge_feed f ON f.id = i.feed_id "
                + "LEFT JOIN knowledge_feed_item_read r ON r.item_id = i.id AND r.user_id = :u WHERE f.active = TRUE"
                + (feedId == null ? "" : " AND i.feed_id = :f")
                + (unreadOnly ? " AND r.item_id IS NULL" : "")
                + " ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, i.id LIMIT " + limit + " OFFSET " + offset;
        var spec = jdbc.sql(sql).param("u", userId.toString());
        if (feedId != null) {
            spec = spec.param("f", feedId.toString());
        }
        return spec.query(FeedStore::item).list();
    }

    boolean itemExists(UUID itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_feed_item WHERE id = :i")
                        .param("i", itemId.toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void markRead(UUID userId, UUID itemId, Instant now) {
        boolean already = jdbc.sql("SELECT COUNT(*) FROM knowledge_feed_item_read WHERE user_id = :u AND item_id = :i")
                        .param("u", userId.toString())
                        .param("i", itemId.toString())
                        .query(Long.class)
                        .single()
                > 0;
        if (!already) {
            try {
                jdbc.sql("INSERT INTO knowledge_feed_item_read (user_id, item_id, read_at) VALUES (:u, :i, :now)")
                        .param("u", userId.toString())
                        .param("i", itemId.toString())
                        .param("now", UtcTimestamps.toColumn(now))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException concurrentlyMarked) {
                // read in another tab at the same moment: read it is
            }
        }
    }

    private static FeedItemView item(ResultSet rs, int n) throws SQLException {
        return new FeedItemView(
                UUID.fromString(rs.getString("id")),
                UUID.fromString(rs.getString("feed_id")),
                rs.getString("feed_title"),
                rs.getString("title"),
                rs.getString("link"),
                rs.getString("summary"),
                UtcTimestamps.read(rs, "published_at"),
                UtcTimestamps.read(rs, "fetched_at"),
                rs.getInt("is_read") == 1);
    }

    private static Feed feed(ResultSet rs, int n) throws SQLException {
        return new Feed(
                UUID.fromString(rs.getString("id")),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                UtcTimestamps.read(rs, "next_fetch_at"),
                rs.getInt("failures"));
    }
}
