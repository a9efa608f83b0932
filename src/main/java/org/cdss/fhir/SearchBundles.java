package org.cdss.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * HAPI's R4 search bundles without two walks over every element of every resource that find nothing here (profiled
 * on bench/fhir-read.sh's Observation search: each ~15 % of the request's CPU, ADR 0049).
 *
 * <ul>
 *   <li>{@link R4BundleFactory} visits all references of each result to add resources attached to them, but only
 *       those an {@code _include} asks for ({@link BundleInclusionRule#BASED_ON_INCLUDES}, HAPI's default): a search
 *       bundle without {@code _include} gets its entries here as HAPI would write them, with no walk; any other
 *       bundle (an {@code _include}, history, a transaction) is HAPI's own.
 *   <li>The JSON parser visits all references of a resource to contain attached resources that have no id. No
 *       provider here attaches one (the {@code _include} targets have ids), so the {@link #context()}'s parser does
 *       not look ({@code autoContainReferenceTargetsWithNoId = false}).
 * </ul>
 *
 * {@code SearchBundlesTests} checks that both give the bundle and the JSON HAPI gives.
 */
final class SearchBundles extends R4BundleFactory {

    private @Nullable String base;

    SearchBundles(FhirContext context) {
        super(context);
    }

    /**
     * The FHIR server's context: R4, with these bundles, without the containment walk, and with JSON parsers that
     * write plain answers with {@link FhirJsonWriter} (ADR 0052).
     */
    static FhirContext context() {
        return new ServerContext();
    }

    /** {@link #context()}'s type: it holds the one writer of its parsers and their verification switch. */
    static final class ServerContext extends FhirContext {

        private final FhirJsonWriter writer = new FhirJsonWriter(this);
        private final PlainJsonParser.Verification verification = new PlainJsonParser.Verification();

        private ServerContext() {
            super(FhirVersionEnum.R4);
            getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        }

        @Override
        public IVersionSpecificBundleFactory newBundleFactory() {
            return new SearchBundles(this);
        }

        @Override
        public IParser newJsonParser() {
            return PlainJsonParser.wrap(super.newJsonParser(), writer, verification);
        }

        FhirJsonWriter writer() {
            return writer;
        }

        PlainJsonParser.Verification verification() {
            return verification;
        }
    }

    @Override
    public void addRootPropertiesToBundle(
            String id, BundleLinks links, Integer total, IPrimitiveType<Date> lastUpdated) {
        super.addRootPropertiesToBundle(id, links, total, lastUpdated);
        base = links.serverBase;
    }

    @Override
    public void addResourcesToBundle(
            List<IBaseResource> result,
            BundleTypeEnum type,
            String serverBase,
            BundleInclusionRule rule,
            Set<Include> includes) {
        if (type != BundleTypeEnum.SEARCHSET
                || rule != BundleInclusionRule.BASED_ON_INCLUDES
                || (includes != null && !includes.isEmpty())
                || !(getResourceBundle() instanceof Bundle bundle)) {
            super.addResourcesToBundle(result, type, serverBase, rule, includes);
            return;
        }
        // as R4BundleFactory adds a result's entry (no include asked for: no reference is followed)
        for (IBaseResource next : result) {
            Resource resource = (Resource) next;
            Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
            IIdType id = fullUrl(resource, entry);
            BundleEntryTransactionMethodEnum verb = ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.get(resource);
            if (verb != null) {
                entry.getRequest().getMethodElement().setValueAsString(verb.name());
                if (id != null) {
                    entry.getRequest().setUrl(id.toUnqualified().getValue());
                }
            }
            if (BundleEntryTransactionMethodEnum.DELETE.equals(verb)) {
                entry.setResource(null);
            }
            BundleEntrySearchModeEnum mode = ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(resource);
            if (mode != null) {
                entry.getSearch().getModeElement().setValueAsString(mode.getCode());
            }
            BigDecimal score = ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.get(resource);
            if (score != null) {
                entry.getSearch().getScoreElement().setValue(score);
            }
        }
    }

    private @Nullable IIdType fullUrl(Resource resource, Bundle.BundleEntryComponent entry) {
        IIdType id = resource.getIdElement();
        if (id.hasBaseUrl()) {
            entry.setFullUrl(id.toVersionless().getValue());
            return id;
        }
        if (base != null && !base.isBlank() && id.hasIdPart()) {
            IIdType withBase = id.withServerBase(base, resource.fhirType());
            entry.setFullUrl(withBase.toVersionless().getValue());
            return withBase;
        }
        return null;
    }
}
