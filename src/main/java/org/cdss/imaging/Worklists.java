package org.cdss.imaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.cdss.shared.HospitalZone;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The modality worklist (IHE scheduled workflow): one DICOM file per scheduled imaging order,
 * {@code <accession>.wl} in the worklist folder of the local Orthanc's ModalityWorklists plugin, made by dcmtk's
 * {@code dump2dcm} from a text dump (Orthanc parses, we only write tags as text). A modality's C-FIND
 * ({@code findscu -W}) then answers patient, accession, procedure and scheduled time. Removed when the study arrives
 * or the order is cancelled. With an external PACS ({@code CDSS_PACS_URL}) the hospital publishes its worklist
 * itself; nothing is written here.
 */
@Component
class Worklists {

    private static final Logger log = LoggerFactory.getLogger(Worklists.class);
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private final @Nullable Path dir;
    private final String dump2dcm;
    private final String aet;
    private final ZoneId zone;

    Worklists(
            LocalOrthanc orthanc,
            @Value("${cdss.imaging.dump2dcm:/usr/bin/dump2dcm}") String dump2dcm,
            HospitalZone zone) {
        this.dir = orthanc.connection().worklistDir();
        this.dump2dcm = dump2dcm;
        this.aet = orthanc.connection().dicomAet();
        this.zone = zone.zoneId();
    }

    /** One scheduled procedure, as the modality sees it. */
    record Entry(
            String accessionNumber,
            String studyInstanceUid,
            String mrn,
            String patientName,
            @Nullable String patientNameLatin,
            java.time.@Nullable LocalDate birthDate,
            @Nullable String sex,
            String modality,
            String procedure,
            String orderNumber,
            Instant scheduledAt) {

        @Override
        public String toString() {
            return "Entry[" + accessionNumber + "]";
        }
    }

    boolean enabled() {
        return dir != null && Files.isExecutable(Path.of(dump2dcm));
    }

    /** Writes (or rewrites) the entry; false when worklists are not available here. */
    boolean publish(Entry e) {
        if (!enabled()) {
            return false;
        }
        try {
            Path dump = Files.createTempFile(dir, "wl-", ".dump");
            Path out = dir.resolve(e.accessionNumber() + ".tmp");
            try {
                Files.writeString(dump, dump(e), StandardCharsets.UTF_8);
                Process p = new ProcessBuilder(dump2dcm, "-q", dump.toString(), out.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    log.warn("Imaging: dump2dcm failed for worklist entry {}", e.accessionNumber());
                    return false;
                }
                Files.move(
                        out,
                        dir.resolve(e.accessionNumber() + ".wl"),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return true;
            } finally {
                Files.deleteIfExists(dump);
                Files.deleteIfExists(out);
            }
        } catch (IOException ex) {
            log.warn("Imaging: worklist entry {} not written ({})", e.accessionNumber(), ex.toString());
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void remove(String accessionNumber) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(accessionNumber + ".wl"));
        } catch (IOException e) {
            log.warn("Imaging: worklist entry {} not removed ({})", accessionNumber, e.toString());
        }
    }

    boolean exists(String accessionNumber) {
        return dir != null && Files.exists(dir.resolve(accessionNumber + ".wl"));
    }

    private String dump(Entry e) {
        var at = e.scheduledAt().atZone(zone);
        // romanised name first, the Korean one as the ideographic group: a query without ISO_IR 192 still gets
        // the first part
        String name = (e.patientNameLatin() == null || e.patientNameLatin().isBlank()
                        ? e.patientName()
                        : person(e.patientNameLatin()) + "=" + e.patientName())
                .replace(' ', '^');
        StringBuilder b = new StringBuilder();
        line(b, "(0008,0005) CS", "ISO_IR 192");
        line(b, "(0008,0050) SH", e.accessionNumber());
        line(b, "(0010,0010) PN", name);
        line(b, "(0010,0020) LO", e.mrn());
        line(b, "(0010,0030) DA", e.birthDate() == null ? "" : DA.format(e.birthDate()));
        line(b, "(0010,0040) CS", e.sex() == null ? "" : e.sex());
        line(b, "(0020,000d) UI", e.studyInstanceUid());
        line(b, "(0032,1060) LO", e.procedure());
        b.append("(0040,0100) SQ\n(fffe,e000) -\n");
        line(b, "(0008,0060) CS", e.modality());
        line(b, "(0040,0001) AE", aet);
        line(b, "(0040,0002) DA", DA.format(at));
        line(b, "(0040,0003) TM", TM.format(at));
        line(b, "(0040,0007) LO", e.procedure());
        line(b, "(0040,0009) SH", e.accessionNumber());
        b.append("(fffe,e00d) -\n(fffe,e0dd) -\n");
        line(
                b,
                "(0040,1001) SH",
                e.orderNumber().length() > 16 ? e.orderNumber().substring(0, 16) : e.orderNumber());
        return b.toString();
    }

    private static String person(String latin) {
        return latin.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static void line(StringBuilder b, String tag, String value) {
        String clean = value.replaceAll("[\\[\\]\\\\\\r\\n]", " ").trim();
        b.append(tag).append(" [").append(clean).append("]\n");
    }
}
