package org.cdss.knowledge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for NCBI and feed publishers in tests: each path answers with the next of its
 * queued answers (the last one repeats), and every request is recorded.
 */
public final class StubHttpServer implements AutoCloseable {

    /** An answer: status, headers, body; {@code delayMillis} before answering (timeouts). */
    public record Answer(int status, Map<String, String> headers, byte[] body, long delayMillis) {
        public static Answer xml(String body) {
            return new Answer(200, Map.of("Content-Type", "text/xml; charset=UTF-8"), bytes(body), 0);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of("Content-Type", "text/plain"), bytes("error " + status), 0);
        }

        public Answer header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Answer(status, Map.copyOf(h), body, delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A request as the stub received it. */
    public record Request(String path, String query, Map<String, List<String>> headers, long nanos) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues answers for a path: they are given in order, the last one again and again. */
    public StubHttpServer on(String path, Answer... queued) {
        answers.put(path, new CopyOnWriteArrayList<>(List.of(queued)));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    public void reset() {
        requests.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(
                path,
                exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()),
                System.nanoTime()));
        List<Answer> queue = answers.get(path);
        Answer answer;
        if (queue == null || queue.isEmpty()) {
            answer = Answer.status(404);
        } else {
            answer = queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.status() == 304) {
            exchange.sendResponseHeaders(304, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
