package org.cdss.fhir;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.cdss.audit.AuditLog;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain {@link RestfulServer} at {@code /fhir} on Boot's Tomcat (ADR 0030). The CapabilityStatement at
 * {@code /fhir/metadata} is HAPI's own, generated from the providers registered here, so it lists exactly what is
 * supported.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(
            List<IResourceProvider> providers,
            FhirErrors errors,
            FhirAudit audit,
            FhirScopes scopes,
            HistoryEntries history,
            AuditLog auditLog) {
        RestfulServer server = new RestfulServer(SearchBundles.context()) {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                WholeResponses whole = new WholeResponses(response);
                // the request's read audit rows, written together (FhirAudit, before the answer is written); the
                // close writes any left and ends the batch, so none is dropped or carried into the thread's next
                // request, and it runs before the buffered answer is sent
                try (AuditLog.Batch rows = auditLog.openBatch()) {
                    super.service(request, whole);
                }
                whole.finish();
            }
        };
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setServerAddressStrategy(new IncomingRequestAddressStrategy());
        server.setImplementationDescription("CDSS FHIR R4 facade");
        server.registerProviders(List.copyOf(providers));
        OwnedPagingProvider paging = new OwnedPagingProvider(1000);
        paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
        paging.setMaximumPageSize(MAX_PAGE_SIZE);
        server.setPagingProvider(paging);
        server.registerInterceptor(errors);
        server.registerInterceptor(audit);
        server.registerInterceptor(scopes);
        server.registerInterceptor(history);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * SMART clients look for {@code .well-known/smart-configuration} under the FHIR base: an exact servlet mapping
     * (which wins over HAPI's {@code /fhir/*}) forwards to the authorization server's document (ADR 0044).
     */
    @Bean
    ServletRegistrationBean<HttpServlet> fhirSmartConfiguration() {
        HttpServlet forward = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                request.getRequestDispatcher("/.well-known/smart-configuration").forward(request, response);
            }
        };
        ServletRegistrationBean<HttpServlet> registration =
                new ServletRegistrationBean<>(forward, "/fhir/.well-known/smart-configuration");
        registration.setName("fhirSmartConfiguration");
        return registration;
    }
}
