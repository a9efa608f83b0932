package org.cdss.knowledge;

import java.util.List;
import java.util.UUID;
import org.cdss.knowledge.FeedViews.FeedItemPage;
import org.cdss.knowledge.FeedViews.FeedStatusView;
import org.cdss.knowledge.FeedViews.FeedView;
import org.cdss.knowledge.FeedViews.NewFeed;
import org.cdss.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedController {

    private final Feeds feeds;

    FeedController(Feeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/knowledge/feeds")
    List<FeedView> feeds() {
        return feeds.feeds(CurrentUser.require());
    }

    /** Items newest first, with the current user's read state; {@code unreadOnly} for the unread ones. */
    @GetMapping("/api/knowledge/feeds/items")
    FeedItemPage items(
            @RequestParam(required = false) @Nullable UUID feedId,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "30") int size) {
        return feeds.items(CurrentUser.require(), feedId, unreadOnly, page, size);
    }

    @PostMapping("/api/knowledge/feeds/items/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable UUID id) {
        feeds.markRead(CurrentUser.require(), id);
    }

    @GetMapping("/api/admin/knowledge/feeds")
    List<FeedStatusView> statuses() {
        return feeds.statuses();
    }

    @PostMapping("/api/admin/knowledge/feeds")
    @ResponseStatus(HttpStatus.CREATED)
    FeedStatusView add(@RequestBody NewFeed feed) {
        return feeds.add(CurrentUser.require(), feed);
    }

    @PostMapping("/api/admin/knowledge/feeds/{id}/refresh")
    FeedStatusView refresh(@PathVariable UUID id) {
        return feeds.refresh(id);
    }

    @PostMapping("/api/admin/knowledge/feeds/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable UUID id) {
        feeds.deactivate(id);
    }
}
