package org.cdss.ai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a model card must contain (issue 12 item 1), and whether it agrees with its model: the problems found, empty
 * when the card is valid. The registry loads no model whose card has a problem.
 */
final class ModelCards {

    static final List<String> REQUIRED_TEXT =
            List.of("id", "version", "task", "backend", "modelFile", "sha256", "status", "statusText");
    static final List<String> REQUIRED_OBJECTS = List.of(
            "intendedUse",
            "inputTensor",
            "outputs",
            "preprocessing",
            "postprocessing",
            "trainingData",
            "evaluation",
            "producedBy");
    static final List<String> STATUSES = List.of("RESEARCH_USE_ONLY", "NOT_FOR_CLINICAL_DECISION");

    private ModelCards() {}

    /** Problems of the card on its own (fields, types, values). */
    static List<String> validate(JsonNode card) {
        List<String> problems = new ArrayList<>();
        for (String field : REQUIRED_TEXT) {
            if (!card.path(field).isString() || card.path(field).asString().isBlank()) {
                problems.add("'" + field + "' missing or not text");
            }
        }
        for (String field : REQUIRED_OBJECTS) {
            if (!card.path(field).isObject()) {
                problems.add("'" + field + "' missing or not an object");
            }
        }
        if (card.path("id").isString() && !card.path("id").asString().matches("[a-z0-9][a-z0-9-]{0,59}")) {
            problems.add("'id' must be lower-case letters, digits and dashes");
        }
        if (card.path("sha256").isString() && !card.path("sha256").asString().matches("[0-9a-f]{64}")) {
            problems.add("'sha256' is not a SHA-256 in hex");
        }
        if (card.path("status").isString()
                && !STATUSES.contains(card.path("status").asString())) {
            problems.add("'status' must be one of " + STATUSES);
        }
        if (!card.path("inputs").isArray() || card.path("inputs").isEmpty()) {
            problems.add("'inputs' missing or empty");
        } else {
            for (JsonNode in : card.path("inputs")) {
                if (!in.path("name").isString() || !in.path("type").isString()) {
                    problems.add("every input needs 'name' and 'type'");
                    break;
                }
            }
        }
        if (!card.path("limitations").isArray() || card.path("limitations").isEmpty()) {
            problems.add("'limitations' missing or empty");
        }
        JsonNode evaluation = card.path("evaluation");
        if (evaluation.isObject()
                && (!evaluation.path("method").isString()
                        || !evaluation.path("metrics").isObject())) {
            problems.add("'evaluation' needs 'method' and 'metrics'");
        }
        JsonNode data = card.path("trainingData");
        for (String field : List.of("source", "licence", "size", "knownBiases")) {
            if (data.isObject() && data.path(field).isMissingNode()) {
                problems.add("'trainingData." + field + "' missing");
            }
        }
        JsonNode produced = card.path("producedBy");
        if (produced.isObject()
                && (!produced.path("date").isString()
                        || !produced.path("command").isString())) {
            problems.add("'producedBy' needs 'date' and 'command'");
        }
        if (!card.path("inputTensor").path("name").isString()
                || !card.path("outputs").path("tensor").isString()) {
            problems.add("'inputTensor.name' and 'outputs.tensor' are required");
        }
        JsonNode inputs = card.path("inputs");
        boolean standardised = false;
        for (JsonNode in : inputs) {
            standardised |= in.has("trainingMean") || in.has("trainingSd");
        }
        for (JsonNode in : inputs) {
            // the pre-processing reads these: a missing one would silently be 0 (a mean) or 1 (an SD)
            if (standardised
                    && (!in.path("trainingMean").isNumber()
                            || !in.path("trainingSd").isNumber()
                            || in.path("trainingSd").asDouble() <= 0)) {
                problems.add("every input of a standardised model needs a numeric 'trainingMean' and a positive"
                        + " 'trainingSd'");
                break;
            }
        }
        for (JsonNode in : inputs) {
            // a number the model was trained on within a range: outside it the result is an extrapolation
            JsonNode range = in.path("trainingRange");
            if (List.of("integer", "number").contains(in.path("type").asString(""))
                    && !(range.isArray()
                            && range.size() == 2
                            && range.get(0).isNumber()
                            && range.get(1).isNumber()
                            && range.get(0).asDouble() <= range.get(1).asDouble())) {
                problems.add("numeric input '" + in.path("name").asString("") + "' needs 'trainingRange' [min, max]");
            }
        }
        JsonNode order = card.path("preprocessing").path("order");
        if (order.isArray() && inputs.isArray()) {
            List<String> declared = new ArrayList<>();
            inputs.forEach(in -> declared.add(in.path("name").asString("")));
            List<String> ordered = new ArrayList<>();
            order.forEach(n -> ordered.add(n.asString("")));
            if (!declared.equals(ordered)) {
                problems.add("'preprocessing.order' differs from the order of 'inputs'");
            }
        }
        JsonNode outputs = card.path("outputs");
        if (outputs.has("labels")
                && (!outputs.path("positiveIndex").isInt()
                        || !outputs.path("thresholds").path("medium").isNumber()
                        || !outputs.path("thresholds").path("decision").isNumber())) {
            // without positiveIndex the probability read would be class 0's: the risk of NOT having the disease
            problems.add("a classifier's 'outputs' needs an integer 'positiveIndex' and numeric 'thresholds.medium'"
                    + " and 'thresholds.decision'");
        }
        return problems;
    }

    /**
     * Problems of the card against the opened model: the declared input and output tensors exist, and the input
     * tensor's last dimension equals the number of declared inputs (when the card declares a vector input).
     */
    static List<String> matches(JsonNode card, InferenceBackend.Session session) {
        List<String> problems = new ArrayList<>();
        String input = card.path("inputTensor").path("name").asString();
        String output = card.path("outputs").path("tensor").asString();
        var in = session.inputs().stream().filter(t -> t.name().equals(input)).findFirst();
        if (in.isEmpty()) {
            problems.add("the model has no input '" + input + "' (it has "
                    + session.inputs().stream()
                            .map(InferenceBackend.TensorInfo::name)
                            .toList() + ")");
        }
        if (session.outputs().stream().noneMatch(t -> t.name().equals(output))) {
            problems.add("the model has no output '" + output + "'");
        }
        JsonNode shape = card.path("inputTensor").path("shape");
        if (in.isPresent()
                && shape.isArray()
                && shape.size() == 2
                && !in.get().shape().isEmpty()) {
            long declared = card.path("inputs").size();
            long actual = in.get().shape().getLast();
            if (actual > 0 && actual != declared) {
                problems.add("the card declares " + declared + " inputs, the model takes " + actual);
            }
        }
        return problems;
    }
}
