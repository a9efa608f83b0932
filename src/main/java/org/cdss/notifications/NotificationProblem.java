package org.cdss.notifications;

import org.cdss.shared.ProblemType;

/** The refusals of the notifications module ({@code problem.<code>.title} / {@code .detail} in the messages). */
enum NotificationProblem implements ProblemType {
    /** No such notification addressed to the caller (someone else's answers the same: no existence leak). */
    NOT_FOUND("notification.not-found", 404);

    private final String code;
    private final int status;

    NotificationProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
