package org.cdss.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cdss.ai.InferenceBackend;
import org.cdss.ai.LungRiskEncoding;
import org.cdss.ai.LungRiskModel;
import org.cdss.ai.ModelRegistry;
import org.cdss.ai.OnnxRuntimeBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12's benchmark ({@code bench/ai-jmh.sh}): the lung-risk model through the platform — one prediction with its
 * 15 contributions ({@link #lungRiskPrediction}), a batch of 100 ({@link #lungRiskBatch100}) — against the bare ONNX
 * Runtime call on one survey row ({@link #lungRiskRawSession}); and the MNIST CNN of {@code ../shared/data/onnx}
 * through {@link OnnxRuntimeBackend} ({@link #cnnPlatform}) against a direct {@link OrtSession} call on the same input
 * in the same run ({@link #cnnRawSession}): the platform's overhead. Random pixel values (no MNIST images in the
 * shared data): inference time does not depend on them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AiInferenceBenchmark {

    static final Path CNN =
            Path.of(System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data"), "onnx", "cnn_mnist.onnx");

    LungRiskModel lungRisk;
    ModelRegistry.RegisteredModel registered;
    double[] row;
    List<double[]> batch;
    OrtEnvironment env;
    OrtSession rawLung;
    float[] lungStandardised;

    InferenceBackend.Session cnn;
    String cnnInput;
    String cnnOutput;
    long[] cnnShape;
    float[] pixels;
    OrtSession rawCnn;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path empty = Files.createTempDirectory("no-models");
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), empty.toString());
        lungRisk = new LungRiskModel(registry);
        registered = lungRisk.model().orElseThrow();
        Random random = new Random(12);
        boolean[] answers = new boolean[13];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = random.nextBoolean();
        }
        row = LungRiskEncoding.raw(1, 64, answers);
        batch = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            boolean[] a = new boolean[13];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextBoolean();
            }
            batch.add(LungRiskEncoding.raw(1 + random.nextInt(2), 30 + random.nextInt(50), a));
        }
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        rawLung = env.createSession(
                Files.readAllBytes(Path.of("src/main/resources/ai/models/lung-risk/model.onnx")), options);
        lungStandardised = new float[15];
        for (int i = 0; i < 15; i++) {
            lungStandardised[i] = (float) ((row[i] - 1.5) / 0.5);
        }

        byte[] cnnBytes = Files.readAllBytes(CNN);
        cnn = new OnnxRuntimeBackend(1).open(cnnBytes);
        cnnInput = cnn.inputs().getFirst().name();
        cnnOutput = cnn.outputs().getFirst().name();
        cnnShape = cnn.inputs().getFirst().shape().stream()
                .mapToLong(d -> d < 0 ? 1 : d)
                .toArray();
        int size = 1;
        for (long d : cnnShape) {
            size *= (int) d;
        }
        pixels = new float[size];
        for (int i = 0; i < size; i++) {
            pixels[i] = random.nextFloat();
        }
        rawCnn = env.createSession(cnnBytes, options);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        cnn.close();
        rawCnn.close();
        rawLung.close();
    }

    @Benchmark
    public LungRiskModel.Result lungRiskPrediction() {
        return lungRisk.predict(registered, List.of(row)).getFirst();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<LungRiskModel.Result> lungRiskBatch100() {
        return lungRisk.predict(registered, batch);
    }

    @Benchmark
    public float lungRiskRawSession() throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(lungStandardised), new long[] {1, 15});
                OrtSession.Result r = rawLung.run(Map.of("input", t))) {
            return ((float[][]) r.get(0).getValue())[0][1];
        }
    }

    @Benchmark
    public float cnnPlatform() {
        return cnn.run(cnnInput, pixels, cnnShape, cnnOutput).values()[0];
    }

    @Benchmark
    public float cnnRawSession() throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), cnnShape);
                OrtSession.Result r = rawCnn.run(Map.of(cnnInput, t), Set.of(cnnOutput))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            return out.get(0);
        }
    }
}
