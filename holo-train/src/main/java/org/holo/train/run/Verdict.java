package org.holo.train.run;

import java.util.Locale;
import org.holo.core.data.LabelledData;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;

/**
 * Whether a run converged, and why not: a diverged run, or a final loss above the threshold, with the
 * known failure named when it is recognisable (L collapsed, the net answering "positive" everywhere).
 */
public record Verdict(boolean converged, String reason, double accuracy, double positiveFraction) {

    private static final int BLOCK = 4096;

    public static Verdict judge(HolographicNetwork network, double[] params, double initialRadius, LabelledData data,
                                double finalLoss, double threshold, String stopReason) {
        // in blocks: the outputs are per point, so copies of the whole data would only cost memory
        int block = Math.min(BLOCK, Math.max(1, data.size()));
        double[] f = new double[block];
        double[] x0 = new double[block];
        double[] x1 = new double[block];
        HolographicNetwork.Workspace ws = new HolographicNetwork.Workspace(network, 1);
        int correct = 0;
        int saidPositive = 0;
        for (int from = 0; from < data.size(); from += block) {
            int n = Math.min(block, data.size() - from);
            for (int k = 0; k < n; k++) {
                x0[k] = data.x0(from + k);
                x1[k] = data.x1(from + k);
            }
            network.horizonValues(params, x0, x1, n, f, ws);
            for (int k = 0; k < n; k++) {
                boolean positive = network.output().value(f[k]) < 0.5;
                if (positive) {
                    saidPositive++;
                }
                if (positive == (data.label(from + k) == 0.0)) {
                    correct++;
                }
            }
        }
        double accuracy = (double) correct / data.size();
        double positiveFraction = (double) saidPositive / data.size();
        if (stopReason != null) {
            return new Verdict(false, stopReason, accuracy, positiveFraction);
        }
        if (Double.isNaN(finalLoss) && stopReason == null) {
            return new Verdict(false, "no epoch was completed (training.epochs = 0?)", accuracy, positiveFraction);
        }
        if (!Double.isFinite(finalLoss)) {
            return new Verdict(false, "final loss is not finite (" + finalLoss + ")", accuracy, positiveFraction);
        }
        if (finalLoss > threshold) {
            StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
                    "final loss %.4g is above training.convergedLoss %.4g", finalLoss, threshold));
            if (positiveFraction > 0.9) {
                why.append(String.format(Locale.ROOT, "; the net answers 'positive' for %.1f%% of the data", 100 * positiveFraction));
                if (network.layout().has(ParameterLayout.RADIUS)) {
                    double radius = params[network.layout().offsetOf(ParameterLayout.RADIUS)];
                    why.append(String.format(Locale.ROOT, " and L went from %.3g to %.3g GeV^-1", initialRadius, radius));
                    if (radius < 0.5 * initialRadius) {
                        why.append(" (L collapsed towards 0, the known failure of the paper's recipe; training.restart removes it,"
                                + " see experiments/robust-qcd.json)");
                    }
                }
            }
            return new Verdict(false, why.toString(), accuracy, positiveFraction);
        }
        return new Verdict(true, null, accuracy, positiveFraction);
    }
}
