package org.cdss.knowledge;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cdss.knowledge.FeedViews.FeedItemPage;
import org.cdss.knowledge.FeedViews.FeedStatusView;
import org.cdss.knowledge.FeedViews.FeedView;
import org.cdss.knowledge.FeedViews.NewFeed;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Feeds: administrators register them; every staff member reads their items, with their own unread state. */
@Service
public class Feeds {

    /** The deepest page of feed items served (at 100 a page, a million items). */
    static final int MAX_PAGE = 10_000;

    private final FeedStore store;
    private final FeedAggregator aggregator;
    private final FeedAddresses addresses;
    private final Clock clock;

    Feeds(FeedStore store, FeedAggregator aggregator, FeedAddresses addresses, Clock clock) {
        this.store = store;
        this.aggregator = aggregator;
        this.addresses = addresses;
        this.clock = clock;
    }

    public FeedStatusView add(CdssPrincipal admin, NewFeed feed) {
        String title = feed.title() == null ? "" : feed.title().strip();
        String url = feed.url() == null ? "" : feed.url().strip();
        if (title.isEmpty() || title.length() > 300 || url.length() > 2000) {
            throw new DomainException(ProblemCode.VALIDATION);
        }
        try {
            if (!addresses.allowed(URI.create(url))) {
                throw new DomainException(KnowledgeProblem.FEED_URL_INVALID);
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException(KnowledgeProblem.FEED_URL_INVALID);
        }
        if (store.urlTaken(url)) {
            throw new DomainException(KnowledgeProblem.FEED_DUPLICATE);
        }
        UUID id = UUID.randomUUID();
        store.insert(id, title, url, clock.instant(), admin.username());
        return status(id);
    }

    public List<FeedStatusView> statuses() {
        return store.statuses();
    }

    /** Fetches a feed now (administrators, "refresh"); its state afterwards. */
    public FeedStatusView refresh(UUID id) {
        FeedStore.Feed feed = store.find(id).orElseThrow(() -> new DomainException(KnowledgeProblem.FEED_NOT_FOUND));
        aggregator.fetch(feed);
        return status(id);
    }

    public void deactivate(UUID id) {
        if (!store.deactivate(id)) {
            throw new DomainException(KnowledgeProblem.FEED_NOT_FOUND);
        }
    }

    public List<FeedView> feeds(CdssPrincipal user) {
        return store.feeds(user.userId());
    }

    public FeedItemPage items(CdssPrincipal user, @Nullable UUID feedId, boolean unreadOnly, int page, int size) {
        int s = Math.clamp(size, 1, 100);
        if (page > MAX_PAGE) { // page × size must not wrap round into a negative offset
            throw DomainException.invalidField("/page", "validation.invalid-value");
        }
        List<FeedViews.FeedItemView> items = store.items(user.userId(), feedId, unreadOnly, Math.max(0, page) * s, s);
        long unread = store.feeds(user.userId()).stream()
                .filter(f -> feedId == null || f.id().equals(feedId))
                .mapToLong(FeedView::unread)
                .sum();
        return new FeedItemPage(items, unread);
    }

    public void markRead(CdssPrincipal user, UUID itemId) {
        if (!store.itemExists(itemId)) {
            throw new DomainException(KnowledgeProblem.FEED_ITEM_NOT_FOUND);
        }
        store.markRead(user.userId(), itemId, clock.instant());
    }

    private FeedStatusView status(UUID id) {
        return store.statuses().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new DomainException(KnowledgeProblem.FEED_NOT_FOUND));
    }
}
