package org.cdss.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every exception that reaches a controller to {@code application/problem+json}. Exception messages are never
 * echoed: they may hold SQL, stack details or patient data. Unexpected errors get a trace id that is logged.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;
    private final MessageSource messages;

    ProblemDetailsAdvice(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.fieldProblems().stream()
                .map(f -> Problems.fieldError(f.pointer(), problems.message(f.messageKey(), f.args())))
                .toList();
        ProblemDetail body = problems.build(e.problem(), e.messageKey(), e.args(), errors);
        e.properties().forEach(body::setProperty);
        return respond(body, request);
    }

    /** A stale version, or a lock lost to a concurrent writer (what H2 reports instead of a version mismatch). */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> staleVersion(ConcurrencyFailureException e, HttpServletRequest request) {
        return respond(problems.build(ProblemCode.STALE_VERSION), request);
    }

    /**
     * The database refused a write. SQL state class 23 (a unique key another request took first while two ran at
     * once, a reference gone) is 409; class 22 (a value it cannot store: too long, out of range) is 400. Input is
     * meant to be refused by validation before it gets here; this keeps a miss from answering 500, and logs which
     * (class names and SQL state only: the message holds the values).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
        String state = sqlState(e);
        log.warn(
                "The database refused a write of {} {}: {} (SQL state {})",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getSimpleName(),
                state);
        ProblemCode code = state != null && state.startsWith("22") ? ProblemCode.VALIDATION : ProblemCode.CONFLICT;
        return respond(problems.build(code), request);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * A date or time the server cannot compute with (a query parameter at the edge of Java's calendar, such as year
     * +999999999, that is valid ISO but overflows when a day is added): the request's fault, 400.
     */
    @ExceptionHandler(DateTimeException.class)
    ResponseEntity<Object> dateOutOfRange(DateTimeException e, HttpServletRequest request) {
        return respond(problems.build(ProblemCode.VALIDATION, "validation.date-out-of-range", null, null), request);
    }

    /**
     * No database connection within the pool's timeout (the database is down, or the server is overloaded): 503 with
     * {@code Retry-After}, so clients back off and retry (with their Idempotency-Key) instead of seeing a 500.
     */
    @ExceptionHandler({
        org.springframework.transaction.CannotCreateTransactionException.class,
        org.springframework.dao.DataAccessResourceFailureException.class
    })
    ResponseEntity<Object> noConnection(RuntimeException e, HttpServletRequest request) {
        log.warn(
                "No database connection for {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getSimpleName());
        ResponseEntity<Object> response = respond(problems.build(ProblemCode.SERVICE_UNAVAILABLE), request);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(response.getBody());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> denied(RuntimeException e, HttpServletRequest request) {
        return respond(problems.build(ProblemCode.FORBIDDEN), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Problems.fieldError("/" + v.getPropertyPath(), v.getMessage()))
                .toList();
        return respond(problems.build(ProblemCode.VALIDATION, null, null, errors), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        var errors =
                List.of(Problems.fieldError("/" + e.getName(), problems.message("validation.invalid-value", null)));
        return respond(problems.build(ProblemCode.VALIDATION, null, null, errors), request);
    }

    /**
     * Anything else: 500 with a trace id. Logged with the exception classes and stack frames but without messages
     * ({@link SafeThrowables}): a data-access exception's message holds the SQL and values, a constraint violation
     * the duplicate value — patient data that must not reach the log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        String traceId = UUID.randomUUID().toString();
        log.error(
                "Unexpected error, traceId={} {} {}\n{}",
                traceId,
                request.getMethod(),
                request.getRequestURI(),
                SafeThrowables.describe(e));
        ProblemDetail body = problems.build(ProblemCode.INTERNAL);
        body.setProperty("traceId", traceId);
        return respond(body, request);
    }

    // --- Spring MVC's own exceptions ---

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : ex.getBindingResult().getFieldErrors()) {
            errors.add(Problems.fieldError(
                    "/" + f.getField().replace('.', '/').replace("[", "/").replace("]", ""),
                    messages.getMessage(f, problems.locale())));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(Problems.fieldError("", messages.getMessage(g, problems.locale()))));
        return problem(ProblemCode.VALIDATION, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(err ->
                            errors.add(Problems.fieldError("/" + name, messages.getMessage(err, problems.locale()))));
        }
        return problem(ProblemCode.VALIDATION, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            var error = Problems.fieldError(
                    "/" + unknown.getPropertyName(), problems.message("validation.unknown-field", null));
            return problem(ProblemCode.VALIDATION, List.of(error));
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String pointer = "/"
                    + String.join(
                            "/",
                            databind.getPath().stream()
                                    .map(r -> r.getPropertyName() != null
                                            ? r.getPropertyName()
                                            : String.valueOf(r.getIndex()))
                                    .toList());
            var error = Problems.fieldError(pointer, problems.message("validation.invalid-value", null));
            return problem(ProblemCode.VALIDATION, List.of(error));
        }
        return problem(ProblemCode.MALFORMED_REQUEST, null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemCode.NOT_ACCEPTABLE, null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemCode.METHOD_NOT_ALLOWED, null);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var error = Problems.fieldError("/" + ex.getParameterName(), problems.message("validation.required", null));
        return problem(ProblemCode.VALIDATION, List.of(error));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemCode.NOT_FOUND, null);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemCode.PAYLOAD_TOO_LARGE, null);
    }

    /** Any other Spring MVC exception: keep its status, replace its text with ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemCode code = switch (statusCode.value()) {
            case 400 -> ProblemCode.MALFORMED_REQUEST;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
            default -> statusCode.is4xxClientError() ? ProblemCode.MALFORMED_REQUEST : ProblemCode.INTERNAL;
        };
        return problem(code, null);
    }

    private ResponseEntity<Object> problem(ProblemCode code, List<Map<String, String>> errors) {
        ProblemDetail body = problems.build(code, null, null, errors);
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static ResponseEntity<Object> respond(ProblemDetail body, HttpServletRequest request) {
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
