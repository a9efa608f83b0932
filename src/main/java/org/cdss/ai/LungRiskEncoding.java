package org.cdss.ai;

import java.util.List;

/**
 * The fifteen inputs of the lung-cancer risk model in the model's order, and the survey's encoding that the model's
 * pre-processing keeps (declared in its card): sex as 1 = male, 2 = female; age in years; each symptom or exposure
 * as 2 = yes, 1 = no. The API takes booleans and a sex code; {@link #raw} turns them into the survey's codes, which
 * the card's standardisation (training mean and standard deviation per input) then scales.
 */
public final class LungRiskEncoding {

    /** Input names, in the order of the model's input vector. */
    public static final List<String> INPUTS = List.of(
            "sex",
            "age",
            "smoking",
            "yellowFingers",
            "anxiety",
            "peerPressure",
            "chronicDisease",
            "fatigue",
            "allergy",
            "wheezing",
            "alcoholConsuming",
            "coughing",
            "shortnessOfBreath",
            "swallowingDifficulty",
            "chestPain");

    /** The survey's column header for each input, same order (note the trailing spaces of two headers). */
    public static final List<String> SURVEY_COLUMNS = List.of(
            "GENDER",
            "AGE",
            "SMOKING",
            "YELLOW_FINGERS",
            "ANXIETY",
            "PEER_PRESSURE",
            "CHRONIC DISEASE",
            "FATIGUE ",
            "ALLERGY ",
            "WHEEZING",
            "ALCOHOL CONSUMING",
            "COUGHING",
            "SHORTNESS OF BREATH",
            "SWALLOWING DIFFICULTY",
            "CHEST PAIN");

    public static final int SEX_MALE = 1;
    public static final int SEX_FEMALE = 2;
    public static final int YES = 2;
    public static final int NO = 1;

    private LungRiskEncoding() {}

    /** The survey-coded vector: sex code, age, then 2/1 for each of the 13 yes/no inputs (in {@link #INPUTS} order). */
    public static double[] raw(int sexCode, int age, boolean[] symptoms) {
        if (symptoms.length != INPUTS.size() - 2) {
            throw new IllegalArgumentException("13 symptoms expected");
        }
        double[] x = new double[INPUTS.size()];
        x[0] = sexCode;
        x[1] = age;
        for (int i = 0; i < symptoms.length; i++) {
            x[i + 2] = symptoms[i] ? YES : NO;
        }
        return x;
    }
}
