package org.cdss.records;

/**
 * The four parts of a SOAP note (subjective, objective, assessment, plan); blank parts are stored as null. Text is
 * stored as typed; the UI escapes it when shown.
 */
record Soap(String subjective, String objective, String assessment, String plan) {

    Soap {
        subjective = blankToNull(subjective);
        objective = blankToNull(objective);
        assessment = blankToNull(assessment);
        plan = blankToNull(plan);
    }

    boolean isEmpty() {
        return subjective == null && objective == null && assessment == null && plan == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
