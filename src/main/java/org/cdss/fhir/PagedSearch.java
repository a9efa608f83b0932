package org.cdss.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.cdss.shared.PageView;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.jspecify.annotations.Nullable;

/**
 * A search whose pages come from a module's paged query: each page HAPI asks for is one call of the module API (with
 * its own access check and audit record), so nothing is loaded that is not sent. The mapper may return null to drop a
 * row the FHIR parameters exclude (the page is then shorter, the total an upper bound).
 */
final class PagedSearch<V, R extends IBaseResource> implements IBundleProvider {

    interface PageQuery<V> {
        PageView<V> page(int page, int size);
    }

    private final PageQuery<V> query;
    private final Function<V, @Nullable R> mapper;
    private final String uuid = java.util.UUID.randomUUID().toString();
    private @Nullable Integer total;

    PagedSearch(PageQuery<V> query, Function<V, @Nullable R> mapper) {
        this.query = query;
        this.mapper = mapper;
    }

    @Override
    public @Nullable IPrimitiveType<java.util.Date> getPublished() {
        return null;
    }

    @Override
    public List<IBaseResource> getResources(int from, int to) {
        int size = Math.max(1, Math.min(to - from, FhirServerConfiguration.MAX_PAGE_SIZE));
        List<V> rows = new ArrayList<>();
        if (from % size == 0) {
            PageView<V> page = query.page(from / size, size);
            total = (int) page.page().totalElements();
            rows.addAll(page.content());
        } else {
            PageView<V> page = query.page(0, Math.min(to, from + FhirServerConfiguration.MAX_PAGE_SIZE));
            total = (int) page.page().totalElements();
            List<V> all = page.content();
            rows.addAll(all.subList(Math.min(from, all.size()), all.size()));
        }
        return rows.stream()
                .map(mapper)
                .filter(Objects::nonNull)
                .map(r -> (IBaseResource) r)
                .toList();
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        if (total == null) {
            total = (int) query.page(0, 1).page().totalElements();
        }
        return total;
    }
}
