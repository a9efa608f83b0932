package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keep-alive to Orthanc (ADR 0045): the adapter's calls share one connection, and a POST sent on a kept-alive
 * connection that the server closes as it arrives (Orthanc closes connections idle for about a second) is resent at
 * once on a new connection instead of failing — with a single attempt configured, so that no retry of the circuit
 * breaker's policy could hide it. A tiny HTTP/1.1 server on loopback plays Orthanc: it answers {@code /tools/find},
 * keeps the connection open, and drops the connection without an answer when told to, as Orthanc's idle close does.
 */
class OrthancArchiveKeepAliveTests {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Requests (counted over all connections) that the server answers by closing the connection. */
    private final List<Integer> dropAt = new CopyOnWriteArrayList<>();

    OrthancArchiveKeepAliveTests() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void calls_share_one_connection() {
        OrthancArchive archive = archive(server.getLocalPort());
        assertThat(archive.findStudy("1.2.3")).contains("study-1");
        assertThat(archive.findStudy("1.2.3")).contains("study-2");
        assertThat(archive.findStudy("1.2.3")).contains("study-3");
        assertThat(requests).hasSize(3);
        assertThat(connections).hasValue(1);
    }

    @Test
    void a_post_on_a_connection_closed_under_it_is_resent_on_a_new_one() {
        OrthancArchive archive = archive(server.getLocalPort());
        assertThat(archive.findStudy("1.2.3")).contains("study-1");
        dropAt.add(2);
        // the second request meets the closing connection: resent at once, answered on a second connection
        assertThat(archive.findStudy("1.2.3")).contains("study-3");
        assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r).startsWith("POST /tools/find "));
        assertThat(connections).hasValue(2);
    }

    @Test
    void an_archive_that_is_gone_is_still_unavailable() throws IOException {
        int port = server.getLocalPort();
        server.close();
        OrthancArchive archive = archive(port);
        assertThatThrownBy(() -> archive.findStudy("1.2.3")).isInstanceOf(ImageArchive.ArchiveUnavailable.class);
    }

    private static OrthancArchive archive(int port) {
        JsonMapper json = JsonMapper.builder().build();
        LocalOrthanc pacs = new LocalOrthanc(
                "http://127.0.0.1:" + port + "/",
                "cdss",
                "secret",
                "/nonexistent/Orthanc",
                "/nonexistent",
                false,
                0,
                0,
                "CDSS",
                List.of(),
                Duration.ofSeconds(1),
                json);
        // one attempt: a failure would surface, not be retried by the back-off policy
        return new OrthancArchive(
                pacs,
                json,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1,
                Duration.ofMillis(200),
                Duration.ofSeconds(10));
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> connection(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connection(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                in.readNBytes(length);
                requests.add(head.substring(0, head.indexOf("\r\n")));
                if (dropAt.contains(requests.size())) {
                    return; // closed without an answer, as Orthanc's idle close meeting a request
                }
                byte[] body = ("[\"study-" + requests.size() + "\"]").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\nConnection: keep-alive\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The request line and headers, or null at the end of the connection. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String s = head.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }
}
