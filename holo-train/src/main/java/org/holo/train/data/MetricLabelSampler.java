package org.holo.train.data;

import org.holo.core.data.LabelledData;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.random.Rng;

/**
 * physics.md §6.2: raw boundary data (φ, π) uniform in a box, labelled by the true network (the exact metric
 * at the layer map's nodes): positive when |F| &lt; threshold. Draws until both classes are full.
 */
public final class MetricLabelSampler {

    private final HolographicNetwork network;
    private final double[] trueParams;
    private final double[] phiRange;
    private final double[] piRange;
    private final double threshold;

    public MetricLabelSampler(HolographicNetwork network, double[] trueParams, double[] phiRange, double[] piRange,
                              double threshold) {
        this.network = network;
        this.trueParams = trueParams.clone();
        this.phiRange = phiRange.clone();
        this.piRange = piRange.clone();
        this.threshold = threshold;
    }

    public LabelledData sample(int positives, int negatives, Rng rng) {
        int total = positives + negatives;
        double[] x0 = new double[total];
        double[] x1 = new double[total];
        double[] y = new double[total];
        HolographicNetwork.Workspace ws = new HolographicNetwork.Workspace(network, 1);
        double[] in0 = new double[1];
        double[] in1 = new double[1];
        double[] f = new double[1];
        int pos = 0;
        int neg = 0;
        long draws = 0;
        long maxDraws = 10_000L * total + 1_000_000L;
        while (pos < positives || neg < negatives) {
            if (++draws > maxDraws) {
                throw new IllegalArgumentException("the metric sampler drew " + maxDraws + " points and found only " + pos
                        + " positives and " + neg + " negatives: widen the sampling box or the threshold");
            }
            in0[0] = rng.uniform(phiRange[0], phiRange[1]);
            in1[0] = rng.uniform(piRange[0], piRange[1]);
            network.horizonValues(trueParams, in0, in1, 1, f, ws);
            boolean positive = Math.abs(f[0]) < threshold;
            if (positive && pos < positives) {
                x0[pos] = in0[0];
                x1[pos] = in1[0];
                y[pos] = 0.0;
                pos++;
            } else if (!positive && neg < negatives) {
                int i = positives + neg;
                x0[i] = in0[0];
                x1[i] = in1[0];
                y[i] = 1.0;
                neg++;
            }
        }
        return new LabelledData(network.boundary().inputColumns(), x0, x1, y);
    }
}
