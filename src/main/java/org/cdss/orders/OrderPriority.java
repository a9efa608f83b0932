package org.cdss.orders;

/** Clinical urgency, most urgent first: worklists sort by this order, then by due time. */
@org.springframework.modulith.NamedInterface("events")
public enum OrderPriority {
    EMERGENCY,
    STAT,
    URGENT,
    ROUTINE;

    /** Sort key stored with the order (0 = most urgent), so that worklists sort in the database. */
    public int rank() {
        return ordinal();
    }

    /** How long an order of this priority may wait when the prescriber gives no due time. */
    public java.time.Duration defaultTurnaround() {
        return switch (this) {
            case EMERGENCY -> java.time.Duration.ofMinutes(15);
            case STAT -> java.time.Duration.ofHours(1);
            case URGENT -> java.time.Duration.ofHours(4);
            case ROUTINE -> java.time.Duration.ofHours(24);
        };
    }
}
