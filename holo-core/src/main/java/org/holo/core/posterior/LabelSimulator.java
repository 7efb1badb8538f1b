package org.holo.core.posterior;

import org.holo.core.loss.BernoulliLoss;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;

/**
 * Data from the Bernoulli label model, for calibration: inputs uniform in a box of the boundary map's columns
 * (as the data sources draw their negatives), labels y ~ Bernoulli(κ + (1 − 2κ) t(F_true)).
 */
public final class LabelSimulator {

    private LabelSimulator() {
    }

    /**
     * n points with x0 uniform in [x0Range], x1 uniform in [x1Range] and labels from the model at {@code params};
     * per point: two uniforms for the input, one for the label. Null when F is not finite at some input (the
     * field overflowed): the posterior gives such parameters no mass, so a calibration must draw its truth again
     * (it then samples the prior restricted to where the network is finite on the data, as the posterior sees it).
     */
    public static Batch simulate(HolographicNetwork network, double[] params, BernoulliLoss model, int n,
                                 double[] x0Range, double[] x1Range, Draws draws) {
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        double[] f = new double[n];
        for (int b = 0; b < n; b++) {
            x0[b] = x0Range[0] + (x0Range[1] - x0Range[0]) * draws.uniform();
            x1[b] = x1Range[0] + (x1Range[1] - x1Range[0]) * draws.uniform();
        }
        network.horizonValues(params, x0, x1, n, f, new HolographicNetwork.Workspace(network, n));
        for (int b = 0; b < n; b++) {
            if (!Double.isFinite(f[b])) {
                return null;
            }
        }
        double[] pair = new double[2];
        for (int b = 0; b < n; b++) {
            network.output().evaluate(f[b], pair);
            y[b] = draws.uniform() < model.probability(pair[0]) ? 1.0 : 0.0;
        }
        return Batch.of(x0, x1, y);
    }
}
