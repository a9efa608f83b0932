package org.cdss.imaging;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Orthanc that CDSS talks to. With {@code CDSS_PACS_URL} set it is the hospital's (credentials
 * {@code CDSS_PACS_USER}/{@code CDSS_PACS_PASSWORD}); otherwise CDSS starts a local Orthanc as a child process when
 * the binary is installed ({@code /usr/sbin/Orthanc}, Debian's {@code orthanc} package), with a configuration it
 * generates under {@code CDSS_HOME/orthanc} at every start: authentication on with a fresh random password, remote
 * access off, the DICOMweb (with its {@code Host} pinned to loopback and the port), GDCM and modality-worklist
 * plugins, and a DICOM port that answers only its own AE title and the listed modalities, each from its recorded host
 * (loopback unless {@code CDSS_DICOM_MODALITIES} says {@code AET@host:port}; C-FIND and C-STORE from others are
 * refused). The generated {@code orthanc.json} (it holds the password) is readable by the owner only. The child runs under a watchdog that stops it when
 * this JVM is gone, even killed; it is stopped by its own process handle when CDSS stops (ADR 0027). Without a binary imaging answers 503 {@code imaging.pacs-unavailable}; the rest of CDSS works.
 */
@Component
class LocalOrthanc {

    private static final Logger log = LoggerFactory.getLogger(LocalOrthanc.class);
    private static final String PLUGINS = "/usr/share/orthanc/plugins/";

    private final OrthancConnection connection;
    private @Nullable Process process;
    private @Nullable Path temporaryHome;
    private @Nullable Path binaryPath;
    private @Nullable Path configFile;

    LocalOrthanc(
            @Value("${cdss.imaging.pacs.url:}") String externalUrl,
            @Value("${cdss.imaging.pacs.user:}") String externalUser,
            @Value("${cdss.imaging.pacs.password:}") String externalPassword,
            @Value("${cdss.imaging.orthanc.binary:/usr/sbin/Orthanc}") String binary,
            @Value("${cdss.imaging.orthanc.home:${cdss.home}/orthanc}") String home,
            @Value("${cdss.imaging.orthanc.temporary:false}") boolean temporary,
            @Value("${cdss.imaging.orthanc.http-port:0}") int httpPort,
            @Value("${cdss.imaging.dicom.port:4242}") int dicomPort,
            @Value("${cdss.imaging.dicom.aet:CDSS}") String aet,
            @Value("${cdss.imaging.dicom.modalities:MODALITY,STORESCU,FINDSCU}") List<String> modalities,
            @Value("${cdss.imaging.orthanc.start-timeout:20s}") Duration startTimeout,
            JsonMapper json) {
        if (!externalUrl.isBlank()) {
            URI url = URI.create(externalUrl.endsWith("/") ? externalUrl : externalUrl + "/");
            this.connection = new OrthancConnection(url, externalUser, externalPassword, null, aet, dicomPort);
            log.info("Imaging: the hospital's Orthanc at {} (DICOM AE title {}, port {})", url, aet, dicomPort);
            return;
        }
        if (!Files.isExecutable(Path.of(binary)) || !Files.exists(Path.of(PLUGINS, "libOrthancDicomWeb.so"))) {
            this.connection = new OrthancConnection(null, "", "", null, aet, dicomPort);
            log.warn("Imaging: no Orthanc installed ({}): PACS unavailable, imaging answers 503", binary);
            return;
        }
        this.connection = start(
                Path.of(binary),
                temporary ? temporaryHome() : Path.of(home),
                httpPort,
                dicomPort,
                aet,
                modalities,
                startTimeout,
                json);
    }

    OrthancConnection connection() {
        return connection;
    }

    private Path temporaryHome() {
        try {
            temporaryHome = Files.createTempDirectory("cdss-orthanc-");
            return temporaryHome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OrthancConnection start(
            Path binary,
            Path home,
            int httpPort,
            int dicomPort,
            String aet,
            List<String> modalities,
            Duration timeout,
            JsonMapper json) {
        try {
            Path storage = Files.createDirectories(home.resolve("storage"));
            Path worklists = Files.createDirectories(home.resolve("worklists"));
            int http = httpPort > 0 ? httpPort : freePort();
            int dicom = dicomPort > 0 ? dicomPort : freePort();
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Map<String, Object> known = modalityTable(modalities);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("Name", "CDSS");
            config.put("StorageDirectory", storage.toString());
            config.put("IndexDirectory", storage.toString());
            config.put("HttpPort", http);
            config.put("RemoteAccessAllowed", false);
            config.put("AuthenticationEnabled", true);
            config.put("RegisteredUsers", Map.of("cdss", password));
            config.put("DicomAet", aet);
            config.put("DicomPort", dicom);
            config.put("DicomCheckCalledAet", true);
            config.put("DicomAlwaysAllowEcho", true);
            config.put("DicomAlwaysAllowFind", false);
            config.put("DicomAlwaysAllowStore", false);
            config.put("DicomModalities", known);
            // a calling AE title is accepted only from the host it is recorded with (loopback by default)
            config.put("DicomCheckModalityHost", true);
            config.put("OverwriteInstances", false);
            config.put("StableAge", 5);
            config.put("SaveJobs", false);
            config.put("HttpCompressionEnabled", false);
            // keep-alive: the files of an upload go over one connection, not a new one each (ADR 0045). Orthanc 1.10
            // closes a connection idle for about a second; OrthancArchive resends at once a request that meets one
            // closing
            config.put("KeepAlive", true);
            config.put("Plugins", pluginList());
            config.put(
                    "DicomWeb",
                    Map.of("Enable", true, "Root", "/dicom-web/", "Host", "127.0.0.1:" + http, "Ssl", false));
            config.put("Worklists", Map.of("Enable", true, "Database", worklists.toString()));
            Path file = home.resolve("orthanc.json");
            writeOwnerOnly(file, json.writeValueAsString(config));
            this.binaryPath = binary;
            this.configFile = file;
            Process p = launch(binary, file);
            this.process = p;
            waitUntilListening(p, http, timeout);
            log.info(
                    "Imaging: local Orthanc started (watchdog pid {}, REST on 127.0.0.1:{}); modalities send to AE title {}"
                            + " on DICOM port {} (CDSS_DICOM_AET, CDSS_DICOM_PORT)",
                    p.pid(),
                    http,
                    aet,
                    dicom);
            return new OrthancConnection(
                    URI.create("http://127.0.0.1:" + http + "/"), "cdss", password, worklists, aet, dicom);
        } catch (IOException | RuntimeException e) {
            log.warn("Imaging: the local Orthanc could not start ({}): PACS unavailable", e.toString());
            stop();
            return new OrthancConnection(null, "", "", null, aet, dicomPort);
        }
    }

    /**
     * Orthanc must not outlive this JVM: a CDSS killed with {@code kill -9} (or a test JVM that dies) would otherwise
     * leave an Orthanc holding the DICOM port, and the next start would find "PACS unavailable". Java cannot ask the
     * kernel for a parent-death signal, and {@code prctl(PR_SET_PDEATHSIG)} fires when the spawning <em>thread</em>
     * ends, not the process (Spring's main thread ends right after start-up). So Orthanc runs under a small
     * {@code /bin/sh} watchdog that polls this JVM's pid once a second and stops Orthanc when the JVM is gone; a
     * SIGTERM to the watchdog (our {@link #stop()}) stops Orthanc too. Orthanc's own exit ends the watchdog with
     * Orthanc's exit status.
     */
    static final String WATCHDOG = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM INT HUP
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill -TERM "$child" 2>/dev/null
            wait "$child"
            """;

    private static Process launch(Path binary, Path config) throws IOException {
        return new ProcessBuilder(
                        "/bin/sh",
                        "-c",
                        WATCHDOG,
                        "orthanc-watchdog",
                        Long.toString(ProcessHandle.current().pid()),
                        binary.toString(),
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        config.resolveSibling("orthanc.log").toFile()))
                .start();
    }

    /**
     * Orthanc's {@code DicomModalities} from {@code CDSS_DICOM_MODALITIES}: entries {@code AET}, {@code AET@host} or
     * {@code AET@host:port}, comma-separated. Without a host the modality is loopback (127.0.0.1) only, so that the
     * DICOM port, which listens on every interface, answers no other host until the hospital lists its modalities.
     */
    static Map<String, Object> modalityTable(List<String> modalities) {
        Map<String, Object> known = new LinkedHashMap<>();
        for (String m : modalities) {
            String entry = m.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String title = entry;
            String host = "127.0.0.1";
            int port = 104;
            int at = entry.indexOf('@');
            if (at >= 0) {
                title = entry.substring(0, at).trim();
                String rest = entry.substring(at + 1).trim();
                int colon = rest.lastIndexOf(':');
                if (colon >= 0) {
                    port = Integer.parseInt(rest.substring(colon + 1).trim());
                    rest = rest.substring(0, colon).trim();
                }
                if (!rest.isEmpty()) {
                    host = rest;
                }
            }
            if (title.isEmpty() || title.length() > 16) {
                throw new IllegalArgumentException("CDSS_DICOM_MODALITIES: bad AE title in '" + entry + "'");
            }
            known.put(title.toLowerCase(java.util.Locale.ROOT), List.of(title, host, port));
        }
        return known;
    }

    /** The configuration holds the REST password: readable by this user only (where the file system allows). */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(
                    file,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static List<String> pluginList() {
        List<String> plugins = new ArrayList<>();
        for (String name : List.of("libOrthancDicomWeb.so", "libOrthancGdcm.so", "libModalityWorklists.so")) {
            if (Files.exists(Path.of(PLUGINS, name))) {
                plugins.add(PLUGINS + name);
            }
        }
        return plugins;
    }

    private static void waitUntilListening(Process p, int port, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Orthanc exited with " + p.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("Orthanc did not listen within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the child Orthanc (by its own process handle, never by name) and removes a temporary home. */
    @PreDestroy
    void stop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            terminate(p);
            log.info("Imaging: local Orthanc stopped (watchdog pid {})", p.pid());
        }
        process = null;
        if (temporaryHome != null) {
            FileSystemUtils.deleteRecursively(temporaryHome.toFile());
            temporaryHome = null;
        }
    }

    /** For the tests of a stopped PACS: stops the local Orthanc; {@link #restart()} brings it back. */
    synchronized void pause() {
        Process p = process;
        if (p != null) {
            terminate(p);
        }
    }

    /**
     * SIGTERM to the watchdog, which stops Orthanc and waits for it; if that takes over 10 s, the watchdog and
     * Orthanc (found before, as the watchdog's descendants) are killed.
     */
    private static void terminate(Process watchdog) {
        List<ProcessHandle> orthanc = watchdog.descendants().toList();
        watchdog.destroy();
        try {
            if (!watchdog.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            watchdog.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        orthanc.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Starts the local Orthanc again with the configuration written at start-up (same port and password). */
    synchronized void restart() throws IOException {
        Process p = process;
        URI url = connection.baseUrl();
        if (p == null || p.isAlive() || url == null || binaryPath == null || configFile == null) {
            return;
        }
        Process again = launch(binaryPath, configFile);
        process = again;
        waitUntilListening(again, url.getPort(), Duration.ofSeconds(20));
    }
}
