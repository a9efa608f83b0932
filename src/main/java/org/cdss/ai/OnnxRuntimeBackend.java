package org.cdss.ai;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * In-process ONNX Runtime (CPU). One {@link OrtSession} per model, shared by all threads (ONNX Runtime sessions are
 * thread-safe for {@code run}); intra-op threads limited so that inference cannot take every core from the web
 * requests ({@code cdss.ai.onnx-threads}, default 1).
 */
@Component
public class OnnxRuntimeBackend implements InferenceBackend {

    private final int threads;

    @org.springframework.beans.factory.annotation.Autowired
    OnnxRuntimeBackend(org.springframework.core.env.Environment env) {
        this(env.getProperty("cdss.ai.onnx-threads", Integer.class, 1));
    }

    /** For benchmarks and tests without Spring. */
    public OnnxRuntimeBackend(int threads) {
        this.threads = threads;
    }

    @Override
    public String id() {
        return "onnxruntime";
    }

    /**
     * ONNX Runtime 1.29's native start-up kills the JVM (SIGSEGV) when the JVM's command line is longer than about
     * 4 KB (measured on Linux x64, 2026-12-05: any long argument, e.g. a long {@code -cp}). {@code ./cdss run} and the
     * jar have short command lines; a launch with a long one gets its models rejected with this reason instead of a
     * crash.
     */
    static final int MAX_COMMAND_LINE = 3800;

    @Override
    public Session open(byte[] model) throws InvalidModelException {
        long commandLine = commandLineLength();
        if (commandLine > MAX_COMMAND_LINE) {
            throw new InvalidModelException("ONNX Runtime not started: the JVM command line is " + commandLine
                    + " bytes long, and ONNX Runtime 1.29 crashes the JVM above about 4 KB (start from the jar or a"
                    + " manifest class path)");
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            return new OnnxSession(env, env.createSession(model, options));
        } catch (OrtException | RuntimeException e) {
            throw new InvalidModelException("ONNX Runtime cannot open the model: " + e.getMessage());
        }
    }

    private static long commandLineLength() {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/cmdline")).length;
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return 0;
        }
    }

    private record OnnxSession(OrtEnvironment env, OrtSession session) implements Session {

        @Override
        public List<InferenceBackend.TensorInfo> inputs() {
            try {
                return describe(session.getInputInfo());
            } catch (OrtException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public List<InferenceBackend.TensorInfo> outputs() {
            try {
                return describe(session.getOutputInfo());
            } catch (OrtException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public Tensor run(String input, float[] data, long[] shape, String output) {
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                    OrtSession.Result result = session.run(Map.of(input, tensor), java.util.Set.of(output))) {
                OnnxTensor out = (OnnxTensor) result.get(output).orElseThrow();
                FloatBuffer buffer = out.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return new Tensor(values, out.getInfo().getShape());
            } catch (OrtException e) {
                throw new IllegalStateException("inference failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (OrtException e) {
                // closing at shutdown: nothing to do
            }
        }

        private static List<InferenceBackend.TensorInfo> describe(Map<String, NodeInfo> nodes) {
            List<InferenceBackend.TensorInfo> out = new ArrayList<>();
            nodes.forEach((name, info) -> {
                List<Long> shape = new ArrayList<>();
                if (info.getInfo() instanceof ai.onnxruntime.TensorInfo t) {
                    for (long d : t.getShape()) {
                        shape.add(d);
                    }
                }
                out.add(new InferenceBackend.TensorInfo(name, shape));
            });
            return out;
        }
    }
}
