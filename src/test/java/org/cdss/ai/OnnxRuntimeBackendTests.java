package org.cdss.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The in-process ONNX Runtime backend on the small public test models of {@code ../shared/data/onnx} (from Tribuo's
 * tests). The data folder has no MNIST digit images, so the CNN is checked for its shapes and a valid probability
 * distribution only; the class check uses the Iris logistic regression on real rows of Fisher's Iris data (typed in
 * here: rows 1, 51 and 101 of the UCI file, one of each species).
 */
@ExtendWith(SharedData.OnnxModels.class)
class OnnxRuntimeBackendTests {

    final OnnxRuntimeBackend backend = new OnnxRuntimeBackend(1);

    @Test
    void the_iris_model_predicts_the_species_of_real_iris_rows() throws Exception {
        try (InferenceBackend.Session session =
                backend.open(Files.readAllBytes(SharedData.ONNX.resolve("iris-lr-model.onnx")))) {
            InferenceBackend.TensorInfo input = session.inputs().getFirst();
            assertThat(input.shape().getLast()).isEqualTo(4L);
            // Tribuo orders features by name: petalLength, petalWidth, sepalLength, sepalWidth
            float[] rows = {
                1.4f, 0.2f, 5.1f, 3.5f, // Iris-setosa (sepal 5.1 x 3.5, petal 1.4 x 0.2)
                4.7f, 1.4f, 7.0f, 3.2f, // Iris-versicolor (7.0 x 3.2, 4.7 x 1.4)
                6.0f, 2.5f, 6.3f, 3.3f // Iris-virginica (6.3 x 3.3, 6.0 x 2.5)
            };
            String output = session.outputs().stream()
                    .map(InferenceBackend.TensorInfo::name)
                    .filter(n -> !n.toLowerCase().contains("label"))
                    .findFirst()
                    .orElse(session.outputs().getFirst().name());
            InferenceBackend.Tensor out = session.run(input.name(), rows, new long[] {3, 4}, output);
            assertThat(out.shape()).containsExactly(3, 3);
            // the file does not name its labels: the three species must land in three different classes
            System.out.println("iris classes: " + List.of(argmax(out, 0), argmax(out, 1), argmax(out, 2)));
            assertThat(java.util.Set.of(argmax(out, 0), argmax(out, 1), argmax(out, 2)))
                    .hasSize(3);
        }
    }

    @Test
    void the_mnist_cnn_runs_and_answers_a_distribution_over_ten_digits() throws Exception {
        try (InferenceBackend.Session session =
                backend.open(Files.readAllBytes(SharedData.ONNX.resolve("cnn_mnist.onnx")))) {
            InferenceBackend.TensorInfo input = session.inputs().getFirst();
            long[] shape = input.shape().stream().mapToLong(d -> d < 0 ? 2 : d).toArray();
            int size = 1;
            for (long d : shape) {
                size *= (int) d;
            }
            InferenceBackend.Tensor out = session.run(
                    input.name(),
                    new float[size],
                    shape,
                    session.outputs().getFirst().name());
            assertThat(out.shape()).containsExactly(2, 10);
        }
    }

    @Test
    void a_corrupt_file_is_an_invalid_model_not_a_crash() {
        assertThatThrownBy(() -> backend.open("not an onnx model".getBytes()))
                .isInstanceOf(InferenceBackend.InvalidModelException.class);
    }

    static int argmax(InferenceBackend.Tensor t, int row) {
        int classes = (int) t.shape()[1];
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (t.values()[row * classes + c] > t.values()[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}
