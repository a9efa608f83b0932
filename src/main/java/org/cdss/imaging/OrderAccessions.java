package org.cdss.imaging;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cdss.orders.ImagingOrderAcquisition;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderStatusChanged;
import org.cdss.orders.OrderType;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.HospitalZone;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imaging orders on their way to the modality: when one is sent it gets an Accession Number and a Study Instance UID
 * (kept in {@code imaging_order_accession}, keyed by the order) and a worklist entry; when it is cancelled before its
 * study arrived, the entry goes. Idempotent (the event may be delivered again after a crash).
 */
@Component
class OrderAccessions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final StudyRecords records;
    private final ImagingOrderAcquisition orders;
    private final PatientDirectory patients;
    private final Worklists worklists;
    private final Clock clock;
    private final HospitalZone zone;

    OrderAccessions(
            StudyRecords records,
            ImagingOrderAcquisition orders,
            PatientDirectory patients,
            Worklists worklists,
            Clock clock,
            HospitalZone zone) {
        this.records = records;
        this.orders = orders;
        this.patients = patients;
        this.worklists = worklists;
        this.clock = clock;
        this.zone = zone;
    }

    // Only imaging orders being sent or cancelled reach the publication registry: every other transition would cost
    // an outbox row and its processing and completion commits for nothing (issue 16).
    @ApplicationModuleListener(condition = "T(org.cdss.imaging.OrderAccessions).concerns(#event)")
    void on(OrderStatusChanged event) {
        if (!concerns(event)) {
            return;
        }
        if (event.to() == OrderStatus.SENT) {
            scheduled(event.orderId());
        } else if (event.to() == OrderStatus.CANCELLED) {
            records.accessionOfOrder(event.orderId()).ifPresent(a -> {
                if (records.accessionState(a.orderId(), "CANCELLED", clock.instant())) {
                    worklists.remove(a.accessionNumber());
                }
            });
        }
    }

    /** Whether a transition concerns the modality worklist: an imaging order sent or cancelled. */
    public static boolean concerns(OrderStatusChanged event) {
        return event.type() == OrderType.IMAGING
                && (event.to() == OrderStatus.SENT || event.to() == OrderStatus.CANCELLED);
    }

    void scheduled(UUID orderId) {
        if (records.accessionOfOrder(orderId).isPresent()) {
            return;
        }
        ImagingOrderAcquisition.ImagingOrderFacts order =
                orders.imagingOrder(orderId).orElse(null);
        if (order == null || order.status() != OrderStatus.SENT) {
            // the event is late (a retried publication): an order cancelled since then, whose cancel found no
            // accession to withdraw, must not reach a modality's worklist now
            return;
        }
        Instant now = clock.instant();
        StudyRecords.AccessionRow row = new StudyRecords.AccessionRow(
                orderId, newAccession(now), uidOf(UUID.randomUUID()), order.patientId(), "SCHEDULED");
        records.insertAccession(row, now);
        publish(row, order, now);
    }

    /**
     * Writes the worklist entry of a scheduled accession; false when it could not be written (dump2dcm failed, the
     * folder not writable): {@link #republishMissing} tries again.
     */
    private boolean publish(
            StudyRecords.AccessionRow row, ImagingOrderAcquisition.ImagingOrderFacts order, Instant now) {
        PatientSummaryView patient =
                patients.summaries(java.util.List.of(order.patientId())).get(order.patientId());
        if (patient == null) {
            return false;
        }
        String modality = order.modality() == null ? "OT" : order.modality().name();
        String procedure = (modality + " " + (order.bodyPart() == null ? "" : order.bodyPart())).trim();
        return worklists.publish(new Worklists.Entry(
                row.accessionNumber(),
                row.studyInstanceUid(),
                patient.mrn(),
                patient.name(),
                patient.nameLatin(),
                patient.birthDate(),
                patient.sex() == null ? null : patient.sex().name().substring(0, 1),
                modality,
                procedure,
                order.orderNumber(),
                order.dueAt() == null ? now : order.dueAt()));
    }

    /**
     * The retry of worklist entries that were not written (dump2dcm failed or timed out when the order was sent):
     * every scheduled accession whose imaging order is still SENT and whose entry file is missing is written again.
     * Answers how many were written.
     */
    @Scheduled(
            fixedDelayString = "${cdss.imaging.worklists.retry:60s}",
            initialDelayString = "${cdss.imaging.worklists.retry:60s}")
    int republishMissing() {
        if (!worklists.enabled()) {
            return 0;
        }
        int written = 0;
        Instant now = clock.instant();
        for (StudyRecords.AccessionRow row : records.scheduledAccessions(500)) {
            if (worklists.exists(row.accessionNumber())) {
                continue;
            }
            var order = orders.imagingOrder(row.orderId()).orElse(null);
            if (order != null && order.status() == OrderStatus.SENT && publish(row, order, now)) {
                written++;
            }
        }
        return written;
    }

    /** "A" + the hospital day + 6 random base-36 characters: 13 characters, within DICOM's 16 for SH. */
    private String newAccession(Instant now) {
        for (int i = 0; i < 5; i++) {
            String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                    .toUpperCase(Locale.ROOT);
            String accession = "A" + DAY.format(now.atZone(zone.zoneId())) + "0".repeat(6 - suffix.length()) + suffix;
            if (records.accession(accession).isEmpty()) {
                return accession;
            }
        }
        throw new IllegalStateException("no free accession number");
    }

    /** A Study Instance UID from a UUID (the 2.25 root, ISO/IEC 9834-8). */
    static String uidOf(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
