package org.cdss.medsafety;

/** What kind of problem an alert reports; INCOMPLETE means the check could not be done (never a silent pass). */
public enum AlertType {
    INTERACTION,
    ALLERGY,
    DUPLICATE,
    DOSE,
    INCOMPLETE
}
