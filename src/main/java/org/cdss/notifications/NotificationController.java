package org.cdss.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications (own and their departments'), newest first, and their read state. Staff only. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationInbox inbox;

    NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    NotificationPage list(
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inbox.list(CurrentUser.require(), unreadOnly, page, size);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unreadCount", inbox.unreadCount(CurrentUser.require()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable UUID id) {
        inbox.markRead(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead(CurrentUser.require()));
    }
}
