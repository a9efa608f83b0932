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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A search whose pages come from a module's paged query: each page HAPI asks for is one call of the module API (with
 * its own access check and audit record), so nothing is loaded that is not sent. The mapper may return null to drop a
 * row the FHIR parameters exclude (the page is then shorter, the total an upper bound).
 *
 * <p>HAPI asks for the total ({@link #size()}) before the page ({@code ResponseBundleBuilder}); the total is answered
 * by fetching the page the request will ask for (its {@code _count}, else the default), which {@link #getResources}
 * then serves, so a search is one module query and one audit row, not two.
 */
final class PagedSearch<V, R extends IBaseResource> implements IBundleProvider {

    interface PageQuery<V> {
        PageView<V> page(int page, int size);
    }

    private final PageQuery<V> query;
    private final Function<V, @Nullable R> mapper;
    private final String uuid = java.util.UUID.randomUUID().toString();
    private @Nullable Integer total;
    /** The first page, fetched for {@link #size()} and kept for the {@link #getResources} call that follows it. */
    private @Nullable PageView<V> first;

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
        if (from == 0 && first != null && to <= first.page().size()) {
            List<V> fetched = first.content();
            rows.addAll(fetched.subList(0, Math.min(to, fetched.size())));
            first = null;
        } else if (from % size == 0) {
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
            first = query.page(0, requestedPageSize());
            total = (int) first.page().totalElements();
        }
        return total;
    }

    /** The page size the current request asks for, as HAPI's paging provider will read it. */
    private static int requestedPageSize() {
        String count = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            count = attributes.getRequest().getParameter("_count");
        }
        try {
            return count == null
                    ? FhirServerConfiguration.DEFAULT_PAGE_SIZE
                    : Math.clamp(Integer.parseInt(count.strip()), 1, FhirServerConfiguration.MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return FhirServerConfiguration.DEFAULT_PAGE_SIZE;
        }
    }
}
