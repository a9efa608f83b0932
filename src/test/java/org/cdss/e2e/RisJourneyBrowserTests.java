package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The RIS journey (issue 11 items 6-8) in headless Chromium: a doctor's breast MR order is sent and started by hand
 * (the radiographer's existing transition; the PACS half links studies in parallel); the radiologist's worklist shows
 * it without a reload; the radiologist reads it (patient banner, indication, "no images yet"), writes a report with a
 * BI-RADS category, saves a draft and signs after confirming; the doctor's bell announces the result, the order page
 * links the signed report, which shows the BI-RADS category and offers the PDF; the radiologist appends a signed
 * addendum; the patient sees the signed report with its addendum on their own record.
 */
class RisJourneyBrowserTests extends DemoBrowserTest {

    @Autowired
    TestUsers testUsers;

    @Test
    void the_radiologist_reads_and_signs_and_the_ordering_doctor_opens_the_report() {
        ApiClient doctorApi = new ApiClient(port);
        doctorApi.login("doctor", PASSWORD);
        var registered = doctorApi.post("/api/patients", Map.of("name", "판독여정", "birthDate", "1968-03-03", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        String patient = registered.text("id");
        var created = doctorApi.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        patient,
                        "type",
                        "IMAGING",
                        "priority",
                        "URGENT",
                        "indication",
                        "우측 유방 종괴 촉지, 악성 배제",
                        "imaging",
                        Map.of("modality", "MR", "bodyPart", "Breast", "laterality", "BILATERAL", "contrast", true)));
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        String orderId = created.json().at("/order/id").asString();
        String orderNumber = created.json().at("/order/orderNumber").asString();
        org.assertj.core.api.Assertions.assertThat(doctorApi
                        .post("/api/ocs/orders/" + orderId + "/send", Map.of())
                        .status())
                .isEqualTo(200);
        doctorApi.post("/api/notifications/read-all", null);

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        assertThat(doctor.getByTestId("live-status")).hasAttribute("data-status", "live");

        // the radiologist's worklist is open before the study is acquired: it appears without a reload
        Page radiologist = browser.newPage();
        browser.login(radiologist, "radiologist", PASSWORD);
        assertThat(radiologist.getByTestId("home-page")).isVisible();
        assertThat(radiologist.getByTestId("live-status")).hasAttribute("data-status", "live");
        radiologist.getByTestId("nav-radiology").click();
        assertThat(radiologist.getByTestId("ris-worklist-page")).isVisible();
        Locator row = radiologist.locator("[data-testid='ris-worklist-row'][data-order-number='" + orderNumber + "']");
        assertThat(row).hasCount(0);

        ApiClient radiographer = new ApiClient(port);
        radiographer.login("radiographer", PASSWORD);
        long version = radiographer
                .get("/api/ocs/orders/" + orderId)
                .json()
                .at("/order/version")
                .asLong();
        var started = radiographer.post("/api/ocs/orders/" + orderId + "/start", Map.of("version", version));
        org.assertj.core.api.Assertions.assertThat(started.status())
                .as(started.body())
                .isEqualTo(200);

        assertThat(row).isVisible();
        assertThat(row).containsText("판독여정");
        assertThat(row).containsText("악성 배제");
        assertThat(row.getByTestId("ris-worklist-report-status")).hasText("미작성");
        Browser.screenshot(radiologist, "ris-worklist");
        row.getByTestId("ris-worklist-open").click();

        assertThat(radiologist.getByTestId("reading-page")).isVisible();
        assertThat(radiologist.getByTestId("patient-banner-name")).hasText("판독여정");
        assertThat(radiologist.getByTestId("reading-indication")).containsText("우측 유방 종괴");
        assertThat(radiologist.getByText("이 오더에 연결된 영상이 아직 없습니다.")).isVisible();
        radiologist.getByTestId("report-findings-input").fill("우측 유방 10시 방향 12 mm 불규칙 종괴, 조영 증강.");
        radiologist.getByTestId("report-impression-input").fill("악성 의심 종괴.");
        radiologist.getByTestId("report-recommendation-input").fill("초음파 유도 조직검사 권고.");
        radiologist.getByTestId("report-birads-input").selectOption("4");
        radiologist.getByTestId("report-save-draft").click();
        assertThat(radiologist.getByTestId("reading-draft-saved")).isVisible();
        radiologist.getByTestId("report-sign").click();
        radiologist.getByTestId("report-sign-confirm").click();
        assertThat(radiologist.getByTestId("report-document")).isVisible();
        assertThat(radiologist.getByTestId("report-status")).hasText("서명됨");
        assertThat(radiologist.getByTestId("report-birads")).containsText("4 — 악성 의심");
        Browser.screenshot(radiologist, "ris-signed-report");

        // the ordering doctor is told, opens the order from the bell and the report from the order
        assertThat(doctor.getByTestId("notification-count")).isVisible();
        doctor.getByTestId("notification-bell").click();
        doctor.getByTestId("notification-item").first().click();
        doctor.waitForURL(Pattern.compile(".*/orders/" + orderId + "$"));
        assertThat(doctor.getByTestId("order-result-text")).containsText("악성 의심 종괴.");
        doctor.getByTestId("order-open-report").click();
        assertThat(doctor.getByTestId("report-page")).isVisible();
        assertThat(doctor.getByTestId("patient-banner-name")).hasText("판독여정");
        assertThat(doctor.getByTestId("report-impression")).hasText("악성 의심 종괴.");
        assertThat(doctor.getByTestId("report-birads")).containsText("4");
        assertThat(doctor.getByTestId("report-signature")).containsText("강하은");
        assertThat(doctor.getByTestId("report-pdf")).isVisible();
        assertThat(doctor.getByTestId("report-page")).not().containsText(orderId);
        Browser.screenshot(doctor, "ris-doctor-report");

        // a correction is a signed addendum, appended below the signed report
        radiologist.getByTestId("addendum-body").fill("비교 영상 확인: 이전 검사에 없던 병변.");
        radiologist.getByTestId("addendum-submit").click();
        // signing an addendum asks first, as signing the report does
        radiologist.getByTestId("addendum-sign-confirm").click();
        assertThat(radiologist.getByTestId("report-addendum")).hasCount(1);
        assertThat(radiologist.getByTestId("report-status")).hasText("서명됨(추가 보고 있음)");
        assertThat(radiologist.getByTestId("report-impression")).hasText("악성 의심 종괴.");

        // the radiologist's worklist no longer shows it
        radiologist.getByTestId("nav-radiology").click();
        assertThat(row).hasCount(0);

        // the patient sees the signed report, with its addendum, on their own record
        var account = testUsers.patientAccount(
                new PatientSummaryView(UUID.fromString(patient), null, "판독여정", null, null, null, true));
        Page portal = browser.newPage();
        browser.login(portal, account.username(), TestUsers.PASSWORD);
        assertThat(portal.getByTestId("home-page")).isVisible();
        portal.getByTestId("nav-my-record").click();
        assertThat(portal.getByTestId("portal-reports").getByTestId("report-impression"))
                .hasText("악성 의심 종괴.");
        assertThat(portal.getByTestId("portal-reports").getByTestId("report-addendum"))
                .hasCount(1);
        Browser.screenshot(portal, "ris-portal-reports");
        portal.context().close();
        radiologist.context().close();
        doctor.context().close();
    }

    @Test
    void radiology_discontinues_an_acquired_order_with_a_reason_that_its_prescriber_no_longer_may_cancel() {
        ApiClient doctorApi = new ApiClient(port);
        doctorApi.login("doctor", PASSWORD);
        var registered = doctorApi.post("/api/patients", Map.of("name", "검사중단", "birthDate", "1959-09-09", "sex", "M"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        var created = doctorApi.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        registered.text("id"),
                        "type",
                        "IMAGING",
                        "priority",
                        "ROUTINE",
                        "indication",
                        "만성 기침",
                        "imaging",
                        Map.of(
                                "modality",
                                "CT",
                                "bodyPart",
                                "Chest",
                                "laterality",
                                "NOT_APPLICABLE",
                                "contrast",
                                false)));
        String orderId = created.json().at("/order/id").asString();
        String orderNumber = created.json().at("/order/orderNumber").asString();
        org.assertj.core.api.Assertions.assertThat(doctorApi
                        .post("/api/ocs/orders/" + orderId + "/send", Map.of())
                        .status())
                .isEqualTo(200);
        ApiClient radiographer = new ApiClient(port);
        radiographer.login("radiographer", PASSWORD);
        org.assertj.core.api.Assertions.assertThat(radiographer
                        .post("/api/ocs/orders/" + orderId + "/start", Map.of())
                        .status())
                .isEqualTo(200);
        // acquired: its prescriber can no longer cancel it
        var refused = doctorApi.post("/api/ocs/orders/" + orderId + "/cancel", Map.of("reason", "불필요"));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(409);
        org.assertj.core.api.Assertions.assertThat(refused.text("code")).isEqualTo("order.imaging-acquired");

        Page radiologist = browser.newPage();
        browser.login(radiologist, "radiologist", PASSWORD);
        assertThat(radiologist.getByTestId("home-page")).isVisible();
        radiologist.getByTestId("nav-radiology").click();
        Locator row = radiologist.locator("[data-testid='ris-worklist-row'][data-order-number='" + orderNumber + "']");
        row.getByTestId("ris-worklist-open").click();
        assertThat(radiologist.getByTestId("reading-page")).isVisible();
        assertThat(radiologist.getByTestId("patient-banner-name")).hasText("검사중단");
        radiologist.getByTestId("ris-discontinue").click();
        assertThat(radiologist.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG))
                .containsText("이 영상 오더를 중단할까요?");
        // a reason is required
        radiologist.getByTestId("ris-discontinue-confirm").click();
        assertThat(radiologist.getByText("필수 입력 항목입니다.")).isVisible();
        radiologist.getByTestId("ris-discontinue-reason").fill("환자가 조영제 부작용 우려로 검사를 거부함");
        radiologist.getByTestId("ris-discontinue-confirm").click();
        assertThat(radiologist.getByTestId("toast")).containsText("영상 오더를 중단했고");
        assertThat(radiologist.getByTestId("ris-worklist-page")).isVisible();
        assertThat(row).hasCount(0);
        Browser.screenshot(radiologist, "ris-discontinued");

        // the prescriber sees it cancelled by radiology, with the reason
        var order = doctorApi.get("/api/ocs/orders/" + orderId).json();
        org.assertj.core.api.Assertions.assertThat(order.at("/order/status").asString())
                .isEqualTo("CANCELLED");
        org.assertj.core.api.Assertions.assertThat(
                        order.at("/order/cancelCause").asString())
                .isEqualTo("RETURNED");
        org.assertj.core.api.Assertions.assertThat(
                        order.at("/order/cancelReason").asString())
                .isEqualTo("환자가 조영제 부작용 우려로 검사를 거부함");
        radiologist.context().close();
    }
}
