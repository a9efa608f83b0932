package org.cdss.imaging;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ImageArchive} adapter for Orthanc: DICOMweb (QIDO-RS for studies, series and instances, WADO-RS
 * rendered for previews) through Orthanc's DICOMweb plugin, and Orthanc's REST API where DICOMweb has no
 * equivalent or says too little: storing one file ({@code POST /instances} tells "AlreadyStored", which STOW-RS does
 * not), the change feed ({@code /changes}), {@code /tools/find}, the study archive and deletion (ADR 0027). HTTP basic
 * auth on every call, connect and request timeouts, retries with exponential back-off for reads and for stores
 * (storing the same file twice is harmless: Orthanc answers "AlreadyStored"), and a circuit breaker that fails fast
 * while Orthanc is down.
 */
@Component
class OrthancArchive implements ImageArchive {

    private static final DateTimeFormatter DICOM_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final OrthancConnection connection;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final CircuitBreaker breaker;
    private final Retry retry;
    /** Main tags of studies by Orthanc id (they do not change): one GET per study, not one per stored file. */
    private final Map<String, StudyInfo> studies = lru(2_000);
    /**
     * The instance order of series (QIDO over every instance reads each one's tags: slow for long series), kept
     * briefly: a series still being acquired shows its new images after {@link #INSTANCES_TTL}.
     */
    private final Map<String, Timed<List<String>>> seriesInstances = lru(500);

    private static final Duration INSTANCES_TTL = Duration.ofSeconds(30);

    private record Timed<T>(T value, java.time.Instant at) {}

