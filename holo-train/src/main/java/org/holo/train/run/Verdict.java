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

    public static Verdict judge(HolographicNetwork network, double[] params, double initialRadius, LabelledData data,
                                double finalLoss, double threshold, String stopReason) {
        double[] f = new double[data.size()];
        double[] x0 = new double[data.size()];
        double[] x1 = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            x0[i] = data.x0(i);
            x1[i] = data.x1(i);
        }
        network.horizonValues(params, x0, x1, data.size(), f, new HolographicNetwork.Workspace(network, 1));
        int correct = 0;
        int saidPositive = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean positive = network.output().value(f[i]) < 0.5;
            if (positive) {
                saidPositive++;
            }
            if (positive == (data.label(i) == 0.0)) {
                correct++;
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
