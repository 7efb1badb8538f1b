package org.holo.train.data;

import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.train.random.Rng;

/**
 * physics.md §6.1: points (m_q, σ) uniform in a box; a point is positive when |σ − fit(m_q)| &lt; |ξ| with a
 * fresh ξ ~ Normal(0, noise²), otherwise negative. Draws until both classes are full; positives come first.
 */
public final class BandSampler {

    private final PolynomialFit fit;
    private final double[] xRange;
    private final double[] yRange;
    private final double noise;

    public BandSampler(PolynomialFit fit, double[] xRange, double[] yRange, double noise) {
        this.fit = fit;
        this.xRange = xRange.clone();
        this.yRange = yRange.clone();
        this.noise = noise;
    }

    public LabelledData sample(List<String> columns, int positives, int negatives, Rng rng) {
        int total = positives + negatives;
        double[] x0 = new double[total];
        double[] x1 = new double[total];
        double[] y = new double[total];
        int pos = 0;
        int neg = 0;
        long draws = 0;
        long maxDraws = 10_000L * total + 1_000_000L;
        while (pos < positives || neg < negatives) {
            if (++draws > maxDraws) {
                throw new IllegalArgumentException("the band sampler drew " + maxDraws + " points and found only " + pos
                        + " positives and " + neg + " negatives: the band does not intersect the sampling box");
            }
            double mq = rng.uniform(xRange[0], xRange[1]);
            double sigma = rng.uniform(yRange[0], yRange[1]);
            double xi = rng.gaussian(0.0, noise);
            boolean positive = Math.abs(sigma - fit.value(mq)) < Math.abs(xi);
            if (positive && pos < positives) {
                x0[pos] = mq;
                x1[pos] = sigma;
                y[pos] = 0.0;
                pos++;
            } else if (!positive && neg < negatives) {
                int i = positives + neg;
                x0[i] = mq;
                x1[i] = sigma;
                y[i] = 1.0;
                neg++;
            }
        }
        return new LabelledData(columns, x0, x1, y);
    }
}
