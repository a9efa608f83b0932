package org.cdss.radiology;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.imaging.KeyImageSource;
import org.cdss.orders.ImagingOrderCompletion;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderDetails;
import org.cdss.orders.OrderQueries;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderType;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The radiologist's commands: save a draft report for an acquired imaging order, sign it (which completes the order
 * in the same transaction), append a signed addendum. Each checks who may act, the report's state and the version the
 * radiologist saw, writes an audit row and publishes its event (stored with the change in the outbox).
 */
@Service
public class ReportManagement {

    /** The most key images one report has. */
    static final int MAX_KEY_IMAGES = 20;

    private final ReportStore store;
    private final ReportViews views;
    private final OrderQueries orders;
    private final ImagingOrderCompletion completion;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KeyImageSource keyImages;

    ReportManagement(
            ReportStore store,
            ReportViews views,
            OrderQueries orders,
            ImagingOrderCompletion completion,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            KeyImageSource keyImages) {
        this.store = store;
        this.views = views;
        this.orders = orders;
        this.completion = completion;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.keyImages = keyImages;
    }

    /** A saved draft and whether this save created it. */
    public record Saved(ReportView report, boolean created) {}

    /**
     * Creates the draft of an acquired imaging order on the first save, updates it after that (at the version the
     * radiologist saw: a draft saved meanwhile by another radiologist is {@code stale-version}, 409). A signed report
     * is {@code report.already-signed} (409): corrections are addenda.
     */
    @Transactional
    public Saved saveDraft(RisRequests.SaveDraft request) {
        CdssPrincipal user = ReportAccess.radiologist();
        Instant now = clock.instant();
        var existing = store.findByOrder(request.orderId());
        if (existing.isEmpty()) {
            return new Saved(create(request, user, now), true);
        }
        ReportRow report = existing.get();
        ReportAccess.requireWriter(user, report.departmentId());
        if (report.signed()) {
            throw new DomainException(RisProblem.ALREADY_SIGNED);
        }
        if (request.version() == null || request.version() != report.version()) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        Birads.checkDraft(request.biradsCategory(), report.breastImaging());
        if (!store.updateDraft(report.id(), report.version(), request, user.userId(), now)) {
            throw lostRace(report.id());
        }
        audit.record(AuditEvent.success("RIS_REPORT_UPDATE", "RadiologyReport", report.id(), report.patientId()));
        return new Saved(reload(report.id()), false);
    }

    private ReportView create(RisRequests.SaveDraft request, CdssPrincipal user, Instant now) {
        OrderDetailView order = orders.visibleOrder(request.orderId());
        if (order.order().type() != OrderType.IMAGING || order.imaging() == null) {
            throw new DomainException(RisProblem.ORDER_NOT_IMAGING);
        }
        ReportAccess.requireWriter(user, order.order().targetDepartmentId());
        if (order.order().status() != OrderStatus.IN_PROGRESS) {
            throw new DomainException(RisProblem.ORDER_NOT_ACQUIRED);
        }
        OrderDetails.Imaging imaging = order.imaging();
        ReportCode code = ReportCode.of(imaging.modality().name(), imaging.bodyPart());
        Birads.checkDraft(request.biradsCategory(), code.breast());
        ReportRow row = new ReportRow(
                UUID.randomUUID(),
                order.order().id(),
                order.order().orderNumber(),
                order.order().patientId(),
                order.order().orderedBy(),
                order.order().targetDepartmentId(),
                imaging.modality().name(),
                imaging.bodyPart(),
                truncate(order.order().summary(), 200),
                code.system(),
                code.code(),
                code.display(),
                code.breast(),
                ReportStatus.DRAFT,
                ReportStore.blankToNull(request.findings()),
                ReportStore.blankToNull(request.impression()),
                ReportStore.blankToNull(request.recommendation()),
                request.biradsCategory(),
                request.criticalFinding(),
                order.order().startedAt(),
                user.userId(),
                now,
                user.userId(),
                now,
                null,
                null,
                null,
                0);
        try {
            store.insert(row);
        } catch (DuplicateKeyException anotherRadiologistCreatedItFirst) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        audit.record(AuditEvent.success("RIS_REPORT_CREATE", "RadiologyReport", row.id(), row.patientId()));
        return reload(row.id());
    }

    /**
     * Signs a complete draft (findings, impression, and for breast imaging a BI-RADS category) at the version the
     * radiologist saw, and completes its imaging order with a result text that points to the report; a critical
     * finding makes the order's result critical (urgent notification of the ordering doctor). Of two concurrent
     * signatures exactly one wins; the other is 409.
     */
    @Transactional
    public ReportView sign(UUID id, RisRequests.Sign request) {
        CdssPrincipal user = ReportAccess.radiologist();
        ReportRow report = writable(id, user);
        if (request.version() != report.version()) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        if (report.findings() == null || report.impression() == null) {
            throw new DomainException(RisProblem.INCOMPLETE);
        }
        Birads.checkSign(report.biradsCategory(), report.breastImaging());
        Instant now = clock.instant();
        if (!store.sign(id, report.version(), user.userId(), user.displayName(), now)) {
            throw lostRace(id);
        }
        completion.complete(report.orderId(), resultText(report, user), report.critical());
        events.publishEvent(new ReportSigned(
                id,
                report.orderId(),
                report.orderNumber(),
                report.patientId(),
                report.orderedBy(),
                user.userId(),
                report.critical(),
                now));
        audit.record(AuditEvent.success("RIS_REPORT_SIGN", "RadiologyReport", id, report.patientId())
                .withDetail(report.critical() ? "critical=true" : null));
        return reload(id);
    }

