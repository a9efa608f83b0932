package org.cdss.ai.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.cdss.ai.LungRiskEncoding;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the lung-cancer risk model from the public survey ({@code ./cdss train lung-risk}, ADR 0021): exact
 * duplicate rows removed, inputs standardised (training mean and standard deviation, kept in the card), an L2-free
 * logistic regression (Tribuo {@link LinearSGDTrainer}, log loss, AdaGrad, fixed seed), evaluated by 10 × repeated
 * stratified 5-fold cross-validation against two baselines (always positive; the best single-input model under the
 * same protocol), then fitted on all rows and exported to ONNX (provenance metadata stripped, so the file is the same
 * on every run). Writes {@code model.onnx} and {@code card.json} into the output folder.
 */
public final class LungRiskTrainer {

    public static final long SEED = 20261205L;
    static final int FOLDS = 5;
    static final int REPEATS = 10;
    static final int EPOCHS = 30;
    static final int BOOTSTRAP = 2000;
    static final String POSITIVE = "YES";
    public static final String COMMAND = "./cdss train lung-risk";

    private LungRiskTrainer() {}

    /** One deduplicated survey row: survey-coded inputs and the label. */
    record Row(double[] x, boolean positive) {}

    /** What the training produced: the card (as a map, written as JSON) and the ONNX bytes. */
    public record Result(Map<String, Object> card, byte[] onnx, int rows, int duplicates) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LungRiskTrainer <survey lung cancer.csv> <output folder> [yyyy-mm-dd]");
            System.exit(2);
        }
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        LocalDate date = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.now();
        Result result = train(Path.of(args[0]), date);
        write(result, Path.of(args[1]));
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics =
                (Map<String, Object>) ((Map<String, Object>) result.card().get("evaluation")).get("metrics");
        System.out.println("lung-risk: " + result.rows() + " rows (" + result.duplicates() + " duplicates removed), "
                + "cross-validated " + metrics);
    }

    public static void write(Result result, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("model.onnx"), result.onnx());
        String json =
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result.card());
        Files.writeString(folder.resolve("card.json"), json + "\n", StandardCharsets.UTF_8);
    }

    public static Result train(Path csv, LocalDate date) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.getFirst().split(",", -1));
        int[] columns = new int[LungRiskEncoding.SURVEY_COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = header.indexOf(LungRiskEncoding.SURVEY_COLUMNS.get(i));
            if (columns[i] < 0) {
                throw new IllegalArgumentException("column missing: '" + LungRiskEncoding.SURVEY_COLUMNS.get(i) + "'");
            }
        }
        int labelColumn = header.indexOf("LUNG_CANCER");
        LinkedHashSet<String> distinct = new LinkedHashSet<>(lines.subList(1, lines.size()).stream()
                .filter(l -> !l.isBlank())
                .map(String::strip)
                .toList());
        int total = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        List<Row> rows = new ArrayList<>();
        for (String line : distinct) {
            String[] f = line.split(",", -1);
            double[] x = new double[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String v = f[columns[i]].strip();
                x[i] = i == 0
                        ? (v.equals("M") ? LungRiskEncoding.SEX_MALE : LungRiskEncoding.SEX_FEMALE)
                        : Double.parseDouble(v);
            }
            rows.add(new Row(x, f[labelColumn].strip().equals(POSITIVE)));
        }
        int[] all = new int[LungRiskEncoding.INPUTS.size()];
        Arrays.setAll(all, i -> i);

        Evaluation.CvResult full = crossValidate(rows, all);
        double threshold = Evaluation.youdenThreshold(full.meanOof(), labels(rows));
        double medium = Math.min(threshold, Evaluation.thresholdForSensitivity(full.meanOof(), labels(rows), 0.95));
        Map<String, Object> metrics = Evaluation.summary(full, labels(rows), threshold, SEED);

        List<Map<String, Object>> singles = new ArrayList<>();
        Map<String, Object> bestSingle = null;
        double bestAuc = -1;
        for (int j = 0; j < all.length; j++) {
            Evaluation.CvResult one = crossValidate(rows, new int[] {j});
            double t = Evaluation.youdenThreshold(one.meanOof(), labels(rows));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", LungRiskEncoding.INPUTS.get(j));
            m.putAll(Evaluation.summary(one, labels(rows), t, SEED));
            singles.add(m);
            if (one.meanAuc() > bestAuc) {
                bestAuc = one.meanAuc();
                bestSingle = m;
            }
        }

        Standardiser scaler = Standardiser.fit(rows, all);
        LinearSGDModel model = fit(rows, all, scaler, SEED);
        // the provenance (with training timestamps) goes out: the card carries what produced the model
        var proto = ((ONNXExportable) model).exportONNXModel("org.cdss.ai", 1);
        byte[] onnx = proto.toBuilder()
                .clearMetadataProps()
                .clearDocString()
                .setGraph(proto.getGraph().toBuilder().clearDocString())
                .build()
                .toByteArray();
        int yesIndex = model.getOutputIDInfo().getID(new Label(POSITIVE));
        long positives = rows.stream().filter(Row::positive).count();
        // the ages the model saw: the card declares them and the service refuses a patient outside them
        int[] ages = {
            (int) rows.stream().mapToDouble(r -> r.x()[1]).min().orElseThrow(),
            (int) rows.stream().mapToDouble(r -> r.x()[1]).max().orElseThrow()
        };
        Map<String, Object> card = LungRiskCard.build(
                date,
                sha256(onnx),
                scaler,
                ages,
                yesIndex,
                total,
                rows.size(),
                positives,
                metrics,
                Evaluation.calibration(full.meanOof(), labels(rows), 10),
                bestSingle,
                singles,
                medium,
                threshold);
        return new Result(card, onnx, rows.size(), total - rows.size());
    }

    static boolean[] labels(List<Row> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).positive();
        }
        return y;
    }

    /**
     * {@link #REPEATS} × stratified {@link #FOLDS}-fold cross-validation of the model on the given inputs: per repeat
     * the out-of-fold probability of every row (standardiser and model fitted on the training folds only).
     */
    static Evaluation.CvResult crossValidate(List<Row> rows, int[] inputs) {
        double[][] oof = new double[REPEATS][rows.size()];
        for (int r = 0; r < REPEATS; r++) {
            int[] fold = stratifiedFolds(rows, new Random(SEED + r));
            for (int k = 0; k < FOLDS; k++) {
                List<Row> train = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] != k) {
                        train.add(rows.get(i));
                    }
                }
                Standardiser scaler = Standardiser.fit(train, inputs);
                LinearSGDModel model = fit(train, inputs, scaler, SEED + 1000L * r + k);
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] == k) {
                        oof[r][i] = probability(model, scaler.example(rows.get(i), inputs));
                    }
                }
            }
        }
        return new Evaluation.CvResult(oof, labels(rows));
    }

    /** Fold of each row: positives and negatives shuffled separately and dealt round-robin (stratified). */
    static int[] stratifiedFolds(List<Row> rows, Random random) {
        int[] fold = new int[rows.size()];
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).positive() == cls) {
                    idx.add(i);
                }
            }
            java.util.Collections.shuffle(idx, random);
            for (int j = 0; j < idx.size(); j++) {
                fold[idx.get(j)] = j % FOLDS;
            }
        }
        return fold;
    }

    static LinearSGDModel fit(List<Row> rows, int[] inputs, Standardiser scaler, long seed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("survey lung cancer.csv", factory), factory);
        for (Row row : rows) {
            data.add(scaler.example(row, inputs));
        }
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, -1, 1, seed);
        return (LinearSGDModel) trainer.train(data);
    }

    static double probability(LinearSGDModel model, ArrayExample<Label> example) {
        Prediction<Label> p = model.predict(example);
        return p.getOutputScores().get(POSITIVE).getScore();
    }

    /** Feature names sort in input order (Tribuo orders features by name; the ONNX input follows that order). */
    static String featureName(int input) {
        return String.format(Locale.ROOT, "x%02d_%s", input, LungRiskEncoding.INPUTS.get(input));
    }

    /** Mean and (population) standard deviation of each input over the training rows. */
    record Standardiser(int[] inputs, double[] mean, double[] sd) {

        static Standardiser fit(List<Row> rows, int[] inputs) {
            double[] mean = new double[inputs.length];
            double[] sd = new double[inputs.length];
            for (int j = 0; j < inputs.length; j++) {
                double s = 0;
                for (Row r : rows) {
                    s += r.x()[inputs[j]];
                }
                mean[j] = s / rows.size();
                double v = 0;
                for (Row r : rows) {
                    v += Math.pow(r.x()[inputs[j]] - mean[j], 2);
                }
                sd[j] = Math.sqrt(v / rows.size());
                if (sd[j] == 0) {
                    sd[j] = 1;
                }
            }
            return new Standardiser(inputs, mean, sd);
        }

        ArrayExample<Label> example(Row row, int[] which) {
            String[] names = new String[which.length];
            double[] values = new double[which.length];
            for (int j = 0; j < which.length; j++) {
                names[j] = featureName(which[j]);
                values[j] = (row.x()[which[j]] - mean[j]) / sd[j];
            }
            return new ArrayExample<>(new Label(row.positive() ? POSITIVE : "NO"), names, values);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
