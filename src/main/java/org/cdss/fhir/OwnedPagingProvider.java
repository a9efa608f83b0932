package org.cdss.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * HAPI's in-memory paging, where a page of search results belongs to whoever ran the search — the user, and for a
 * bearer token the OAuth client too: another user or client who learns the page link gets "unknown search" (HAPI's
 * 410), never the rows the first one was allowed to see. A page asked for with a token also needs the scopes the
 * search needed (ADR 0044): a token of the same client without them gets 403 like the search would have.
 */
final class OwnedPagingProvider extends FifoMemoryPagingProvider {

    /**
     * Who ran the search (the OAuth client, null for a session), what it asked for, and the patient it named (the
     * audit row of each later page names it too: the page link carries no search parameters).
     */
    private record Owner(
            UUID user,
            @Nullable String clientId,
            @Nullable String type,
            char permission,
            List<String> includes,
            @Nullable UUID patient) {}

    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    private final int size;

    OwnedPagingProvider(int size) {
        super(size);
        this.size = size;
    }

    @Override
    public synchronized String storeResultList(RequestDetails request, IBundleProvider list) {
        String id = super.storeResultList(request, list);
        UUID user = CurrentUser.find().map(CdssPrincipal::userId).orElse(null);
        if (user != null) {
            char permission =
                    request.getRestOperationType() == null ? 0 : FhirScopes.permission(request.getRestOperationType());
            String type = request.getResourceName();
            owners.put(
                    id,
                    new Owner(
                            user,
                            clientId(),
                            type,
                            permission,
                            FhirScopes.includes(request),
                            FhirAudit.patientOf(request, type, null)));
        }
        if (owners.size() > size * 2) {
            owners.keySet().removeIf(key -> super.retrieveResultList(request, key) == null);
        }
        return id;
    }

    @Override
    public synchronized @Nullable IBundleProvider retrieveResultList(RequestDetails request, String id) {
        Owner owner = owners.get(id);
        UUID caller = CurrentUser.find().map(CdssPrincipal::userId).orElse(null);
        if (owner == null || !owner.user().equals(caller) || !Objects.equals(owner.clientId(), clientId())) {
            return null;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof FhirTokenAuthentication token) {
            FhirScopes.checkPage(token, owner.type(), owner.permission(), owner.includes());
        }
        FhirAudit.pageOf(request, owner.type(), owner.patient());
        return super.retrieveResultList(request, id);
    }

    private static @Nullable String clientId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof FhirTokenAuthentication token ? token.clientId() : null;
    }
}
