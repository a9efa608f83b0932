package org.cdss.shared;

import java.time.ZoneId;

/** The time zone in which the hospital's days and opening hours are defined. */
public record HospitalZone(ZoneId zoneId) {}
