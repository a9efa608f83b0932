package org.cdss.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the scheduling API. */
final class SchedulingRequests {

    private SchedulingRequests() {}

    record CancelAppointmentRequest(
            @NotBlank @Size(max = 500) String reason) {}
}