    private static <K, V> Map<K, V> lru(int max) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<K, V>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        });
    }

    OrthancArchive(
            LocalOrthanc orthanc,
            JsonMapper json,
            @Value("${cdss.imaging.pacs.connect-timeout:2s}") Duration connectTimeout,
            @Value("${cdss.imaging.pacs.request-timeout:60s}") Duration requestTimeout,
            @Value("${cdss.imaging.pacs.attempts:3}") int attempts,
            @Value("${cdss.imaging.pacs.backoff:200ms}") Duration backoff,
            @Value("${cdss.imaging.pacs.open-for:10s}") Duration openFor) {
        this.connection = orthanc.connection();
        this.json = json;
        this.requestTimeout = requestTimeout;
        // HTTP/1.1 with keep-alive (the JDK pools connections by default; Orthanc keeps them, LocalOrthanc): one
        // connection for the files of an upload, not one TCP connection per file (ADR 0045)
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.breaker = CircuitBreaker.of(
                "orthanc",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(openFor)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordExceptions(ArchiveUnavailable.class)
                        .build());
        this.retry = Retry.of(
                "orthanc",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, attempts))
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
                        .retryExceptions(ArchiveUnavailable.class)
                        .build());
    }

    @Override
    public boolean configured() {
        return connection.available();
    }

    @Override
    public String identity() {
        URI base = connection.baseUrl();
        String id = base == null ? "" : base.toString();
        return id.length() > 200 ? id.substring(0, 200) : id;
    }

    @Override
    public StoreOutcome store(Path file) {
        return store(() -> ofFile(file));
    }

    @Override
    public StoreOutcome store(byte[] dicom) {
        return store(() -> HttpRequest.BodyPublishers.ofByteArray(dicom));
    }

    private StoreOutcome store(Supplier<HttpRequest.BodyPublisher> content) {
        HttpResponse<String> r = call(() -> send(
                request("instances")
                        .header("Content-Type", "application/dicom")
                        .POST(content.get())
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        if (r.statusCode() == 400 || r.statusCode() == 415) {
            return new StoreOutcome(StoreStatus.REFUSED, null, "not-dicom");
        }
        if (r.statusCode() / 100 != 2) {
            // Orthanc is up but would not take this file (it answers 404 or 500 for some odd ones)
            return new StoreOutcome(StoreStatus.REFUSED, null, "archive-refused");
        }
        expectOk(r);
        JsonNode body = json.readTree(r.body());
        String status = body.path("Status").asString("");
        StoreStatus outcome = switch (status) {
            case "Success" -> StoreStatus.STORED;
            case "AlreadyStored" -> StoreStatus.DUPLICATE;
            default -> StoreStatus.REFUSED;
        };
        if (outcome == StoreStatus.REFUSED) {
            return new StoreOutcome(outcome, null, "not-dicom");
        }
        String studyId = body.path("ParentStudy").asString("");
        StudyInfo study = studies.get(studyId);
        if (study == null) {
            study = study(studyId).orElse(null);
            if (study != null) {
                studies.put(studyId, study);
            }
        }
        return new StoreOutcome(outcome, study, study == null ? "not-dicom" : null);
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<StudyInfo> study(String archiveStudyId) {
        if (archiveStudyId.isBlank()) {
            return Optional.empty();
        }
        HttpResponse<String> r = get("studies/" + enc(archiveStudyId));
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        expectOk(r);
        JsonNode s = json.readTree(r.body());
        JsonNode tags = s.path("MainDicomTags");
        return Optional.of(new StudyInfo(
                s.path("ID").asString(archiveStudyId),
                tags.path("StudyInstanceUID").asString(""),
                s.path("PatientMainDicomTags").path("PatientID").asString(""),
                tags.path("AccessionNumber").asString("").trim(),
                tags.path("StudyDescription").asString("").trim(),
                date(tags.path("StudyDate").asString("")),
                ""));
    }

    @Override
    public Optional<String> findStudy(String studyInstanceUid) {
        String query = json.writeValueAsString(
                Map.of("Level", "Study", "Query", Map.of("StudyInstanceUID", studyInstanceUid)));
        HttpResponse<String> r = call(() -> send(
                request("tools/find")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        expectOk(r);
        JsonNode ids = json.readTree(r.body());
        return ids.isArray() && !ids.isEmpty() ? Optional.of(ids.get(0).asString()) : Optional.empty();
    }

    @Override
    public List<SeriesInfo> series(String studyInstanceUid) {
        HttpResponse<String> r = get("dicom-web/studies/" + enc(studyInstanceUid)
                + "/series?includefield=0008103E&includefield=00201209&includefield=00200011");
        if (r.statusCode() == 404 || r.statusCode() == 204) {
            return List.of();
        }
        expectOk(r);
        List<SeriesInfo> series = new ArrayList<>();
        for (JsonNode s : json.readTree(r.body())) {
            series.add(new SeriesInfo(
                    tag(s, "0020000E"),
                    tag(s, "00080060"),
                    tag(s, "0008103E"),
                    number(s, "00200011"),
                    Optional.ofNullable(number(s, "00201209")).orElse(0)));
        }
        series.sort(Comparator.comparing((SeriesInfo s) -> s.number() == null ? Integer.MAX_VALUE : s.number())
                .thenComparing(SeriesInfo::seriesInstanceUid));
        return series;
    }

    @Override
    public List<String> instances(String studyInstanceUid, String seriesInstanceUid) {
        String key = studyInstanceUid + "/" + seriesInstanceUid;
        Timed<List<String>> cached = seriesInstances.get(key);
        if (cached != null && cached.at().plus(INSTANCES_TTL).isAfter(java.time.Instant.now())) {
            return cached.value();
        }
        List<String> uids = queryInstances(studyInstanceUid, seriesInstanceUid);
        if (!uids.isEmpty()) {
            seriesInstances.put(key, new Timed<>(uids, java.time.Instant.now()));
        }
        return uids;
    }

    private List<String> queryInstances(String studyInstanceUid, String seriesInstanceUid) {
        HttpResponse<String> r = get("dicom-web/studies/" + enc(studyInstanceUid) + "/series/" + enc(seriesInstanceUid)
                + "/instances?includefield=00200013");
        if (r.statusCode() == 404 || r.statusCode() == 204) {
            return List.of();
        }
        expectOk(r);
        record Inst(String uid, int number) {}
        List<Inst> list = new ArrayList<>();
        for (JsonNode i : json.readTree(r.body())) {
            Integer n = number(i, "00200013");
            list.add(new Inst(tag(i, "00080018"), n == null ? Integer.MAX_VALUE : n));
        }
        list.sort(Comparator.comparingInt(Inst::number).thenComparing(Inst::uid));
        return list.stream().map(Inst::uid).toList();
    }

    @Override
    public Optional<InstanceInfo> instance(String studyUid, String seriesUid, String sopUid) {
        // not from the series cache: a key image is resolved as the archive has it now
        HttpResponse<String> r = get("dicom-web/studies/" + enc(studyUid) + "/series/" + enc(seriesUid)
                + "/instances?SOPInstanceUID=" + enc(sopUid) + "&includefield=00200013");
        if (r.statusCode() == 404 || r.statusCode() == 204) {
            return Optional.empty();
        }
        expectOk(r);
        for (JsonNode i : json.readTree(r.body())) {
            if (sopUid.equals(tag(i, "00080018"))) {
                return Optional.of(new InstanceInfo(sopUid, number(i, "00200013")));
            }
        }
        return Optional.empty();
    }

    @Override
    public void rendered(String studyUid, String seriesUid, String sopUid, String mediaType, OutputStream out) {
        HttpResponse<InputStream> r = call(() -> send(
                request("dicom-web/studies/" + enc(studyUid) + "/series/" + enc(seriesUid) + "/instances/" + enc(sopUid)
                                + "/rendered")
                        .header("Accept", mediaType)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream()));
        try (InputStream in = r.body()) {
            if (r.statusCode() == 404) {
                throw new NotInArchive();
            }
            if (r.statusCode() != 200) {
                throw new ArchiveUnavailable("rendered answered " + r.statusCode(), null);
            }
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Streamed> wadoRs(String studyInstanceUid, String path, String accept) {
        HttpResponse<InputStream> r = call(() -> send(
                request("dicom-web/studies/" + enc(studyInstanceUid) + "/" + path)
                        .header("Accept", accept)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream()));
        if (r.statusCode() != 200) {
            try {
                r.body().close();
            } catch (IOException ignored) {
                // nothing to release beyond the connection
            }
            if (r.statusCode() == 404 || r.statusCode() == 204 || r.statusCode() == 400) {
                return Optional.empty();
            }
            throw new ArchiveUnavailable("WADO-RS answered " + r.statusCode(), null);
        }
        String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
        return Optional.of(new Streamed(type, r.body()));
    }

    @Override
    public InputStream archive(String archiveStudyId) {
        HttpResponse<InputStream> r = call(() -> send(
                request("studies/" + enc(archiveStudyId) + "/archive").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()));
        if (r.statusCode() != 200) {
            try {
                r.body().close();
            } catch (IOException ignored) {
                // nothing to release beyond the connection
            }
            throw r.statusCode() == 404 ? new NotInArchive() : new ArchiveUnavailable("archive", null);
        }
        return r.body();
    }

    @Override
    public Changes changes(long since, int limit) {
        HttpResponse<String> r = get("changes?since=" + since + "&limit=" + limit);
        expectOk(r);
        JsonNode body = json.readTree(r.body());
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : body.path("Changes")) {
            changes.add(new Change(
                    c.path("Seq").asLong(),
                    c.path("ChangeType").asString(""),
                    c.path("ID").asString("")));
        }
        return new Changes(
                changes, body.path("Last").asLong(since), body.path("Done").asBoolean(true));
    }

    @Override
    public void delete(String archiveStudyId) {
        studies.remove(archiveStudyId);
        seriesInstances.clear();
        HttpResponse<String> r = call(() ->
                send(request("studies/" + enc(archiveStudyId)).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
        if (r.statusCode() != 404) {
            expectOk(r);
        }
    }

    /** The instance (or study) is not in the archive: a 404 for the caller, not an outage. */
    static final class NotInArchive extends RuntimeException {
        NotInArchive() {
            super("not in the archive", null, false, false);
        }
    }

    private HttpResponse<String> get(String path) {
        return call(() -> send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path) {
        URI base = connection.baseUrl();
        if (base == null) {
            throw new ArchiveUnavailable("no archive configured", null);
        }
        String token = Base64.getEncoder()
                .encodeToString((connection.user() + ":" + connection.password()).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Authorization", "Basic " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> r;
            try {
                r = http.send(request, handler);
            } catch (IOException e) {
                if (!droppedIdleConnection(e)) {
                    throw e;
                }
                // Orthanc keeps connections alive but closes one idle for about a second (1.10 has no setting for
                // it); a request sent as it closes finds the connection gone before any answer. The JDK resends a
                // GET by itself, never a POST: every call here may be repeated (storing a file twice answers
                // "AlreadyStored"), so it is resent at once on a fresh connection rather than waiting for the
                // back-off and counting as an outage. Orthanc really down answers the resend with a refused connect.
                r = http.send(request, handler);
            }
            int status = r.statusCode();
            if (status == 401 || status == 403 || status == 502 || status == 503 || status == 504) {
                if (r.body() instanceof InputStream in) {
                    in.close();
                }
                throw new ArchiveUnavailable("Orthanc answered " + r.statusCode(), null);
            }
            return r;
        } catch (IOException e) {
            throw new ArchiveUnavailable("Orthanc unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveUnavailable("interrupted", e);
        }
    }

    /**
     * A request failed on an open connection (end of stream, reset) rather than by a refused connect or a timeout:
     * what a kept-alive connection that Orthanc closed as we reused it looks like.
     */
    static boolean droppedIdleConnection(IOException e) {
        return !(e instanceof java.net.ConnectException) && !(e instanceof java.net.http.HttpTimeoutException);
    }

    /** One call through the circuit breaker, retried with back-off while the archive is unreachable. */
    private <T> T call(Supplier<T> call) {
        if (!connection.available()) {
            throw new ArchiveUnavailable("no archive configured", null);
        }
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call))
                    .get();
        } catch (CallNotPermittedException e) {
            throw new ArchiveUnavailable("circuit open", e);
        }
    }

    private static void expectOk(HttpResponse<?> r) {
        if (r.statusCode() / 100 != 2) {
            throw new ArchiveUnavailable("Orthanc answered " + r.statusCode(), null);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String tag(JsonNode item, String tag) {
        JsonNode v = item.path(tag).path("Value");
        return v.isArray() && !v.isEmpty() ? v.get(0).asString("") : "";
    }

    private static @Nullable Integer number(JsonNode item, String tag) {
        JsonNode v = item.path(tag).path("Value");
        if (!v.isArray() || v.isEmpty()) {
            return null;
        }
        JsonNode n = v.get(0);
        if (n.isNumber()) {
            return n.asInt();
        }
        try {
            return Integer.valueOf(n.asString("").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String dicomDate) {
        try {
            return dicomDate.length() == 8 ? LocalDate.parse(dicomDate, DICOM_DATE) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
