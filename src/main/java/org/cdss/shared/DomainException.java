package org.cdss.shared;

import java.util.List;

/**
 * A refusal the caller can act on. Carries a {@link ProblemType} and message arguments, never web types; the
 * message is resolved in the request's language by the web layer. {@link #getMessage()} is for logs only and must
 * not contain patient data.
 */
public class DomainException extends RuntimeException {

    private final ProblemType problem;
    private final String messageKey;
    private final Object[] args;
    private final List<FieldProblem> fieldProblems;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public DomainException(ProblemType problem) {
        this(problem, null, List.of());
    }

    public DomainException(ProblemType problem, String messageKey, Object... args) {
        this(problem, messageKey, List.of(), args);
    }

    public DomainException(ProblemType problem, String messageKey, List<FieldProblem> fieldProblems, Object... args) {
        super(problem.code() + (messageKey == null ? "" : " " + messageKey));
        this.problem = problem;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public ProblemType problem() {
        return problem;
    }

    /** Message key for the detail, or null to use {@code problem.<code>.detail}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /**
     * Adds an RFC 9457 extension member (e.g. {@code findings} of a refused clinical rule) to the problem. Values are
     * serialised as JSON: ids, codes and clinical facts only, never patient identifiers.
     */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public static DomainException notFound() {
        return new DomainException(ProblemCode.NOT_FOUND);
    }

    /** A refusal that names one field of the request; {@code key} is both its message and the problem's detail. */
    public static DomainException field(ProblemType problem, String pointer, String key) {
        return new DomainException(problem, key, List.of(new FieldProblem(pointer, key)));
    }

    /**
     * One invalid field of the request under the general validation detail; {@code key} (with {@code args}) says what
     * is wrong with the field.
     */
    public static DomainException invalidField(String pointer, String key, Object... args) {
        return new DomainException(ProblemCode.VALIDATION, null, List.of(new FieldProblem(pointer, key, args)));
    }

    /** A problem with one field of the request; {@code messageKey} is resolved in the request's language. */
    public record FieldProblem(String pointer, String messageKey, Object... args) {}
}
