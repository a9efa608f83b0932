package org.cdss.imaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.cdss.CdssApplication;
import org.cdss.support.ApiClient;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * bench/imaging-upload.sh: the I-SPY2 series (134 slices) uploaded through CDSS ({@code POST /api/imaging/uploads})
 * as the browser's folder upload does (tar batches of up to {@link #BATCH_FILES} files or {@link #BATCH_BYTES}
 * bytes, one request at a time: {@code imaging-upload-panel.tsx}), also one file per request (API clients) and as
 * one zip, and, in the same run, straight to the same Orthanc's REST API ({@code POST /instances}, file by file,
 * one at a time, and from two threads: how much Orthanc itself gains from two stores at once), alternating (the order
 * reversed on odd rounds), the study deleted before each, with each round's own ratio; then the time to list a
 * patient's studies and to render a preview (through CDSS and straight from Orthanc's WADO-RS rendered). The client
 * sends one request at a time to CDSS; CDSS stores the files of a batch or zip {@code CDSS_IMAGING_PARALLEL_STORES}
 * at a time (default 2, ADR 0053). One uncounted warm-up round of all the ways runs first (JIT).
 * Args: [rounds=5] [requests=50].
 */
public final class ImagingUploadBenchmark {

    /** As the UI ({@code frontend/src/features/imaging/components/imaging-upload-panel.tsx}). */
    static final int BATCH_FILES = 64;

