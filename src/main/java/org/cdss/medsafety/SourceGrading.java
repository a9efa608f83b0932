package org.cdss.medsafety;

/**
 * How one source grades the pair of an interaction alert (issue 14 item 3): the source ({@code ANSM},
 * {@code NDF-RT}, {@code ONC-HIGH}, {@code ONC-NONINT}), its own grade as written in the source ({@code CI},
 * {@code AD}, {@code PE}, {@code PC}, {@code Critical}, {@code Significant}, {@code ONC_HIGH_PRIORITY},
 * {@code ONC_NON_INTERRUPTIVE}), that grade on our one scale (ADR 0005), the source's rule id, and its text (the
 * source's own language, may be empty). An alert carries the most severe of them.
 */
public record SourceGrading(String source, String sourceSeverity, Severity severity, String ruleId, String text) {}
