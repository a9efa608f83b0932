package org.cdss.orders;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.medsafety.SafetyBlockedProblem;
import org.cdss.shared.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OCS API. Create, revise and every transition take an optional {@code Idempotency-Key} header: a retried request
 * with the same key answers the order as the first request left it and acts only once ({@link OrderIdempotency}).
 */
@RestController
@RequestMapping("/api/ocs")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderCommands commands;
    private final OrderTransitions transitions;
    private final OrderIdempotency idempotency;
    private final OrderQueries queries;
    private final OrderStatistics statistics;
    private final OrderMessages messages;
    private final OrderRecentLabs recentLabs;

    OrderController(
            OrderCommands commands,
            OrderTransitions transitions,
            OrderIdempotency idempotency,
            OrderQueries queries,
            OrderStatistics statistics,
            OrderMessages messages,
            OrderRecentLabs recentLabs) {
        this.messages = messages;
        this.recentLabs = recentLabs;
        this.commands = commands;
        this.transitions = transitions;
        this.idempotency = idempotency;
        this.queries = queries;
        this.statistics = statistics;
    }

    @GetMapping("/orders")
    PageView<OrderView> list(
            @RequestParam(required = false) OrderType type,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) OrderPriority priority,
            @RequestParam(required = false) UUID departmentId,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.list(
                new OrderFilter(type, status, priority, departmentId, patientId, null, from, to), page, size);
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderDetailView create(
            @Valid @RequestBody OrderRequests.OrderForm body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return idempotency.once(key, "CREATE", null, k -> commands.create(body, k));
    }

    @GetMapping("/orders/mine")
    PageView<OrderView> mine(
            @RequestParam(required = false) OrderType type,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.mine(new OrderFilter(type, status, null, null, patientId, null, null, null), page, size);
    }

    @GetMapping("/orders/worklist")
    PageView<OrderView> worklist(
            @RequestParam(required = false) UUID department,
            @RequestParam(defaultValue = "false") boolean includeCompleted,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.worklist(department, includeCompleted, page, size);
    }

    @GetMapping("/orders/statistics")
    OrderStatisticsView statistics(
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return statistics.statistics(from, to);
    }

    @GetMapping("/orders/{id}")
    OrderDetailView get(@PathVariable UUID id) {
        return queries.detail(id);
    }

    @PutMapping("/orders/{id}")
    OrderDetailView update(@PathVariable UUID id, @Valid @RequestBody OrderRequests.UpdateOrder body) {
        return commands.update(id, body);
    }

    /** Only a pending order can be withdrawn; it is cancelled, never deleted. */
    @DeleteMapping("/orders/{id}")
    OrderDetailView withdraw(@PathVariable UUID id) {
        return commands.withdraw(id);
    }

    /**
     * Sends a pending order. Blocking medication-safety alerts answer 422 {@link SafetyBlockedProblem} (typed
     * {@code findings}, each with what its override needs); the same call with {@code override} sends it.
     */
    @PostMapping("/orders/{id}/send")
    @ApiResponse(responseCode = "200", description = "Sent")
    @ApiResponse(
            responseCode = "422",
            description = "Refused by blocking medication-safety alerts (or another rule)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = SafetyBlockedProblem.class)))
    OrderDetailView send(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) OrderRequests.Send body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        OrderRequests.Send request = body != null ? body : new OrderRequests.Send(null, null);
        return idempotency.once(key, "SEND", id, k -> transitions.send(id, request, k));
    }

    /**
     * The department takes a sent order on; for a medication, the pharmacist's verification, which checks it again:
     * blocking alerts the prescriber has not decided on (an allergy recorded since sending) answer 422
     * {@link SafetyBlockedProblem}, and the pharmacist returns the order to the prescriber.
     */
    @PostMapping("/orders/{id}/start")
    @ApiResponse(responseCode = "200", description = "Taken on (verified)")
    @ApiResponse(
            responseCode = "422",
            description = "Refused by blocking medication-safety alerts not decided on at sending",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = SafetyBlockedProblem.class)))
    OrderDetailView start(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) OrderRequests.Transition body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        OrderRequests.Transition request = body != null ? body : new OrderRequests.Transition(null, null);
        return idempotency.once(key, "START", id, k -> transitions.start(id, request, k));
    }

    @PostMapping("/orders/{id}/complete")
    OrderDetailView complete(
            @PathVariable UUID id,
            @Valid @RequestBody OrderRequests.Complete body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return idempotency.once(key, "COMPLETE", id, k -> transitions.complete(id, body, k));
    }

    @PostMapping("/orders/{id}/cancel")
    OrderDetailView cancel(
            @PathVariable UUID id,
            @Valid @RequestBody OrderRequests.Cancel body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return idempotency.once(key, "CANCEL", id, k -> transitions.cancel(id, body, k));
    }

    /** The verifying department (a pharmacist) returns the order to its prescriber: cancelled with their reason. */
    @PostMapping("/orders/{id}/return")
    OrderDetailView returnToPrescriber(
            @PathVariable UUID id,
            @Valid @RequestBody OrderRequests.Cancel body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return idempotency.once(key, "RETURN", id, k -> transitions.returnToPrescriber(id, body, k));
    }

    /** The thread between the department and the prescriber (queries and answers), oldest first. */
    @GetMapping("/orders/{id}/messages")
    List<OrderMessages.OrderMessageView> messages(@PathVariable UUID id) {
        return messages.thread(id);
    }

    /** The latest lab values of the order's patient (newest first), for whoever may see the order: verification. */
    @GetMapping("/orders/{id}/recent-labs")
    List<OrderRecentLabs.RecentLabView> recentLabs(@PathVariable UUID id) {
        return recentLabs.beside(id);
    }

    /** A query to the prescriber (from the department) or an answer (from the prescriber), who is then notified. */
    @PostMapping("/orders/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    OrderMessages.OrderMessageView postMessage(@PathVariable UUID id, @Valid @RequestBody OrderRequests.Message body) {
        return messages.post(id, body.body());
    }

    @PostMapping("/orders/{id}/revise")
    @ResponseStatus(HttpStatus.CREATED)
    OrderDetailView revise(
            @PathVariable UUID id,
            @Valid @RequestBody OrderRequests.OrderForm body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return idempotency.once(key, "REVISE", null, k -> commands.revise(id, body, k));
    }

    @PostMapping("/orders/{id}/revalidate")
    OrderDetailView revalidate(@PathVariable UUID id) {
        return commands.revalidate(id);
    }

    @GetMapping("/lab-tests")
    List<LabTestView> labTests(@RequestParam(defaultValue = "") String q) {
        return queries.labTests(q);
    }
}
