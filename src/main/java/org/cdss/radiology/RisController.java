package org.cdss.radiology;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.PageView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The RIS API: the reading worklist, the reading screen, reports (draft, sign, addenda, PDF), the portal's list. */
@RestController
@RequestMapping("/api/ris")
class RisController {

    private final ReportQueries queries;
    private final ReportManagement management;
    private final ReportPdf pdf;

    RisController(ReportQueries queries, ReportManagement management, ReportPdf pdf) {
        this.queries = queries;
        this.management = management;
        this.pdf = pdf;
    }

    /** Acquired imaging studies awaiting their report: most urgent first, then the longest waiting. */
    @GetMapping("/worklist")
    PageView<WorklistItemView> worklist(
            @RequestParam(required = false) UUID department,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.worklist(department, page, size);
    }

    /** The reading screen of one imaging order: its facts and its report so far. */
    @GetMapping("/orders/{orderId}")
    ReadingView reading(@PathVariable UUID orderId) {
        return queries.reading(orderId);
    }

    /** The reports of one order ({@code orderId}) or one patient ({@code patientId}) the caller may read. */
    @GetMapping("/reports")
    List<ReportView> list(
            @RequestParam(required = false) UUID orderId, @RequestParam(required = false) UUID patientId) {
        return queries.list(orderId, patientId);
    }

    /** Creates (201) or updates (200) the draft report of an imaging order. */
    @PostMapping("/reports")
    ResponseEntity<ReportView> save(@Valid @RequestBody RisRequests.SaveDraft body) {
        ReportManagement.Saved saved = management.saveDraft(body);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.report());
    }

    @GetMapping("/reports/{id}")
    ReportView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    /** Signs the draft (immutable from then on) and completes its imaging order. */
    @PostMapping("/reports/{id}/sign")
    ReportView sign(@PathVariable UUID id, @Valid @RequestBody RisRequests.Sign body) {
        return management.sign(id, body);
    }

    /** Appends a signed addendum to a signed report. */
    @PostMapping("/reports/{id}/addenda")
    @ResponseStatus(HttpStatus.CREATED)
    ReportView addendum(@PathVariable UUID id, @Valid @RequestBody RisRequests.Addendum body) {
        return management.addAddendum(id, body);
    }

    /** Marks a key image on a draft report (the image on the reading screen). */
    @PostMapping("/reports/{id}/key-images")
    @ResponseStatus(HttpStatus.CREATED)
    ReportView addKeyImage(@PathVariable UUID id, @Valid @RequestBody RisRequests.KeyImage body) {
        return management.addKeyImage(id, body);
    }

    /** Removes a key image from a draft report. */
    @DeleteMapping("/reports/{id}/key-images/{keyImageId}")
    ReportView removeKeyImage(@PathVariable UUID id, @PathVariable UUID keyImageId) {
        return management.removeKeyImage(id, keyImageId);
    }

    /** The signed report as a PDF. */
    @GetMapping("/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        ReportView report = queries.forPdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("radiology-report-" + report.orderNumber() + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf.render(report));
    }

    /** The logged-in patient's own signed reports (the portal). */
    @GetMapping("/portal/reports")
    List<ReportView> mine() {
        return queries.mine();
    }
}
