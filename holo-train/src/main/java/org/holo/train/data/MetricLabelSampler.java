package org.holo.train.data;

import org.holo.core.data.LabelledData;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.random.Rng;

/**
 * physics.md §6.2: raw boundary data (φ, π) uniform in a box, labelled by the true network (the exact metric
 * at the layer map's nodes). Two label models: {@code threshold}, positive when |F| &lt; threshold, drawing until
 * both classes are full; and {@code bernoulli}, the same points each labelled y ~ Bernoulli(t(F)) with the network's
 * output t (y = 1 negative), a generative model of the labels given the points, its uniforms from a stream of their own.
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

    /**
     * The points of {@link #sample} (drawn from {@code points} exactly as there: {@code positives} with |F| &lt;
     * threshold, {@code negatives} without, so that the points near the horizon condition are not rare), each then
     * labelled y = 1 with probability t(F_true) (a uniform from {@code labels} below t), in the same order. The points
     * were chosen by F alone, never by y, so y given the point is exactly Bernoulli(t(F_true)).
     */
    public LabelledData sampleBernoulli(int positives, int negatives, Rng points, Rng labels) {
        LabelledData drawn = sample(positives, negatives, points);
        int n = drawn.size();
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        HolographicNetwork.Workspace ws = new HolographicNetwork.Workspace(network, 1);
        double[] in0 = new double[1];
        double[] in1 = new double[1];
        double[] f = new double[1];
        int ones = 0;
        for (int i = 0; i < n; i++) {
            in0[0] = drawn.x0(i);
            in1[0] = drawn.x1(i);
            network.horizonValues(trueParams, in0, in1, 1, f, ws);
            double t = network.output().value(f[0]);
            x0[i] = in0[0];
            x1[i] = in1[0];
            y[i] = labels.nextDouble() < t ? 1.0 : 0.0;
            ones += (int) y[i];
        }
        if (ones == 0 || ones == n) {
            throw new IllegalArgumentException("data.labels bernoulli: all " + n + " labels came out " + (ones == 0 ? 0 : 1)
                    + ": the output bump (model.output) gives every point the same label");
        }
        return new LabelledData(network.boundary().inputColumns(), x0, x1, y);
    }
}