    /** Appends an addendum to a signed report, signed by its radiologist as it is written. */
    @Transactional
    public ReportView addAddendum(UUID id, RisRequests.Addendum request) {
        CdssPrincipal user = ReportAccess.radiologist();
        ReportRow report = store.find(id).orElseThrow(() -> new DomainException(RisProblem.NOT_FOUND));
        ReportAccess.requireWriter(user, report.departmentId());
        if (!report.signed()) {
            throw new DomainException(RisProblem.NOT_SIGNED);
        }
        Instant now = clock.instant();
        UUID addendumId = UUID.randomUUID();
        store.insertAddendum(
                addendumId,
                id,
                request.body().strip(),
                request.criticalFinding(),
                user.userId(),
                user.displayName(),
                now);
        events.publishEvent(new ReportAddendumSigned(
                id,
                addendumId,
                report.orderId(),
                report.orderNumber(),
                report.patientId(),
                report.orderedBy(),
                user.userId(),
                request.criticalFinding(),
                now));
        audit.record(AuditEvent.success("RIS_ADDENDUM_SIGN", "RadiologyReport", id, report.patientId())
                .withDetail("addendum=" + addendumId + (request.criticalFinding() ? " critical=true" : "")));
        return reload(id);
    }

    /**
     * Marks a key image on a draft report: the instance on the reading screen, named by its SOP Instance UID and
     * resolved in the archive (it must be in a study of the report's order: {@code imaging.study-not-found}, 404;
     * archive down: 503). Marking one already marked changes nothing. Signed reports are fixed:
     * {@code report.already-signed} (409). Audited.
     */
    @Transactional
    public ReportView addKeyImage(UUID id, RisRequests.KeyImage request) {
        CdssPrincipal user = ReportAccess.radiologist();
        ReportRow draft = writable(id, user);
        // resolved before the row is locked: the archive's answer does not hold up a concurrent signature
        KeyImageSource.Instance image = keyImages.ofOrder(
                draft.orderId(), request.studyId(), request.seriesInstanceUid(), request.sopInstanceUid());
        ReportRow report = keyImagesWritable(id, user);
        List<KeyImageView> marked = store.keyImages(id);
        if (marked.stream().anyMatch(k -> request.sopInstanceUid().equals(k.sopInstanceUid()))) {
            // checked, not left to the unique key: a refused INSERT would abort the transaction on PostgreSQL
            return reload(id);
        }
        if (marked.size() >= MAX_KEY_IMAGES) {
            throw new DomainException(RisProblem.KEY_IMAGES_FULL);
        }
        UUID keyImageId = UUID.randomUUID();
        store.insertKeyImage(keyImageId, id, request.studyId(), image, user.userId(), clock.instant());
        audit.record(AuditEvent.success("RIS_KEY_IMAGE_ADD", "RadiologyReport", id, report.patientId())
                .withDetail("keyImage=" + keyImageId + " study=" + request.studyId() + " series="
                        + image.seriesInstanceUid() + " sop=" + image.sopInstanceUid()));
        return reload(id);
    }

    /** Removes a key image from a draft report (404 when the report has no such key image); audited. */
    @Transactional
    public ReportView removeKeyImage(UUID id, UUID keyImageId) {
        CdssPrincipal user = ReportAccess.radiologist();
        ReportRow report = keyImagesWritable(id, user);
        if (!store.deleteKeyImage(id, keyImageId)) {
            throw new DomainException(RisProblem.NOT_FOUND);
        }
        audit.record(AuditEvent.success("RIS_KEY_IMAGE_REMOVE", "RadiologyReport", id, report.patientId())
                .withDetail("keyImage=" + keyImageId));
        return reload(id);
    }

    /** A draft of the caller's department, its row locked against a concurrent signature until the change commits. */
    private ReportRow keyImagesWritable(UUID id, CdssPrincipal user) {
        ReportRow report = writable(id, user);
        if (!store.lockDraft(id)) {
            throw new DomainException(RisProblem.ALREADY_SIGNED);
        }
        return report;
    }

    /** A draft of the caller's department, or 404 / 409 (already signed). */
    private ReportRow writable(UUID id, CdssPrincipal user) {
        ReportRow report = store.find(id).orElseThrow(() -> new DomainException(RisProblem.NOT_FOUND));
        ReportAccess.requireWriter(user, report.departmentId());
        if (report.signed()) {
            throw new DomainException(RisProblem.ALREADY_SIGNED);
        }
        return report;
    }

    /** Zero rows updated: another request signed or saved the draft after it was read. */
    private DomainException lostRace(UUID id) {
        boolean signed = store.find(id).map(ReportRow::signed).orElse(false);
        return signed ? new DomainException(RisProblem.ALREADY_SIGNED) : new DomainException(ProblemCode.STALE_VERSION);
    }

    private ReportView reload(UUID id) {
        return views.view(store.find(id).orElseThrow(), views.staff());
    }

    /** The order's result text: the impression, and where the whole report is (no ids: it is shown as is). */
    static String resultText(ReportRow report, CdssPrincipal signer) {
        String text = (report.critical() ? "[CRITICAL FINDING] " : "")
                + "Impression: " + report.impression()
                + (report.biradsCategory() == null ? "" : "\nBI-RADS " + report.biradsCategory())
                + "\n\nRadiology report signed by " + signer.displayName()
                + ". Findings, recommendation and any addenda are in the signed report.";
        return truncate(text, 20000);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
