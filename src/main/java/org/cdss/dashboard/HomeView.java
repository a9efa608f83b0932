package org.cdss.dashboard;

import java.util.List;
import org.cdss.audit.AuditEntryView;
import org.cdss.identity.MeView;

/** What the home page shows the logged-in user: who they are, a few live counts for their role, their recent actions. */
public record HomeView(MeView user, List<HomeCard> cards, List<AuditEntryView> recentActivity) {

    public record HomeCard(String key, long value) {}
}
