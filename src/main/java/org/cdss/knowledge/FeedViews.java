package org.cdss.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What HTTP and the UI see of feeds. */
public final class FeedViews {

    private FeedViews() {}

    /** A feed for readers, with the current user's unread count. */
    public record FeedView(
            UUID id,
            String title,
            String url,
            long unread,
            @Nullable Instant lastSuccessAt) {}

    /** A feed for administrators: its fetch state ({@code lastError}: TIMEOUT, NOT_A_FEED, HTTP_503, …). */
    public record FeedStatusView(
            UUID id,
            String title,
            String url,
            boolean active,
            @Nullable Instant lastFetchedAt,
            @Nullable Instant lastSuccessAt,
            Instant nextFetchAt,
            int failures,
            @Nullable String lastError,
            long items) {}

    public record FeedItemView(
            UUID id,
            UUID feedId,
            String feedTitle,
            String title,
            @Nullable String link,
            @Nullable String summary,
            @Nullable Instant publishedAt,
            Instant fetchedAt,
            boolean read) {}

    public record FeedItemPage(List<FeedItemView> items, long unread) {}

    public record NewFeed(String title, String url) {}
}
