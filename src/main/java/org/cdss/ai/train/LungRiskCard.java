package org.cdss.ai.train;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdss.ai.LungRiskEncoding;

/** The model card of the lung-cancer risk model, as the trainer writes it (fields: see the ai module's README part). */
final class LungRiskCard {

    private LungRiskCard() {}

    /** A map that keeps the given order (the card's JSON must be the same bytes on every run). */
    static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("ParameterNumber")
    static Map<String, Object> build(
            LocalDate date,
            String sha256,
            LungRiskTrainer.Standardiser scaler,
            int[] trainingAges,
            int positiveIndex,
            int surveyRows,
            int rows,
            long positives,
            Map<String, Object> metrics,
            List<Map<String, Object>> calibration,
            Map<String, Object> bestSingle,
            List<Map<String, Object>> singles,
            double medium,
            double threshold) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", "lung-risk");
        card.put("version", "1.0.0");
        card.put("name", "Lung-cancer risk (survey logistic regression)");
        card.put("task", "binary classification: probability that the survey respondent reported lung cancer");
        card.put("backend", "onnxruntime");
        card.put("modelFile", "model.onnx");
        card.put("sha256", sha256);
        card.put("status", "RESEARCH_USE_ONLY");
        card.put(
                "statusText",
                "Research and demonstration only, not for clinical decisions: trained on a small public"
                        + " online survey, not validated on patients.");
        card.put(
                "intendedUse",
                m(
                        "purpose", "demonstrate traceable AI suggestions in CDSS with an honest tabular model",
                        "users", List.of("doctors", "nurses"),
                        "notFor",
                                List.of(
                                        "diagnosis",
                                        "screening decisions",
                                        "triage",
                                        "use on patients outside research")));
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < LungRiskEncoding.INPUTS.size(); i++) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", LungRiskEncoding.INPUTS.get(i));
            in.put("surveyColumn", LungRiskEncoding.SURVEY_COLUMNS.get(i).strip());
            if (i == 0) {
                in.put("type", "code");
                in.put("allowed", List.of(1, 2));
                in.put("encoding", "1 = male, 2 = female (survey GENDER M/F)");
            } else if (i == 1) {
                in.put("type", "integer");
                in.put("unit", "years");
                in.put("range", List.of(0, 120));
                in.put("trainingRange", List.of(trainingAges[0], trainingAges[1]));
                in.put("encoding", "as is; a patient outside the training range is refused");
            } else {
                in.put("type", "boolean");
                in.put("encoding", "yes = 2, no = 1 (survey coding)");
            }
            in.put("trainingMean", Evaluation.round(scaler.mean()[i]));
            in.put("trainingSd", Evaluation.round(scaler.sd()[i]));
            inputs.add(in);
        }
        card.put("inputs", inputs);
        card.put("inputTensor", m("name", "input", "shape", List.of(-1, LungRiskEncoding.INPUTS.size())));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("tensor", "output");
        outputs.put("positiveIndex", positiveIndex);
        outputs.put("labels", positiveIndex == 1 ? List.of("NO", "YES") : List.of("YES", "NO"));
        outputs.put(
                "scoreMeaning",
                "probability of LUNG_CANCER = YES among survey respondents like this one (the"
                        + " survey is 86 % positive: it is not a population risk)");
        outputs.put("thresholds", m("medium", Evaluation.round(medium), "decision", Evaluation.round(threshold)));
        outputs.put(
                "bands",
                List.of(
                        m("band", "LOW", "rule", "p < medium threshold"),
                        m("band", "MEDIUM", "rule", "medium threshold ≤ p < decision threshold"),
                        m("band", "HIGH", "rule", "p ≥ decision threshold")));
        outputs.put(
                "bandJustification",
                "The seed's fixed bands (high ≥ 70 %, medium ≥ 40 %) would call almost every"
                        + " respondent high because 86 % of the survey is positive. HIGH starts at the decision threshold, which"
                        + " maximises Youden's J (sensitivity + specificity − 1) on the cross-validated predictions; MEDIUM"
                        + " starts at the highest probability that still keeps cross-validated sensitivity at 95 % (below it,"
                        + " LOW, few respondents with lung cancer remain). Both are chosen on the same data"
                        + " they are reported on, so they are optimistic.");
        card.put("outputs", outputs);
        card.put(
                "preprocessing",
                m(
                        "encoding",
                        "API booleans become the survey's 2 = yes / 1 = no, the sex code stays 1 = male /"
                                + " 2 = female, age is in years; each value is then standardised as (x − trainingMean) /"
                                + " trainingSd (population SD over the deduplicated survey)",
                        "order",
                        LungRiskEncoding.INPUTS));
        card.put(
                "postprocessing",
                m(
                        "probability",
                        "output[positiveIndex] (softmax of the two logits)",
                        "contributions",
                        "per input: logit(p) − logit(p with that input set to its training mean); for this"
                                + " linear model that is exactly coefficient × standardised value, computed by running the"
                                + " model, and the contributions plus the intercept sum to logit(p)"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "source",
                "'survey lung cancer.csv', a public online lung-cancer survey (Kaggle, via the seed project)");
        data.put("licence", "CC BY-NC-SA 4.0 (non-commercial)");
        data.put(
                "size",
                m(
                        "surveyRows", surveyRows,
                        "afterDeduplication", rows,
                        "duplicatesRemoved", surveyRows - rows,
                        "positive", positives,
                        "negative", rows - positives));
        data.put("dates", "collection dates are not stated by the source");
        data.put(
                "knownBiases",
                List.of(
                        "self-selected online respondents; 86 % report lung cancer (not a clinical prevalence)",
                        "ages 21–87, mostly over 50; no ethnicity or country information",
                        "symptoms self-reported as yes/no; no smoking intensity (pack-years)",
                        "small: " + (rows - positives) + " negative respondents after deduplication"));
        card.put("trainingData", data);
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put(
                "method",
                LungRiskTrainer.REPEATS + " × repeated stratified " + LungRiskTrainer.FOLDS
                        + "-fold cross-validation on the deduplicated rows (standardisation fitted inside each training fold),"
                        + " seed " + LungRiskTrainer.SEED
                        + "; AUC = mean over repeats of the pooled out-of-fold AUC, 95 % CI"
                        + " = percentile bootstrap (" + LungRiskTrainer.BOOTSTRAP + " resamples) of the repeat-averaged"
                        + " out-of-fold predictions; sensitivity, specificity and balanced accuracy at the decision threshold,"
                        + " mean over repeats");
        evaluation.put("metrics", metrics);
        evaluation.put("calibration", calibration);
        Map<String, Object> always = new LinkedHashMap<>();
        always.put("auc", 0.5);
        always.put("sensitivity", 1.0);
        always.put("specificity", 0.0);
        always.put("balancedAccuracy", 0.5);
        always.put("accuracy", Evaluation.round((double) positives / rows));
        Map<String, Object> baselines = new LinkedHashMap<>();
        baselines.put("alwaysPositive", always);
        baselines.put("bestSingleInput", bestSingle);
        baselines.put("singleInputs", singles);
        evaluation.put("baselines", baselines);
        card.put("evaluation", evaluation);
        card.put(
                "limitations",
                List.of(
                        "not a diagnostic or screening tool; the probability is not a risk for a patient population",
                        "threshold and bands tuned on the evaluation data (optimistic)",
                        "no external validation; survey answers are self-reported",
                        "non-commercial licence of the training data"));
        card.put(
                "producedBy",
                m(
                        "date",
                        date.toString(),
                        "command",
                        LungRiskTrainer.COMMAND,
                        "library",
                        "Tribuo 4.3.2 LinearSGDTrainer(LogMulticlass, AdaGrad(0.1, 0.1), " + LungRiskTrainer.EPOCHS
                                + " epochs, minibatch 1, seed " + LungRiskTrainer.SEED
                                + "), exported with tribuo-onnx"));
        return card;
    }
}
