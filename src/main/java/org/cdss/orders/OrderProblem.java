package org.cdss.orders;

import org.cdss.shared.ProblemType;

/**
 * The refusals the orders module's own rules make. Clients and tests switch on these codes ({@code type}
 * {@code urn:cdss:problem:order.…} and {@code code}); titles and details are {@code problem.<code>.title/.detail}
 * in {@code messages*.properties}, a more precise detail by the message key the refusal names.
 */
enum OrderProblem implements ProblemType {
    /** Sending refused by blocking medication-safety alerts; the answer carries {@code checkId} and {@code findings}. */
    SAFETY_BLOCKED("order.safety-blocked", 422),
    /** A second open order of the same ingredient, not confirmed as intended; carries {@code duplicates}. */
    DUPLICATE_INGREDIENT("order.duplicate-ingredient", 422),
    /** The same {@code Idempotency-Key} used for another operation or another order. */
    IDEMPOTENCY_KEY_REUSED("order.idempotency-key-reused", 422),
    /** The same {@code Idempotency-Key} is still being acted on by a concurrent request. */
    REQUEST_IN_PROGRESS("order.request-in-progress", 409),
    /** The life cycle does not allow this step from the order's current status. */
    INVALID_TRANSITION("order.invalid-transition", 409),
    /** An imaging order whose images were acquired cannot be cancelled or revised by its prescriber (ADR 0041). */
    IMAGING_ACQUIRED("order.imaging-acquired", 409),
    /** An imaging order is completed by its radiologist's signed report, not by a free text. */
    IMAGING_NEEDS_REPORT("order.imaging-needs-report", 409),
    /** Only a pending order can be edited or withdrawn. */
    NOT_EDITABLE("order.not-editable", 409),
    /** A revision may not change the patient or the type of the order. */
    PATIENT_OR_TYPE_CHANGED("order.patient-or-type-changed", 422),
    /** The order names something the catalogues do not know (patient, drug, lab test, specimen, department). */
    UNKNOWN_REFERENCE("order.unknown-reference", 422),
    /** Completing needs its outcome: a dispense, valid lab values, or a result text. */
    RESULT_INVALID("order.result-invalid", 422),
    /** A dispense of more than the order's quantity: the prescriber revises the order first. */
    DISPENSE_EXCEEDS_ORDERED("order.dispense-exceeds-ordered", 422),
    /** Only medication orders are checked for medication safety. */
    NOT_MEDICATION("order.not-medication", 422),
    /** A department already has an order set of that name (ADR 0038). */
    ORDER_SET_NAME_TAKEN("order.order-set-name-taken", 409),
    /** A doctor has as many favourite orders as allowed ({@link OrderFavourites#MAX_FAVOURITES}). */
    FAVOURITES_FULL("order.favourites-full", 422);

    private final String code;
    private final int status;

    OrderProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
