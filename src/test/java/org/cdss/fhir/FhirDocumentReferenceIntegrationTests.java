package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.CookieInterceptor;
import ca.uhn.fhir.rest.gclient.ICriterion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.identity.UserView;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code DocumentReference} over the SOAP notes, with HAPI's generic client: a note written and amended through the
 * JSON API reads back as a document whose versions are the note's versions ({@code vread}, instance
 * {@code _history}), is searched by patient/subject, date, category, type, status and {@code _lastUpdated} and paged
 * by {@code _count}, turns entered-in-error with its visit, is audited by the records module and the facade, and
 * every resource and the history Bundle pass the base R4 validation without errors.
 */
@IntegrationTest
class FhirDocumentReferenceIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");

    static final String[] ENGLISH = {
        "Cough for two weeks", "Clear lungs", "Acute bronchitis", "Fluids, review in a week"
    };
    static final String[] KOREAN = {"기침 2주", "흉부 청진상 이상 없음", "급성 기관지염", "수분 섭취, 1주 후 재진"};
    static final String[] AMENDED = {"기침 2주, 야간 악화", "흉부 청진상 이상 없음", "급성 기관지염", "진해제, 1주 후 재진"};

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    UserView author;
    UserView colleague;
    ApiClient authorApi;
    ApiClient colleagueApi;
    PatientSummaryView patient;

    @BeforeEach
    void clinic() {
        author = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        colleague = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        authorApi = login(author.username());
        colleagueApi = login(colleague.username());
        patient = testUsers.patient("문서");
    }

    @Test
    void a_note_is_a_document_whose_versions_are_its_amendments() throws Exception {
        FhirValidation validation = new FhirValidation();
        String encounter = walkIn();
        // version 0 in English by its author, 1 in Korean by the author, 2 by a colleague with a reason
        var written = authorApi.post("/api/encounters/" + encounter + "/notes", soap(ENGLISH, null, null));
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        String note = written.json().get("id").asString();
        var first = authorApi.put("/api/encounters/" + encounter + "/notes/" + note, soap(KOREAN, 0L, null));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var second = colleagueApi.put("/api/encounters/" + encounter + "/notes/" + note, soap(AMENDED, 1L, "검사 결과 반영"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        IGenericClient fhir = client(authorApi);
        DocumentReference current =
                fhir.read().resource(DocumentReference.class).withId(note).execute();
        assertThat(current.getIdElement().getIdPart()).isEqualTo(note);
        assertThat(current.getMeta().getVersionId()).isEqualTo("2");
        assertThat(current.getStatus()).isEqualTo(DocumentReferenceStatus.CURRENT);
        assertThat(current.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.AMENDED);
        assertThat(current.getType().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.LOINC);
        assertThat(current.getType().getCodingFirstRep().getCode()).isEqualTo("34108-1");
        assertThat(current.getType().getCodingFirstRep().getDisplay()).isEqualTo("Outpatient Note");
        assertThat(current.getType()
                        .getCodingFirstRep()
                        .getDisplayElement()
                        .getExtensionByUrl(FhirCodes.TRANSLATION)
                        .getExtensionString("content"))
                .isEqualTo("외래 진료기록");
        assertThat(current.getType().getText()).isEqualTo("외래 진료기록");
        assertThat(current.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical-note");
        assertThat(current.getSubject().getReference()).isEqualTo("Patient/" + patient.id());
        assertThat(current.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/" + encounter);
        assertThat(current.getAuthor().stream().map(r -> r.getReference()).toList())
                .containsExactly("Practitioner/" + author.id(), "Practitioner/" + colleague.id());
        var attachment = current.getContentFirstRep().getAttachment();
        assertThat(attachment.getContentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(attachment.getLanguage()).isEqualTo("ko");
        assertThat(attachment.getTitle()).isEqualTo("외래 진료기록 (SOAP)");
        String text = "S: 기침 2주, 야간 악화\nO: 흉부 청진상 이상 없음\nA: 급성 기관지염\nP: 진해제, 1주 후 재진\n";
        assertThat(new String(attachment.getData(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(attachment.getSize()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(attachment.getHash())
                .isEqualTo(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        validation.validate(current);

        // vread: the original as it was written, in English, by its author alone
        DocumentReference original = fhir.read()
                .resource(DocumentReference.class)
                .withIdAndVersion(note, "0")
                .execute();
        assertThat(original.getMeta().getVersionId()).isEqualTo("0");
        assertThat(original.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(original.getContentFirstRep().getAttachment().getLanguage()).isEqualTo("en");
        assertThat(original.getContentFirstRep().getAttachment().getTitle()).isEqualTo("Outpatient note (SOAP)");
        assertThat(new String(original.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "S: Cough for two weeks\nO: Clear lungs\nA: Acute bronchitis\nP: Fluids, review in a week\n");
        assertThat(original.getAuthor()).hasSize(1);
        assertThat(original.getDate()).isEqualTo(current.getDate()); // when the note was written first
        assertThat(original.getMeta().getLastUpdated())
                .isBefore(current.getMeta().getLastUpdated());
        validation.validate(original);
        ApiClient.Response middle = authorApi.get("/fhir/DocumentReference/" + note + "/_history/1");
        assertThat(middle.status()).isEqualTo(200);
        assertThat(middle.body()).contains("\"versionId\":\"1\"");
        for (String unknown : List.of("/_history/3", "/_history/x", "/_history/-1")) {
            ApiClient.Response r = authorApi.get("/fhir/DocumentReference/" + note + unknown);
            assertThat(r.status()).as(unknown).isEqualTo(404);
            assertThat(r.body()).contains("OperationOutcome");
        }
        assertThat(authorApi.get("/fhir/DocumentReference/" + UUID.randomUUID()).status())
                .isEqualTo(404);

        // the instance history: every version, newest first, each as its vread
        Bundle history = fhir.history()
                .onInstance(new IdType("DocumentReference", note))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getEntry().stream()
                        .map(e -> e.getResource().getMeta().getVersionId() + " "
                                + e.getRequest().getMethod().toCode() + " "
                                + e.getRequest().getUrl() + " "
                                + e.getResponse().getStatus())
                        .toList())
                .containsExactly(
                        "2 PUT DocumentReference/" + note + " 200 OK",
                        "1 PUT DocumentReference/" + note + " 200 OK",
                        "0 POST DocumentReference 201 Created");
        DocumentReference fromHistory =
                (DocumentReference) history.getEntry().getLast().getResource();
        assertThat(fromHistory.getContentFirstRep().getAttachment().getData())
                .isEqualTo(original.getContentFirstRep().getAttachment().getData());
        validation.validate(history);

        // search: patient or subject, and the filters
        String p = patient.id().toString();
        assertThat(ids(fhir, DocumentReference.PATIENT.hasId(p))).containsExactly(note);
        assertThat(ids(fhir, DocumentReference.SUBJECT.hasId("Patient/" + p))).containsExactly(note);
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.TYPE.exactly().systemAndCode(FhirCodes.LOINC, "34108-1")))
                .containsExactly(note);
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.TYPE.exactly().code("11506-3")))
                .isEmpty();
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.CATEGORY.exactly().code("clinical-note")))
                .containsExactly(note);
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.STATUS.exactly().code("current")))
                .containsExactly(note);
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.STATUS.exactly().code("entered-in-error")))
                .isEmpty();
        // HAPI reads a date without a time zone widely: "ge <day>" starts when that day starts in its earliest zone
        // (UTC+14, i.e. 10:00 UTC the day before), so "ge tomorrow" admits a note written today after 10:00 UTC; the
        // day after tomorrow starts after now wherever the run is
        String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.DATE.afterOrEquals().day(dayAfterTomorrow)))
                .isEmpty();
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.DATE.afterOrEquals().day(yesterday)))
                .containsExactly(note);
        assertThat(authorApi
                        .get("/fhir/DocumentReference?patient=" + p + "&_lastUpdated=gt" + dayAfterTomorrow)
                        .body())
                .contains("\"total\":0");
        assertThat(authorApi
                        .get("/fhir/DocumentReference?patient=" + p + "&_lastUpdated=ge" + yesterday)
                        .body())
                .contains("\"total\":1");
        assertThat(authorApi.get("/fhir/DocumentReference").status()).isEqualTo(400); // patient or subject

        // _count pages by the server's links, each note once
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var another = authorApi.post("/api/encounters/" + encounter + "/notes", soap(KOREAN, null, null));
            assertThat(another.status()).as(another.body()).isEqualTo(201);
            more.add(another.json().get("id").asString());
        }
        Bundle page = fhir.search()
                .forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId(p))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(page.getTotal()).isEqualTo(5);
        List<String> paged = new ArrayList<>();
        int pages = 0;
        while (page != null) {
            pages++;
            page.getEntry().forEach(e -> {
                paged.add(e.getResource().getIdElement().getIdPart());
                validation.validate(e.getResource());
            });
            page = page.getLink(Bundle.LINK_NEXT) == null
                    ? null
                    : fhir.loadPage().next(page).execute();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(concat(more, note));

        // the visit entered in error: so is every version of its notes
        assertThat(authorApi
                        .post("/api/encounters/" + encounter + "/void", Map.of("reason", "다른 환자 기록"))
                        .status())
                .isEqualTo(200);
        DocumentReference voided =
                fhir.read().resource(DocumentReference.class).withId(note).execute();
        assertThat(voided.getStatus()).isEqualTo(DocumentReferenceStatus.ENTEREDINERROR);
        assertThat(fhir.read()
                        .resource(DocumentReference.class)
                        .withIdAndVersion(note, "0")
                        .execute()
                        .getStatus())
                .isEqualTo(DocumentReferenceStatus.ENTEREDINERROR);
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.STATUS.exactly().code("current")))
                .isEmpty();
        assertThat(ids(
                        fhir,
                        DocumentReference.PATIENT.hasId(p),
                        DocumentReference.STATUS.exactly().code("entered-in-error")))
                .hasSize(5);
        validation.validate(voided);

        System.out.println(validation.report());
        assertThat(validation.errors).as(validation.report()).isEmpty();
    }

    @Test
    void each_read_is_audited_by_the_records_module_and_the_facade() {
        String encounter = walkIn();
        var written = authorApi.post("/api/encounters/" + encounter + "/notes", soap(KOREAN, null, null));
        String note = written.json().get("id").asString();
        String p = patient.id().toString();

        assertThat(authorApi.get("/fhir/DocumentReference/" + note).status()).isEqualTo(200);
        assertThat(authorApi
                        .get("/fhir/DocumentReference/" + note + "/_history/0")
                        .status())
                .isEqualTo(200);
        assertThat(authorApi
                        .get("/fhir/DocumentReference/" + note + "/_history")
                        .status())
                .isEqualTo(200);
        assertThat(authorApi.get("/fhir/DocumentReference?patient=" + p).status())
                .isEqualTo(200);
        assertThat(actions("resource_id = :id", note))
                .containsExactlyInAnyOrder(
                        "NOTE_CREATE SUCCESS",
                        "NOTE_READ SUCCESS",
                        "FHIR_READ SUCCESS",
                        "NOTE_HISTORY_READ SUCCESS",
                        "FHIR_VREAD SUCCESS",
                        "NOTE_HISTORY_READ SUCCESS",
                        "FHIR_HISTORY_INSTANCE SUCCESS");
        // the search's page is one NOTE_LIST read (PagedSearch answers HAPI's total with the page it then serves)
        assertThat(actions("resource_type = 'Patient' AND action = 'NOTE_LIST' AND patient_id = :id", p))
                .containsExactly("NOTE_LIST SUCCESS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'NOTE_READ' AND patient_id = :p")
                        .param("p", p)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a reader outside the chart (a lab technician): 404, and the records module's refusal is audited
        ApiClient labTech = login(testUsers.staff(Role.LAB_TECH, LABORATORY).username());
        assertThat(labTech.get("/fhir/DocumentReference/" + note).status()).isEqualTo(404);
        assertThat(labTech.get("/fhir/DocumentReference/" + note + "/_history").status())
                .isEqualTo(404);
        assertThat(actions("resource_id = :id AND outcome = 'DENIED'", note))
                .containsExactlyInAnyOrder("NOTE_READ DENIED", "NOTE_HISTORY_READ DENIED");
    }

    private List<String> actions(String where, String id) {
        return jdbc.sql("SELECT action, outcome FROM audit_event WHERE " + where)
                .param("id", id)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .list();
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    private static List<String> ids(IGenericClient fhir, ICriterion<?>... criteria) {
        var query = fhir.search().forResource(DocumentReference.class);
        for (ICriterion<?> c : criteria) {
            query = query.and(c);
        }
        return query.returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private String walkIn() {
        var opened =
                authorApi.post("/api/patients/" + patient.id() + "/encounters", Map.of("departmentId", PULMONOLOGY));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("encounter").get("id").asString();
    }

    private static Map<String, Object> soap(String[] parts, Long version, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjective", parts[0]);
        body.put("objective", parts[1]);
        body.put("assessment", parts[2]);
        body.put("plan", parts[3]);
        if (version != null) {
            body.put("version", version);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private IGenericClient client(ApiClient session) {
        FhirContext ctx = FhirContext.forR4Cached();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = ctx.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new CookieInterceptor(
                "CDSS_SESSION=" + session.cookie("CDSS_SESSION").orElseThrow()));
        return client;
    }
}
