package org.cdss.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/** Serves the single-page UI and picks the language of messages (Korean unless the client asks for English). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.KOREAN, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.KOREAN);
        return resolver;
    }

    /**
     * Files of the built UI are served as they are; any other path that is not an API path and has no file
     * extension is a client-side route and gets {@code index.html}. API paths that match nothing stay 404.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource requested = location.createRelative(path);
                        if (requested.exists() && requested.isReadable()) {
                            return requested;
                        }
                        if (isServerPath(path)
                                || path.substring(path.lastIndexOf('/') + 1).contains(".")) {
                            return null;
                        }
                        Resource index = location.createRelative("index.html");
                        return index.exists() ? index : null;
                    }
                });
    }

    private static boolean isServerPath(String path) {
        return path.startsWith("api/")
                || path.equals("api")
                || path.startsWith("actuator")
                || path.startsWith("v3/")
                || path.startsWith("swagger-ui")
                || path.startsWith("cds-services")
                || path.equals("fhir")
                || path.startsWith("fhir/");
    }
}
