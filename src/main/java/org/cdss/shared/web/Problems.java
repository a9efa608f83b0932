package org.cdss.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cdss.shared.ProblemType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds RFC 9457 problem details with a stable {@code type}, a {@code code} and a title and detail in the
 * request's language. The one place that turns a {@link ProblemType} into a response body.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    Problems(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    /**
     * The request's language. Resolved here rather than read from {@link LocaleContextHolder} alone, because
     * problems written by security filters are built before the DispatcherServlet has set the locale.
     */
    public Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return localeResolver.resolveLocale(attributes.getRequest());
        }
        return LocaleContextHolder.getLocale();
    }

    public ProblemDetail build(ProblemType code, String detailKey, Object[] args, List<Map<String, String>> errors) {
        Locale locale = locale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.valueOf(code.status()));
        problem.setType(URI.create(code.type()));
        problem.setTitle(messages.getMessage("problem." + code.code() + ".title", null, code.code(), locale));
        String key = detailKey != null ? detailKey : "problem." + code.code() + ".detail";
        problem.setDetail(messages.getMessage(
                key,
                args,
                messages.getMessage("problem." + code.code() + ".detail", null, code.code(), locale),
                locale));
        problem.setProperty("code", code.code());
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public ProblemDetail build(ProblemType code) {
        return build(code, null, null, null);
    }

    public String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, locale());
    }

    public static Map<String, String> fieldError(String pointer, String message) {
        return Map.of("pointer", pointer, "message", message);
    }
}