    static final long BATCH_BYTES = 16L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path home = Files.createTempDirectory("cdss-imaging-bench");
        String password = "Bench-password-2026!";
        ConfigurableApplicationContext app = SpringApplication.run(
                CdssApplication.class,
                "--server.port=0",
                "--cdss.mode=demo",
                "--cdss.home=" + home,
                "--cdss.demo.password=" + password,
                "--cdss.imaging.dicom.port=0",
                "--cdss.imaging.orthanc.temporary=true",
                "--cdss.throttle.login.per-account.attempts=1000",
                "--cdss.cookies.secure=false",
                "--logging.level.root=warn");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            OrthancConnection pacs = app.getBean(LocalOrthanc.class).connection();
            ImageArchive archive = app.getBean(ImageArchive.class);
            ApiClient doctor = new ApiClient(port);
            if (doctor.login("doctor", password).status() != 200) {
                throw new IllegalStateException("login failed");
            }
            String patientId = doctor.get("/api/patients?size=1")
                    .json()
                    .at("/content/0/id")
                    .asString();
            List<Path> slices = ImagingTestData.ispy2Slices();
            long bytes = 0;
            for (Path p : slices) {
                bytes += Files.size(p);
            }
            // as OrthancArchive's client: HTTP/1.1 (no h2c upgrade headers), the JDK's connection pool
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((pacs.user() + ":" + pacs.password()).getBytes(StandardCharsets.UTF_8));
            URI base = pacs.baseUrl();
            System.out.printf(
                    "bench: %d slices, %.1f MB; %d cores, load %s%n",
                    slices.size(),
                    bytes / 1e6,
                    Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).trim());
            List<List<Path>> batches = batches(slices);
            byte[] zip = ImagingTestData.zip(slices, "study/");
            String studyUid = "1.2.840.113619.2.55.3.2831161234.123.1234567890.1";
            // the four ways, each timed from an empty archive; in the order given on even rounds, reversed on odd
            // ones, so that neither side always runs first (the machine's speed drifts within a round)
            String[] names = {"direct", "batch", "file", "zip", "direct2"};
            Leg[] legs = {
                () -> storeStraight(http, base, auth, slices),
                () -> {
                    for (List<Path> batch : batches) {
                        ApiClient.Response resp = doctor.upload(
                                "/api/imaging/uploads?patientId=" + patientId + "&fileName=files.tar",
                                "application/x-tar",
                                ImagingTestData.tar(batch));
                        if (resp.status() != 200 || resp.json().get("stored").asInt() != batch.size()) {
                            throw new IllegalStateException("batch " + resp.status() + " " + resp.body());
                        }
                    }
                },
                () -> {
                    for (Path p : slices) {
                        ApiClient.Response resp = doctor.upload(
                                "/api/imaging/uploads?patientId=" + patientId + "&fileName=" + p.getFileName(),
                                "application/dicom",
                                HttpRequest.BodyPublishers.ofFile(p));
                        if (resp.status() != 200 || !resp.body().contains("\"STORED\"")) {
                            throw new IllegalStateException("cdss " + resp.status() + " " + resp.body());
                        }
                    }
                },
                () -> {
                    ApiClient.Response zipped = doctor.upload(
                            "/api/imaging/uploads?patientId=" + patientId + "&fileName=study.zip",
                            "application/zip",
                            zip);
                    if (zipped.status() != 200 || zipped.json().get("stored").asInt() != slices.size()) {
                        throw new IllegalStateException("zip " + zipped.status() + " " + zipped.body());
                    }
                },
                () -> {
                    // straight to Orthanc from two threads, each its half of the files one at a time
                    List<Path> even = new ArrayList<>();
                    List<Path> odd = new ArrayList<>();
                    for (int i = 0; i < slices.size(); i++) {
                        (i % 2 == 0 ? even : odd).add(slices.get(i));
                    }
                    var other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            storeStraight(http, base, auth, odd);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    storeStraight(http, base, auth, even);
                    other.join();
                }
            };
            // one uncounted round first: the JIT compiles both sides' code (the client's HttpClient and tar writer,
            // CDSS's request path) before anything is timed, as a JMH warm-up iteration would
            for (Leg leg : legs) {
                deleteStudy(archive, studyUid);
                leg.run();
            }
            double[][] mbs = new double[legs.length][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < legs.length; k++) {
                    int leg = r % 2 == 0 ? k : legs.length - 1 - k;
                    deleteStudy(archive, studyUid);
                    long t0 = System.nanoTime();
                    legs[leg].run();
                    mbs[leg][r] = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
                }
            }
            List<Double> direct = list(mbs[0]);
            List<Double> viaBatch = list(mbs[1]);
            List<Double> viaCdss = list(mbs[2]);
            List<Double> viaZip = list(mbs[3]);
            double d2 = median(list(mbs[4]));
            System.out.printf("upload straight to Orthanc, two at a time: median %.1f MB/s %s%n", d2, list(mbs[4]));
            double d = median(direct);
            double c = median(viaCdss);
            double b = median(viaBatch);
            double z = median(viaZip);
            System.out.printf("upload straight to Orthanc: median %.1f MB/s over %d rounds %s%n", d, rounds, direct);
            System.out.printf(
                    "upload through CDSS as the UI does (%d requests of <= %d files): median %.1f MB/s %s%n",
                    batches.size(), BATCH_FILES, b, viaBatch);
            System.out.printf("upload through CDSS, one file per request: median %.1f MB/s %s%n", c, viaCdss);
            System.out.printf("upload through CDSS, one zip of the series: median %.1f MB/s %s%n", z, viaZip);
            System.out.printf(
                    "ratio CDSS / Orthanc (medians): as the UI does %.2f (goal >= 0.8), one file per request %.2f,"
                            + " as a zip %.2f%n",
                    b / d, c / d, z / d);
            System.out.printf(
                    "ratio CDSS as the UI does / straight to Orthanc two at a time (medians): %.2f (CDSS stores %s at"
                            + " a time)%n",
                    b / d2, app.getEnvironment().getProperty("cdss.imaging.upload.parallel-stores"));
            // each round's own ratio (its CDSS leg against its Orthanc leg, run next to each other): less exposed to
            // the machine's drift over the run than the ratio of the medians
            for (int k = 1; k < legs.length; k++) {
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    ratios.add(Math.round(mbs[k][r] / mbs[0][r] * 100) / 100.0);
                }
                System.out.printf(
                        "ratio per round, %s / direct: median %.2f, min %.2f, max %.2f %s%n",
                        names[k], median(ratios), Collections.min(ratios), Collections.max(ratios), ratios);
            }

            // link the (mismatched) study so the patient's list shows it
            JsonNode last = doctor.upload(
                            "/api/imaging/uploads?patientId=" + patientId + "&fileName=x.dcm",
                            "application/dicom",
                            HttpRequest.BodyPublishers.ofFile(slices.getFirst()))
                    .json();
            String studyId = last.at("/files/0/studyId").asString();
            doctor.post(
                    "/api/imaging/studies/" + studyId + "/link",
                    java.util.Map.of("patientId", patientId, "reason", "benchmark"));
            List<Double> list = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                JsonNode studies = doctor.get("/api/imaging/studies?patientId=" + patientId)
                        .json();
                list.add((System.nanoTime() - t0) / 1e6);
                if (studies.isEmpty()) {
                    throw new IllegalStateException("no study listed");
                }
            }
            JsonNode detail = doctor.get("/api/imaging/studies/" + studyId).json();
            String series = detail.at("/series/0/seriesInstanceUid").asString();
            List<Double> preview = new ArrayList<>();
            List<Double> previewDirect = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i % slices.size();
                long t0 = System.nanoTime();
                var png = doctor.bytes(
                        "/api/imaging/studies/" + studyId + "/series/" + series + "/instances/" + n + "/preview");
                preview.add((System.nanoTime() - t0) / 1e6);
                if (png.statusCode() != 200) {
                    throw new IllegalStateException("preview " + png.statusCode());
                }
                String sop = detail.at("/series/0/instances/" + n + "/sopInstanceUid")
                        .asString();
                t0 = System.nanoTime();
                http.send(
                        HttpRequest.newBuilder(base.resolve("dicom-web/studies/" + studyUid + "/series/" + series
                                        + "/instances/" + sop + "/rendered"))
                                .header("Authorization", auth)
                                .header("Accept", "image/png")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                previewDirect.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf(
                    "list a patient's studies (1 study, 1 series): median %.1f ms, p95 %.1f ms (%d requests)%n",
                    median(list), p95(list), requests);
            System.out.printf(
                    "preview through CDSS: median %.1f ms, p95 %.1f ms; straight from Orthanc: median %.1f ms,"
                            + " p95 %.1f ms%n",
                    median(preview), p95(preview), median(previewDirect), p95(previewDirect));
        } finally {
            app.close();
            FileSystemUtils.deleteRecursively(home);
        }
    }

    /** The UI's batches: consecutive files, up to {@link #BATCH_FILES} files and {@link #BATCH_BYTES} bytes each. */
    static List<List<Path>> batches(List<Path> files) throws java.io.IOException {
        List<List<Path>> batches = new ArrayList<>();
        List<Path> current = new ArrayList<>();
        long size = 0;
        for (Path f : files) {
            long n = Files.size(f);
            if (!current.isEmpty() && (current.size() == BATCH_FILES || size + n > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(f);
            size += n;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Each file by {@code POST /instances} to Orthanc, one at a time. */
    private static void storeStraight(HttpClient http, URI base, String auth, List<Path> files) throws Exception {
        for (Path p : files) {
            HttpResponse<String> resp = http.send(
                    HttpRequest.newBuilder(base.resolve("instances"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/dicom")
                            .POST(HttpRequest.BodyPublishers.ofFile(p))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("direct " + resp.statusCode());
            }
        }
    }

    private static void deleteStudy(ImageArchive archive, String uid) {
        archive.findStudy(uid).ifPresent(archive::delete);
    }

    /** One way of uploading the whole series. */
    private interface Leg {
        void run() throws Exception;
    }

    private static List<Double> list(double[] values) {
        List<Double> l = new ArrayList<>();
        for (double v : values) {
            l.add(Math.round(v * 10) / 10.0);
        }
        return l;
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double p95(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1));
    }
}
