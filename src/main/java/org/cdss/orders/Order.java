package org.cdss.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.RowIds;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One order, the aggregate of the orders module. Its status changes only through its own methods, which enforce the
 * life cycle (PENDING → SENT → IN_PROGRESS → COMPLETED, CANCELLED from any state before COMPLETED; anything else is
 * {@code order.invalid-transition}, 409) and register the matching {@link OrderStatusChanged} (and
 * {@link OrderResultRecorded}) events. Spring Data publishes them when the order is saved, inside the transaction
 * of the change, so the event publication registry (outbox) stores them with it. The payload columns of its type
 * are filled, the others are null.
 */
@Entity
@Table(name = "clinical_order")
class Order extends AbstractAggregateRoot<Order> {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.PENDING, EnumSet.of(OrderStatus.SENT, OrderStatus.CANCELLED),
            OrderStatus.SENT, EnumSet.of(OrderStatus.IN_PROGRESS, OrderStatus.CANCELLED),
            OrderStatus.IN_PROGRESS, EnumSet.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED),
            OrderStatus.COMPLETED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));

    @Id
    private UUID id;

    @Column(name = "order_number", nullable = false, length = 30)
    private String orderNumber;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "order_type", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderType type;

    @Column(nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderPriority priority;

    @Column(name = "priority_rank", nullable = false)
    private int priorityRank;

    @Column(nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderStatus status;

    @Column(name = "target_department_id", nullable = false)
    private UUID targetDepartmentId;

    @Column(name = "ordered_by", nullable = false)
    private UUID orderedBy;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(length = 1000)
    private String indication;

    @Column(name = "replaces_order_id")
    private UUID replacesOrderId;

    @Column(name = "intended_duplicate", nullable = false)
    private boolean intendedDuplicate;

    @Column(name = "med_drug_id", length = 20)
    private String medDrugId;

    @Column(name = "med_drug_name", length = 200)
    private String medDrugName;

    @Column(name = "med_dose", precision = 12, scale = 4)
    private BigDecimal medDose;

    @Column(name = "med_dose_unit", length = 20)
    private String medDoseUnit;

    @Column(name = "med_route", length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderDetails.Route medRoute;

    @Column(name = "med_frequency", length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderDetails.Frequency medFrequency;

    @Column(name = "med_duration_days")
    private Integer medDurationDays;

    @Column(name = "med_quantity", precision = 12, scale = 2)
    private BigDecimal medQuantity;

    @Column(name = "med_instructions", length = 1000)
    private String medInstructions;

    @Column(name = "lab_test_code", length = 20)
    private String labTestCode;

    @Column(name = "lab_specimen", length = 20)
    private String labSpecimen;

    @Column(name = "img_modality", length = 4)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderDetails.Modality imgModality;

    @Column(name = "img_body_part", length = 60)
    private String imgBodyPart;

    @Column(name = "img_laterality", length = 20)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderDetails.Laterality imgLaterality;

    @Column(name = "img_contrast")
    private Boolean imgContrast;

    @Column(name = "tissue_specimen", length = 120)
    private String tissueSpecimen;

    @Column(name = "tissue_site", length = 120)
    private String tissueSite;

    @Column(name = "tissue_question", length = 1000)
    private String tissueQuestion;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Column(name = "cancel_cause", length = 16)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private CancelCause cancelCause;

    @Column(name = "last_check_complete")
    private Boolean lastCheckComplete;

    @Column(name = "last_check_blocking")
    private Integer lastCheckBlocking;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Version
    private Long version;

    protected Order() {}

    /** A new pending order by {@code orderedBy}; registers its creation (from null to PENDING). */
    Order(
            String orderNumber,
            OrderRequests.OrderForm form,
            String drugName,
            UUID targetDepartmentId,
            UUID orderedBy,
            Instant now) {
        this.id = RowIds.next();
        this.orderNumber = orderNumber;
        this.patientId = form.patientId();
        this.type = form.type();
        this.status = OrderStatus.PENDING;
        this.targetDepartmentId = targetDepartmentId;
        this.orderedBy = orderedBy;
        this.createdAt = now;
        apply(form, drugName, now);
        registerEvent(statusChanged(null, orderedBy, now));
    }

    /** New content of a pending order; patient and type cannot change (cancel and order again). */
    void revise(OrderRequests.OrderForm form, String drugName, Instant now) {
        requirePending();
        requireSamePatientAndType(form);
        apply(form, drugName, now);
    }

    /** A pending order, or {@code order.not-editable} (409). */
    void requirePending() {
        if (status != OrderStatus.PENDING) {
            throw new DomainException(OrderProblem.NOT_EDITABLE, "order.not-pending");
        }
    }

    /** The patient and the type of an order never change (a revision is a new order of both). */
    void requireSamePatientAndType(OrderRequests.OrderForm form) {
        if (!form.patientId().equals(patientId) || form.type() != type) {
            throw new DomainException(OrderProblem.PATIENT_OR_TYPE_CHANGED, "order.patient-or-type-changed");
        }
    }

    private void apply(OrderRequests.OrderForm form, String drugName, Instant now) {
        this.priority = form.priority();
        this.priorityRank = form.priority().rank();
        this.dueAt =
                form.dueAt() != null ? form.dueAt() : now.plus(form.priority().defaultTurnaround());
        this.indication = blankToNull(form.indication());
        this.intendedDuplicate = form.duplicateIntended();
        var m = form.medication();
        this.medDrugId = m == null ? null : m.drugId();
        this.medDrugName = m == null ? null : drugName;
        this.medDose = m == null ? null : m.dose();
        this.medDoseUnit = m == null ? null : m.doseUnit();
        this.medRoute = m == null ? null : m.route();
        this.medFrequency = m == null ? null : m.frequency();
        this.medDurationDays = m == null ? null : m.durationDays();
        this.medQuantity = m == null ? null : m.quantity();
        this.medInstructions = m == null ? null : blankToNull(m.instructions());
        var l = form.labTest();
        this.labTestCode = l == null ? null : l.testCode();
        this.labSpecimen = l == null ? null : l.specimen();
        var i = form.imaging();
        this.imgModality = i == null ? null : i.modality();
        this.imgBodyPart = i == null ? null : i.bodyPart().trim();
        this.imgLaterality = i == null ? null : i.laterality();
        this.imgContrast = i == null ? null : i.contrast();
        var t = form.tissueExam();
        this.tissueSpecimen = t == null ? null : t.specimen().trim();
        this.tissueSite = t == null ? null : t.site().trim();
        this.tissueQuestion = t == null ? null : t.clinicalQuestion().trim();
        this.updatedAt = now;
    }

    void replaces(UUID previous) {
        this.replacesOrderId = previous;
    }

    /** Checks that the order can be sent now (a pending order), before the safety gate runs. */
    void requireSendable() {
        requireMove(OrderStatus.SENT);
    }

    OrderStatus send(UUID actor, Instant now) {
        OrderStatus from = moveTo(OrderStatus.SENT, actor, now);
        sentAt = now;
        return from;
    }

    OrderStatus start(UUID actor, Instant now) {
        OrderStatus from = moveTo(OrderStatus.IN_PROGRESS, actor, now);
        startedAt = now;
        return from;
    }

    OrderStatus complete(UUID actor, Instant now) {
        OrderStatus from = moveTo(OrderStatus.COMPLETED, actor, now);
        completedAt = now;
        return from;
    }

    /**
     * Whether the prescriber may still cancel (or revise, which cancels) an order in this status. An imaging order
     * in progress has been acquired (the radiographer started it or its study arrived in the PACS): the images exist
     * and await their report, so the prescriber can no longer cancel it; only the radiology department discontinues
     * it, with its reason ({@link CancelCause#RETURNED}, ADR 0041). The one rule the server enforces and the order
     * views answer ({@code OrderView.prescriberMayCancel}), so the UI offers no button the server refuses.
     */
    static boolean prescriberMayCancel(OrderType type, OrderStatus status) {
        return !status.isFinal() && !(type == OrderType.IMAGING && status == OrderStatus.IN_PROGRESS);
    }

    OrderStatus cancel(CancelCause cause, String reason, UUID actor, Instant now) {
        boolean byPrescriber = cause == CancelCause.REQUESTED || cause == CancelCause.REPLACED;
        if (byPrescriber && !status.isFinal() && !prescriberMayCancel(type, status)) {
            throw new DomainException(OrderProblem.IMAGING_ACQUIRED);
        }
        OrderStatus from = moveTo(OrderStatus.CANCELLED, actor, now);
        cancelledAt = now;
        cancelCause = cause;
        cancelReason = reason.trim();
        return from;
    }

    /** A result was entered with the completion (lab values, or a result text): the prescriber is told. */
    void resultRecorded(boolean abnormal, boolean critical, UUID actor, Instant now) {
        registerEvent(new OrderResultRecorded(
                id, orderNumber, type, patientId, orderedBy, targetDepartmentId, abnormal, critical, actor, now));
    }

    void checked(boolean complete, int blocking) {
        this.lastCheckComplete = complete;
        this.lastCheckBlocking = blocking;
    }

    /** Refuses a stale edit: the caller saw {@code expected}, the order is now at another version. */
    void expectVersion(Long expected) {
        if (expected != null && !expected.equals(version)) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
    }

    private OrderStatus moveTo(OrderStatus to, UUID actor, Instant now) {
        requireMove(to);
        OrderStatus from = status;
        status = to;
        updatedAt = now;
        registerEvent(statusChanged(from, actor, now));
        return from;
    }

    private void requireMove(OrderStatus to) {
        if (!ALLOWED.get(status).contains(to)) {
            throw new DomainException(
                    OrderProblem.INVALID_TRANSITION, "order.invalid-transition", status.name(), to.name());
        }
    }

    private OrderStatusChanged statusChanged(OrderStatus from, UUID actor, Instant now) {
        return new OrderStatusChanged(
                id, orderNumber, type, priority, patientId, orderedBy, targetDepartmentId, from, status, actor, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    UUID id() {
        return id;
    }

    String orderNumber() {
        return orderNumber;
    }

    UUID patientId() {
        return patientId;
    }

    OrderType type() {
        return type;
    }

    OrderPriority priority() {
        return priority;
    }

    OrderStatus status() {
        return status;
    }

    UUID targetDepartmentId() {
        return targetDepartmentId;
    }

    UUID orderedBy() {
        return orderedBy;
    }

    Instant dueAt() {
        return dueAt;
    }

    /** When it was sent; null while it is a draft, and for a draft withdrawn before it was sent. */
    Instant sentAt() {
        return sentAt;
    }

    String medDrugId() {
        return medDrugId;
    }

    String medDrugName() {
        return medDrugName;
    }

    BigDecimal medDose() {
        return medDose;
    }

    String medDoseUnit() {
        return medDoseUnit;
    }

    OrderDetails.Frequency medFrequency() {
        return medFrequency;
    }

    String labTestCode() {
        return labTestCode;
    }

    OrderDetails.Modality imgModality() {
        return imgModality;
    }

    String imgBodyPart() {
        return imgBodyPart;
    }

    Long version() {
        return version;
    }

    /** The quantity ordered to dispense, or null when the order named none. */
    BigDecimal orderedQuantity() {
        return medQuantity;
    }

    /** Whether a dispense of this quantity is more than the order asked for (never, when it named no quantity). */
    boolean exceedsOrderedQuantity(BigDecimal quantity) {
        return medQuantity != null && quantity.compareTo(medQuantity) > 0;
    }

    /** The order this one revises (replaces), or null. */
    UUID replacesOrderId() {
        return replacesOrderId;
    }
}
