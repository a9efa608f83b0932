package org.cdss.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;

/**
 * HAPI's in-memory paging, where a page of search results belongs to whoever ran the search: another user who
 * learns the page link gets "unknown search" (HAPI's 410), never the rows the first user was allowed to see.
 */
final class OwnedPagingProvider extends FifoMemoryPagingProvider {

    private final Map<String, java.util.UUID> owners = new ConcurrentHashMap<>();
    private final int size;

    OwnedPagingProvider(int size) {
        super(size);
        this.size = size;
    }

    @Override
    public synchronized String storeResultList(RequestDetails request, IBundleProvider list) {
        String id = super.storeResultList(request, list);
        CurrentUser.find().map(CdssPrincipal::userId).ifPresent(user -> owners.put(id, user));
        if (owners.size() > size * 2) {
            owners.keySet().removeIf(key -> super.retrieveResultList(request, key) == null);
        }
        return id;
    }

    @Override
    public synchronized IBundleProvider retrieveResultList(RequestDetails request, String id) {
        java.util.UUID owner = owners.get(id);
        java.util.UUID caller = CurrentUser.find().map(CdssPrincipal::userId).orElse(null);
        if (owner == null || !owner.equals(caller)) {
            return null;
        }
        return super.retrieveResultList(request, id);
    }
}
