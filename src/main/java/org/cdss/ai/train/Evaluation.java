package org.cdss.ai.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Metrics of out-of-fold probabilities: AUC (with a bootstrap CI), balanced accuracy, sensitivity, specificity. */
final class Evaluation {

    private Evaluation() {}

    /** Out-of-fold probabilities per repeat ({@code oof[repeat][row]}) and the labels. */
    record CvResult(double[][] oof, boolean[] y) {

        /** Each row's probability averaged over the repeats. */
        double[] meanOof() {
            double[] m = new double[y.length];
            for (double[] repeat : oof) {
                for (int i = 0; i < m.length; i++) {
                    m[i] += repeat[i] / oof.length;
                }
            }
            return m;
        }

        double meanAuc() {
            return Arrays.stream(oof).mapToDouble(p -> auc(p, y)).average().orElseThrow();
        }
    }

    /**
     * The card's metrics: AUC (mean over repeats of the pooled out-of-fold AUC, its range over repeats, and a 95 %
     * percentile bootstrap CI over rows of the repeat-averaged predictions), and at {@code threshold} the mean over
     * repeats of sensitivity, specificity and balanced accuracy.
     */
    static Map<String, Object> summary(CvResult cv, boolean[] y, double threshold, long seed) {
        double[] aucs = Arrays.stream(cv.oof()).mapToDouble(p -> auc(p, y)).toArray();
        double[] mean = cv.meanOof();
        double[] boot = new double[LungRiskTrainer.BOOTSTRAP];
        Random random = new Random(seed);
        for (int b = 0; b < boot.length; b++) {
            double[] p = new double[y.length];
            boolean[] yy = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                int j = random.nextInt(y.length);
                p[i] = mean[j];
                yy[i] = y[j];
            }
            boot[b] = auc(p, yy);
        }
        Arrays.sort(boot);
        double sens = 0;
        double spec = 0;
        for (double[] p : cv.oof()) {
            double[] ss = sensSpec(p, y, threshold);
            sens += ss[0] / cv.oof().length;
            spec += ss[1] / cv.oof().length;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auc", round(Arrays.stream(aucs).average().orElseThrow()));
        m.put(
                "aucCi95",
                List.of(round(boot[(int) (0.025 * boot.length)]), round(boot[(int) (0.975 * boot.length) - 1])));
        m.put(
                "aucRangeOverRepeats",
                List.of(
                        round(Arrays.stream(aucs).min().orElseThrow()),
                        round(Arrays.stream(aucs).max().orElseThrow())));
        m.put("threshold", round(threshold));
        m.put("sensitivity", round(sens));
        m.put("specificity", round(spec));
        m.put("balancedAccuracy", round((sens + spec) / 2));
        return m;
    }

    /** Area under the ROC curve (Mann–Whitney, ties count one half). */
    static double auc(double[] p, boolean[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < p.length; i++) {
            if (!y[i]) {
                continue;
            }
            for (int j = 0; j < p.length; j++) {
                if (y[j]) {
                    continue;
                }
                pairs++;
                wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? 0.5 : wins / pairs;
    }

    static double[] sensSpec(double[] p, boolean[] y, double threshold) {
        int tp = 0;
        int fn = 0;
        int tn = 0;
        int fp = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] >= threshold;
            if (y[i]) {
                if (predicted) tp++;
                else fn++;
            } else if (predicted) fp++;
            else tn++;
        }
        return new double[] {tp + fn == 0 ? 0 : (double) tp / (tp + fn), tn + fp == 0 ? 0 : (double) tn / (tn + fp)};
    }

    /** The cut-off among the predicted values that maximises sensitivity + specificity − 1 (Youden's J). */
    static double youdenThreshold(double[] p, boolean[] y) {
        double best = 0.5;
        double bestJ = -1;
        for (double t : distinctSorted(p)) {
            double[] ss = sensSpec(p, y, t);
            double j = ss[0] + ss[1] - 1;
            if (j > bestJ + 1e-12) {
                bestJ = j;
                best = t;
            }
        }
        return best;
    }

    /** The lowest cut-off with at least the given specificity. */
    static double thresholdForSpecificity(double[] p, boolean[] y, double wanted) {
        for (double t : distinctSorted(p)) {
            if (sensSpec(p, y, t)[1] >= wanted) {
                return t;
            }
        }
        return 1.0;
    }

    /** The highest cut-off that still keeps at least the given sensitivity. */
    static double thresholdForSensitivity(double[] p, boolean[] y, double wanted) {
        double[] ts = distinctSorted(p);
        for (int i = ts.length - 1; i >= 0; i--) {
            if (sensSpec(p, y, ts[i])[0] >= wanted) {
                return ts[i];
            }
        }
        return 0.0;
    }

    private static double[] distinctSorted(double[] p) {
        return Arrays.stream(p).distinct().sorted().toArray();
    }

    /** Reliability bins of equal width: predicted mean vs observed positive rate, with counts. */
    static List<Map<String, Object>> calibration(double[] p, boolean[] y, int bins) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double lo = (double) b / bins;
            double hi = (double) (b + 1) / bins;
            int n = 0;
            int pos = 0;
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= lo && (p[i] < hi || (b == bins - 1 && p[i] <= hi))) {
                    n++;
                    sum += p[i];
                    pos += y[i] ? 1 : 0;
                }
            }
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("from", round(lo));
            bin.put("to", round(hi));
            bin.put("count", n);
            bin.put("meanPredicted", n == 0 ? null : round(sum / n));
            bin.put("observedRate", n == 0 ? null : round((double) pos / n));
            out.add(bin);
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
