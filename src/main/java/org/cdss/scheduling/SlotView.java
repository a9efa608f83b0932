package org.cdss.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;

/** One bookable slot of a doctor's day: its start in UTC and in the hospital's zone, and whether it is free. */
public record SlotView(Instant startsAt, LocalDateTime localStart, int minutes, boolean free) {}
