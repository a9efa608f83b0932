package org.cdss.imaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.cdss.orders.ImagingOrderAcquisition;
import org.cdss.patients.PatientDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a study seen in the archive (by upload or from the change feed) and links it: to the patient whose MRN
 * is its DICOM PatientID (a different patient than the uploader meant is a MISMATCH that waits for a person's
 * decision, never linked silently), and to the imaging order whose accession number it carries (same patient only),
 * which then moves to IN_PROGRESS ({@link ImagingOrderAcquisition#studyArrived}) and {@link StudyLinked} is
 * published. Idempotent: seeing the same study again changes nothing.
 */
@Service
class StudyLinking {

    private static final Logger log = LoggerFactory.getLogger(StudyLinking.class);
    /** The longest Study Instance UID (DICOM UI, and the column). */
    static final int MAX_UID = 64;

    private final StudyRecords records;
    private final PatientDirectory patients;
    private final ImagingOrderAcquisition orders;
    private final Worklists worklists;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    StudyLinking(
            StudyRecords records,
            PatientDirectory patients,
            ImagingOrderAcquisition orders,
            Worklists worklists,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.patients = patients;
        this.orders = orders;
        this.worklists = worklists;
        this.events = events;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The study's row, created on first sight, in a transaction of its own; {@code intended} is the patient an upload
     * was meant for. When the change feed and an upload see the same new study at once, one insert wins and the other
     * step runs again in a new transaction, where it finds the winner's row and treats it as already seen (the
     * uploader's intended patient included). Not in the failed transaction: PostgreSQL has aborted it, and on
     * MariaDB (repeatable read) its snapshot predates the winner's row.
     */
    public StudyRecords.StudyRow seen(ImageArchive.StudyInfo info, @Nullable UUID intended) {
        if (info.studyInstanceUid().isBlank() || info.studyInstanceUid().length() > MAX_UID) {
            throw new IllegalArgumentException("Study Instance UID empty or longer than " + MAX_UID + " characters");
        }
        try {
            return Objects.requireNonNull(newTransaction.execute(status -> seenOnce(info, intended)));
        } catch (DuplicateKeyException raced) {
            return Objects.requireNonNull(newTransaction.execute(status -> seenOnce(info, intended)));
        }
    }

    private StudyRecords.StudyRow seenOnce(ImageArchive.StudyInfo info, @Nullable UUID intended) {
        StudyRecords.StudyRow row = records.byUid(info.studyInstanceUid()).orElse(null);
        if (row == null) {
            // a merged or closed record keeps its MRN, but takes no new data: a person decides where such a study goes
            UUID byMrn = patients.idByMrn(info.dicomPatientId())
                    .filter(id -> patients.state(id) == PatientDirectory.RecordState.ACTIVE)
                    .orElse(null);
            StudyRecords.LinkStatus status;
            UUID patient = null;
            UUID pending = null;
            if (byMrn != null && (intended == null || intended.equals(byMrn))) {
                status = StudyRecords.LinkStatus.LINKED;
                patient = byMrn;
            } else if (intended != null) {
                status = StudyRecords.LinkStatus.MISMATCH;
                pending = intended;
            } else {
                status = StudyRecords.LinkStatus.UNMATCHED;
            }
            row = new StudyRecords.StudyRow(
                    UUID.randomUUID(),
                    info.studyInstanceUid(),
                    info.archiveId(),
                    clip(info.dicomPatientId(), 64),
                    info.accessionNumber().isBlank() || info.accessionNumber().length() > 16
                            ? null
                            : info.accessionNumber(),
                    info.description().isBlank() ? null : clip(info.description(), 200),
                    info.studyDate(),
                    status,
                    patient,
                    pending,
                    null,
                    clock.instant(),
                    0);
            records.insert(row);
        } else if (intended != null
                && row.linkStatus() != StudyRecords.LinkStatus.LINKED
                && row.intendedPatientId() == null) {
            records.expectPatient(row, intended);
            row = records.byUid(info.studyInstanceUid()).orElseThrow();
        }
        linkOrder(row);
        return row;
    }

    /** Links a study to the order whose accession it carries, when both belong to the same patient. */
    void linkOrder(StudyRecords.StudyRow row) {
        if (row.orderId() != null || row.accessionNumber() == null || row.patientId() == null) {
            return;
        }
        StudyRecords.AccessionRow accession =
                records.accession(row.accessionNumber()).orElse(null);
        if (accession == null || !accession.patientId().equals(row.patientId())) {
            return;
        }
        if (!records.linkOrder(row, accession.orderId())) {
            return;
        }
        Instant now = clock.instant();
        if (records.accessionState(accession.orderId(), "ARRIVED", now)) {
            worklists.remove(accession.accessionNumber());
        }
        orders.studyArrived(accession.orderId());
        events.publishEvent(new StudyLinked(accession.orderId(), row.id(), row.patientId(), now));
        log.info("Imaging: study {} linked to order {}", row.id(), accession.orderId());
    }

    /** After a patient was linked by a person: the order link may now apply. */
    @Transactional
    public void afterPatientLinked(UUID studyId) {
        records.byId(studyId).ifPresent(this::linkOrder);
    }

    private static String clip(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
