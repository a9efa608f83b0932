package org.cdss.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The request and response of each entry of a {@code _history} Bundle, which R4 requires there (bdl-3, bdl-4): the
 * version that made the resource was a create ({@code POST}, 201), every later one an update ({@code PUT}, 200).
 * HAPI's own guess takes version "1" for the create; ours start at 0 ({@code meta.versionId} is the note's version,
 * ADR 0047), so the entries are written here, from each resource's version.
 */
@Component
@Interceptor
class HistoryEntries {

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean entries(RequestDetails request, IBaseResource answer) {
        if (request.getRestOperationType() != RestOperationTypeEnum.HISTORY_INSTANCE
                || !(answer instanceof Bundle bundle)
                || bundle.getType() != Bundle.BundleType.HISTORY) {
            return true;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            String type = resource.fhirType();
            String id = resource.getIdElement().getIdPart();
            String version = resource.getMeta().getVersionId();
            boolean created = "0".equals(version);
            entry.getRequest()
                    .setMethod(created ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT)
                    .setUrl(created ? type : type + "/" + id);
            entry.getResponse()
                    .setStatus(created ? "201 Created" : "200 OK")
                    .setEtag("W/\"" + version + "\"")
                    .setLastModified(resource.getMeta().getLastUpdated());
        }
        return true;
    }
}
