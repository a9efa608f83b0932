package org.cdss.ai;

import java.util.List;

/**
 * The one port through which CDSS runs a model. A model's card names its backend ({@code backend}); the registry
 * opens the model file with it once at start-up and keeps the session. In-process ONNX Runtime is the only backend
 * today ({@link OnnxRuntimeBackend}); a remote one (KServe v2) would implement the same port.
 */
public interface InferenceBackend {

    /** The card's {@code backend} value this backend serves, e.g. {@code onnxruntime}. */
    String id();

    /** Opens a model from its file's bytes; fails with a message when the file is not a model this backend runs. */
    Session open(byte[] model) throws InvalidModelException;

    /** An opened model: thread-safe, closed when the registry shuts down. */
    interface Session extends AutoCloseable {

        /** The model's inputs as it declares them (name and shape, −1 for a free dimension). */
        List<TensorInfo> inputs();

        /** The model's outputs as it declares them. */
        List<TensorInfo> outputs();

        /**
         * Runs the model on one float tensor ({@code data} in row-major order, {@code shape} its dimensions) fed to
         * the named input, and returns the named output flattened in row-major order with its shape.
         */
        Tensor run(String input, float[] data, long[] shape, String output);

        @Override
        void close();
    }

    /** A tensor's name and shape. */
    record TensorInfo(String name, List<Long> shape) {}

    /** A float tensor: values in row-major order and its shape. */
    record Tensor(float[] values, long[] shape) {}

    /** A model file the backend cannot open, or a run it cannot do. */
    final class InvalidModelException extends Exception {
        public InvalidModelException(String message) {
            super(message);
        }
    }
}
