/**
 * Scheduling: doctors' weekly schedules per department, appointments with their life cycle (scheduled → checked in →
 * in consultation → completed; cancelled with a reason; no-show), the waiting queue, and booking by the front office,
 * doctors and patients (portal, own appointments only). Times are UTC instants, shown in the hospital's zone. A doctor
 * cannot be double-booked: a unique key in the database decides (V6__scheduling.sql). Its API: {@link
 * org.cdss.scheduling.ScheduleManagement} (schedules and slots), {@link org.cdss.scheduling.AppointmentBook} (booking
 * and the life cycle) and {@link org.cdss.scheduling.AppointmentQueries} (the reads, the records timeline's included);
 * it publishes {@link org.cdss.scheduling.AppointmentChanged} (ids and status only).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {"shared", "audit", "identity", "patients"})
@org.jspecify.annotations.NullMarked
package org.cdss.scheduling;
