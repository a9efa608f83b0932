package org.cdss.orders;

/** Clinical urgency, most urgent first: worklists sort by this order, then by due time. */
public enum OrderPriority {
    EMERGENCY, STAT, URGENT, ROUTINE
}
