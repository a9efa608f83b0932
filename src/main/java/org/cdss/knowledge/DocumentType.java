package org.cdss.knowledge;

/** What kind of document the hospital keeps. */
public enum DocumentType {
    PROTOCOL,
    GUIDELINE,
    POLICY,
    FORM,
    OTHER
}
