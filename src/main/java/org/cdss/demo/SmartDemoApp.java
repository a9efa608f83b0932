package org.cdss.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.cdss.identity.OAuthProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A SMART app to try the staff launch of ADR 0048 right after {@code ./cdss run}, demo mode only (ADR 0050): a public
 * client {@value #CLIENT_ID} with {@code user/Patient.rs user/Observation.rs}, and its page under {@value #PATH}
 * (plain HTML and one script, served by CDSS itself, no framework) that makes the PKCE challenge, sends the browser to
 * {@code /oauth2/authorize}, exchanges the code at {@code /oauth2/token} and lists patients from {@code /fhir}. Its
 * redirect URI is on CDSS's own origin: {@code http://127.0.0.1/…} (the authorization server accepts any port of a
 * loopback address, and the page moves itself from {@code localhost} to {@code 127.0.0.1}), and
 * {@code <CDSS_OAUTH_ISSUER>/…} when the issuer is an https address. In production neither the client nor the page
 * exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cdss.mode", havingValue = "demo")
class SmartDemoApp implements WebMvcConfigurer {

    static final String CLIENT_ID = "cdss-smart-demo";
    static final String PATH = "/smart-demo/";

    @Bean
    OAuthProperties.Client smartDemoClient(OAuthProperties oauth) {
        List<String> redirects = new ArrayList<>();
        redirects.add("http://127.0.0.1" + PATH + "index.html");
        if (oauth.issuer() != null && "https".equals(URI.create(oauth.issuer()).getScheme())) {
            redirects.add(oauth.issuer() + PATH + "index.html");
        }
        return new OAuthProperties.Client(
                CLIENT_ID,
                null,
                null,
                null,
                List.of("user/Patient.rs", "user/Observation.rs"),
                null,
                redirects,
                "CDSS SMART 데모 앱 (CDSS SMART demo app)");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/smart-demo/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/smart-demo", PATH + "index.html");
        registry.addRedirectViewController(PATH, PATH + "index.html");
    }
}
