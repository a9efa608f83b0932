package org.cdss.orders;

/** What is ordered; decides the payload and, through the routing table, the department that carries it out. */
@org.springframework.modulith.NamedInterface("events")
public enum OrderType {
    MEDICATION,
    LAB_TEST,
    IMAGING,
    TISSUE_EXAM
}
