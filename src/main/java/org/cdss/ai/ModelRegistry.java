package org.cdss.ai;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models this instance serves, loaded once at start-up: those shipped in the jar ({@code ai/models/<id>/}) and
 * those in {@code cdss.ai.model-dir} (one folder per model). Each folder's {@code card.json} is validated
 * ({@link ModelCards}), the model file's SHA-256 compared with the card's, the model opened with the backend the card
 * names and checked against the card's inputs. A model that fails any step is not loaded; {@link #rejected()} says
 * which and why, and the {@code aiModels} health indicator (part of readiness) is DOWN while any is rejected.
 */
@Component("aiModels")
public class ModelRegistry implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A loaded model: its card, the checksum of its file and its open session. */
    public record RegisteredModel(
            String id, String version, String sha256, String source, JsonNode card, InferenceBackend.Session session) {}

    /** A model folder that was not loaded, and why. */
    public record RejectedModel(String source, String id, List<String> reasons) {}

    private final Map<String, RegisteredModel> models = new LinkedHashMap<>();
    private final List<RejectedModel> rejected = new ArrayList<>();
    private final Map<String, InferenceBackend> backends = new LinkedHashMap<>();

    public ModelRegistry(List<InferenceBackend> backends, @Value("${cdss.ai.model-dir:}") String modelDir) {
        backends.forEach(b -> this.backends.put(b.id(), b));
        try {
            for (Resource card :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:ai/models/*/card.json")) {
                String url = card.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                load("jar:" + folder.substring(folder.lastIndexOf('/') + 1), card.getContentAsByteArray(), name -> {
                    Resource file = card.createRelative(name);
                    try (InputStream in = file.getInputStream()) {
                        return in.readAllBytes();
                    }
                });
            }
        } catch (IOException e) {
            rejected.add(new RejectedModel("jar", null, List.of("shipped models unreadable: " + e.getMessage())));
        }
        if (!modelDir.isBlank() && Files.isDirectory(Path.of(modelDir))) {
            try (Stream<Path> folders = Files.list(Path.of(modelDir))) {
                for (Path folder : folders.sorted().filter(Files::isDirectory).toList()) {
                    Path card = folder.resolve("card.json");
                    if (!Files.isRegularFile(card)) {
                        rejected.add(new RejectedModel(folder.toString(), null, List.of("no card.json")));
                        continue;
                    }
                    load(folder.toString(), Files.readAllBytes(card), name -> Files.readAllBytes(folder.resolve(name)));
                }
            } catch (IOException e) {
                rejected.add(new RejectedModel(modelDir, null, List.of("model folder unreadable: " + e.getMessage())));
            }
        }
        log.info("AI models loaded: {}; rejected: {}", models.keySet(), rejected);
    }

    private interface FileReader {
        byte[] read(String name) throws IOException;
    }

    private void load(String source, byte[] cardBytes, FileReader files) {
        JsonNode card;
        try {
            card = JSON.readTree(cardBytes);
        } catch (RuntimeException e) {
            rejected.add(new RejectedModel(source, null, List.of("card.json is not valid JSON")));
            return;
        }
        String id = card.path("id").isString() ? card.path("id").asString() : null;
        List<String> problems = new ArrayList<>(ModelCards.validate(card));
        if (!problems.isEmpty()) {
            rejected.add(new RejectedModel(source, id, problems));
            return;
        }
        if (models.containsKey(id)) {
            rejected.add(new RejectedModel(source, id, List.of("another model already has this id")));
            return;
        }
        InferenceBackend backend = backends.get(card.path("backend").asString());
        if (backend == null) {
            rejected.add(new RejectedModel(
                    source,
                    id,
                    List.of("unknown backend '" + card.path("backend").asString() + "'")));
            return;
        }
        byte[] bytes;
        try {
            bytes = files.read(card.path("modelFile").asString());
        } catch (IOException e) {
            rejected.add(new RejectedModel(source, id, List.of("model file unreadable: " + e.getMessage())));
            return;
        }
        String sha = sha256(bytes);
        if (!sha.equals(card.path("sha256").asString())) {
            rejected.add(new RejectedModel(
                    source,
                    id,
                    List.of("checksum mismatch: the card says "
                            + card.path("sha256").asString() + ", the file is " + sha)));
            return;
        }
        InferenceBackend.Session session;
        try {
            session = backend.open(bytes);
        } catch (InferenceBackend.InvalidModelException e) {
            rejected.add(new RejectedModel(source, id, List.of(e.getMessage())));
            return;
        }
        problems.addAll(ModelCards.matches(card, session));
        if (!problems.isEmpty()) {
            session.close();
            rejected.add(new RejectedModel(source, id, problems));
            return;
        }
        models.put(id, new RegisteredModel(id, card.path("version").asString(), sha, source, card, session));
    }

    public List<RegisteredModel> models() {
        return List.copyOf(models.values());
    }

    public Optional<RegisteredModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public List<RejectedModel> rejected() {
        return List.copyOf(rejected);
    }

    @Override
    public Health health() {
        Health.Builder health = rejected.isEmpty() ? Health.up() : Health.down();
        health.withDetail("loaded", models.keySet());
        if (!rejected.isEmpty()) {
            health.withDetail("rejected", rejected);
        }
        return health.build();
    }

    @PreDestroy
    void close() {
        models.values().forEach(m -> m.session().close());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
