package org.cdss.patients;

/** The resident registration number in clear, for the one request that asked (audited). */
public record RevealedRrn(String rrn) {

    @Override
    public String toString() {
        return "RevealedRrn[…]";
    }
}
