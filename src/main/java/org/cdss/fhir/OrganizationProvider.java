package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cdss.identity.DepartmentView;
import org.cdss.identity.IdentityQueries;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/** {@code Organization}: the hospital's departments ({@link IdentityQueries#departments}), Korean name with English alias. */
@Component
class OrganizationProvider implements IResourceProvider {

    private final IdentityQueries identity;

    OrganizationProvider(IdentityQueries identity) {
        this.identity = identity;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        UUID wanted = FhirSearch.uuid(id);
        return identity.departments().stream()
                .filter(d -> d.id().equals(wanted))
                .findFirst()
                .map(OrganizationProvider::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Organization> search(
            @OptionalParam(name = Organization.SP_NAME) StringParam name,
            @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
        String text = name == null ? null : name.getValue().toLowerCase(Locale.ROOT);
        return identity.departments().stream()
                .filter(d -> identifier == null || d.code().equalsIgnoreCase(identifier.getValue()))
                .filter(d -> text == null
                        || d.nameKo().toLowerCase(Locale.ROOT).contains(text)
                        || d.nameEn().toLowerCase(Locale.ROOT).contains(text))
                .map(OrganizationProvider::toFhir)
                .toList();
    }

    static Organization toFhir(DepartmentView d) {
        Organization o = new Organization();
        o.setId(new IdType("Organization", d.id().toString()));
        o.addIdentifier().setSystem(FhirCodes.DEPARTMENT_SYSTEM).setValue(d.code());
        o.setActive(d.active());
        o.addType(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "dept", "Hospital Department")));
        o.setName(d.nameKo());
        if (d.nameEn() != null && !d.nameEn().isBlank()) {
            o.addAlias(d.nameEn());
        }
        return o;
    }
}
