package org.cdss.ai;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The lung-cancer risk model as its card describes it: the card's standardisation, the ONNX model run through the
 * registry's session, the band from the card's thresholds, and each input's contribution computed by running the
 * model: logit(p) − logit(p with that input at its training mean). For this linear model that is exactly coefficient ×
 * standardised value, and the contributions plus the baseline (all inputs at their means) add up to logit(p).
 */
@Component
public class LungRiskModel {

    public static final String ID = "lung-risk";

    private final ModelRegistry registry;

    public LungRiskModel(ModelRegistry registry) {
        this.registry = registry;
    }

    /** One input's share of a prediction, in log-odds. */
    public record LungRiskContribution(String input, double value, double logOdds) {}

    /** The model's answer for one set of inputs. */
    public record Result(
            double probability, String band, double baselineLogOdds, List<LungRiskContribution> contributions) {}

    /** The registered model, or empty when it was not loaded (its card or file is invalid). */
    public java.util.Optional<ModelRegistry.RegisteredModel> model() {
        // the encoding feeds the inputs in LungRiskEncoding's order: a card that declares another is not this model
        return registry.find(ID).filter(m -> {
            List<String> names = new ArrayList<>();
            m.card().path("inputs").forEach(in -> names.add(in.path("name").asString("")));
            return names.equals(LungRiskEncoding.INPUTS);
        });
    }

    /**
     * Whether the age is one the model was trained on (the card's {@code trainingRange} of the age input): outside
     * it, a logistic model extrapolates and its result looks as confident as any other (a 4-year-old is seven
     * standard deviations below the training mean), so the service refuses to score it.
     */
    public static boolean withinTrainingAges(ModelRegistry.RegisteredModel model, int age) {
        JsonNode range = model.card().path("inputs").get(1).path("trainingRange");
        return age >= range.get(0).asInt() && age <= range.get(1).asInt();
    }

    /** The card's training ages as "21–87", for messages. */
    public static String trainingAges(ModelRegistry.RegisteredModel model) {
        JsonNode range = model.card().path("inputs").get(1).path("trainingRange");
        return range.get(0).asInt() + "–" + range.get(1).asInt();
    }

    /** Predicts for several survey-coded rows ({@link LungRiskEncoding#raw}) in one run of the model. */
    public List<Result> predict(ModelRegistry.RegisteredModel model, List<double[]> rows) {
        JsonNode card = model.card();
        int n = LungRiskEncoding.INPUTS.size();
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = card.path("inputs").get(i).path("trainingMean").asDouble();
            sd[i] = card.path("inputs").get(i).path("trainingSd").asDouble(1);
        }
        // per row: the row itself, the row with each input at its mean in turn, and all inputs at their means
        int perRow = n + 2;
        float[] data = new float[rows.size() * perRow * n];
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r);
            for (int variant = 0; variant < perRow; variant++) {
                for (int i = 0; i < n; i++) {
                    boolean neutral = variant == perRow - 1 || variant == i + 1;
                    data[((r * perRow) + variant) * n + i] = neutral ? 0f : (float) ((x[i] - mean[i]) / sd[i]);
                }
            }
        }
        InferenceBackend.Tensor out = model.session()
                .run(
                        card.path("inputTensor").path("name").asString(),
                        data,
                        new long[] {(long) rows.size() * perRow, n},
                        card.path("outputs").path("tensor").asString());
        int classes = (int) out.shape()[1];
        int positive = card.path("outputs").path("positiveIndex").asInt();
        double medium = card.path("outputs").path("thresholds").path("medium").asDouble();
        double decision =
                card.path("outputs").path("thresholds").path("decision").asDouble();
        List<Result> results = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            int base = r * perRow;
            double p = out.values()[base * classes + positive];
            double logit = logit(p);
            List<LungRiskContribution> contributions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double without = logit(out.values()[(base + i + 1) * classes + positive]);
                contributions.add(new LungRiskContribution(
                        LungRiskEncoding.INPUTS.get(i), rows.get(r)[i], round(logit - without)));
            }
            double baseline = logit(out.values()[(base + perRow - 1) * classes + positive]);
            String band = p >= decision ? "HIGH" : p >= medium ? "MEDIUM" : "LOW";
            results.add(new Result(round(p), band, round(baseline), contributions));
        }
        return results;
    }

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
        return Math.log(q / (1 - q));
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000.0) / 1_000_000.0;
    }
}
