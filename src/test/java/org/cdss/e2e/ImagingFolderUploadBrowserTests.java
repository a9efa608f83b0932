package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cdss.imaging.Modality;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The upload page's folder input ({@code webkitdirectory}) in headless Chromium with a folder of the 134 I-SPY2
 * slices (the patient's MRN written in): Playwright gives Chromium the folder itself (its {@code setInputFiles} with
 * one directory path, which it hands over through CDP's {@code DOM.setFileInputFiles}), as a user picking a folder
 * would; every file gets its row, goes through "sending" and ends "done" at 100 %, in three requests (the UI's tar
 * batches of up to 64 files, ADR 0045); then the study is listed for the patient with all its images and a preview,
 * and the archive holds every slice.
 */
class ImagingFolderUploadBrowserTests extends DemoBrowserTest {

    private static final int SLICES = 134;
    /** Records every upload row state the page shows, from before the upload starts (the states pass quickly). */
    private static final String WATCH_STATES = "() => { window.__states = new Set();"
            + " new MutationObserver(() => document.querySelectorAll(\"[data-testid='imaging-upload-file']\")"
            + ".forEach(e => window.__states.add(e.dataset.state)))"
            + ".observe(document.body, { subtree: true, childList: true, attributes: true,"
            + " attributeFilter: ['data-state'] }); }";

    @BeforeEach
    void requireImaging() {
        Modality.require();
    }

    @Test
    void a_folder_of_ispy2_slices_uploads_with_progress_and_the_study_appears_for_the_patient() throws Exception {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        var registered = api.post("/api/patients", Map.of("name", "폴더업로드", "birthDate", "1971-05-05", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        String patient = registered.text("id");
        String studyUid = Modality.newStudyUid();
        Path folder = Files.createTempDirectory("cdss-folder-upload").resolve("MR_BREAST");
        Files.createDirectories(folder);
        List<Requested> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            Modality.folder(
                    folder,
                    "FOLDER" + (System.nanoTime() % 1_000_000L),
                    studyUid,
                    registered.text("mrn"),
                    IntStream.range(0, SLICES).boxed().toList());

            Page page = browser.newPage();
            page.onRequest(r -> {
                if (r.method().equals("POST") && r.url().contains("/api/imaging/uploads")) {
                    posts.add(new Requested(r.url(), r.headerValue("content-type")));
                }
            });
            browser.login(page, "doctor", PASSWORD);
            assertThat(page.getByTestId("home-page")).isVisible();
            page.navigate("/patients/" + patient + "/imaging");
            assertThat(page.getByTestId("imaging-upload")).isVisible();
            assertThat(page.getByTestId("imaging-study")).hasCount(0);
            page.evaluate(WATCH_STATES);

            page.getByTestId("imaging-upload-folder").setInputFiles(folder);

            Locator rows = page.getByTestId("imaging-upload-file");
            assertThat(rows).hasCount(SLICES);
            assertThat(page.locator("[data-testid='imaging-upload-file'][data-state='done']"))
                    .hasCount(SLICES, new LocatorAssertions.HasCountOptions().setTimeout(120_000));
            assertThat(page.locator("[data-testid='imaging-upload-file'] [role='progressbar'][aria-valuenow='100']"))
                    .hasCount(SLICES);
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) page.evaluate("() => [...window.__states]");
            org.assertj.core.api.Assertions.assertThat(seen)
                    .as("each row is shown waiting or sending before it is done")
                    .contains("sending", "done");
            // each file's own outcome: stored, for this patient (its MRN), none refused
            assertThat(page.getByTestId("imaging-upload-result")).hasCount(SLICES);
            org.assertj.core.api.Assertions.assertThat(
                            page.locator("[data-testid='imaging-upload-file'][data-state='failed']")
                                    .count())
                    .isZero();
            assertThat(page.getByTestId("imaging-link-anyway")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(posts)
                    .as("the folder goes as the UI's batches: 64 + 64 + 6 files, each a tar")
                    .hasSize(3)
                    .allSatisfy(p -> org.assertj.core.api.Assertions.assertThat(p.contentType())
                            .isEqualTo("application/x-tar"));

            // the study is listed for the patient (the page refreshes its list), with every image and a preview
            Locator study = page.getByTestId("imaging-study");
            assertThat(study).hasCount(1);
            assertThat(study).containsText(String.valueOf(SLICES));
            Locator thumb = study.getByTestId("imaging-series-thumb").locator("img");
            assertThat(thumb).hasCount(1);
            thumb.scrollIntoViewIfNeeded(); // loaded lazily, below the 134 upload rows
            org.assertj.core.api.Assertions.assertThat(
                            thumb.evaluate(
                                    "img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))"))
                    .as("the series preview is an image")
                    .isNotEqualTo(0);
            Browser.screenshot(page, "imaging-folder-upload");

            JsonNode listed =
                    api.get("/api/imaging/studies?patientId=" + patient).json();
            org.assertj.core.api.Assertions.assertThat(listed).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(
                            listed.get(0).get("instanceCount").asInt())
                    .isEqualTo(SLICES);
        } finally {
            FileSystemUtils.deleteRecursively(folder.getParent());
        }
    }

    private record Requested(String url, String contentType) {}
}
