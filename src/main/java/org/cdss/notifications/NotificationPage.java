package org.cdss.notifications;

import java.util.List;
import org.cdss.shared.PageView;

/** A page of the caller's notifications, newest first, with the caller's unread count for the bell. */
public record NotificationPage(List<NotificationView> content, PageView.PageMeta page, long unreadCount) {}
