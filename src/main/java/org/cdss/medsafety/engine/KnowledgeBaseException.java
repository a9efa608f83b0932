package org.cdss.medsafety.engine;

/** The knowledge base files are missing or corrupt; the message names the file and line (no patient data). */
public class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
