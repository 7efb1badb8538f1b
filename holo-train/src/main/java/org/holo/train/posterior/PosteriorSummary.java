package org.holo.train.posterior;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.posterior.Coordinates;
import org.holo.core.posterior.Diagnostics;
import org.holo.core.posterior.Hmc;
import org.holo.core.posterior.Laplace;
import org.holo.core.posterior.Sampling;

/**
 * What the draws say: per layer the posterior of h(η_i) (mean and the 2.5, 16, 50, 84, 97.5 % quantiles of the
 * pooled draws), the same for L (GeV⁻¹) and λ when they are sampled, ESS and split R-hat of each, and the
 * Laplace approximation of the first start as a Gaussian (for L: log-normal, since log L is the coordinate).
 */
public record PosteriorSummary(double[] eta, List<Row> h, List<Row> scalars, List<Row> laplaceH, List<Row> laplaceScalars) {

    public static final double[] PROBABILITIES = {0.025, 0.16, 0.5, 0.84, 0.975};
    /** Standard normal quantiles of {@link #PROBABILITIES} (97.5 % and 84 %, as the bands are usually drawn: ±1.96σ, ±0.994σ). */
    static final double[] NORMAL = {-1.959963984540054, -0.994457883209753, 0.0, 0.994457883209753, 1.959963984540054};

    /** One quantity: name, mean (the mode for a Laplace row), sd, the quantiles of {@link #PROBABILITIES}, ESS, R-hat. */
    public record Row(String name, double mean, double sd, double[] quantiles, double ess, double rhat) {
        public double q(int k) {
            return quantiles[k];
        }
    }

    public static PosteriorSummary of(Coordinates c, Sampling.Result r) {
        HolographicNetwork net = c.network();
        int layers = net.grid().layers();
        int chains = r.chains().size();
        // h at every layer for every draw, per chain
        double[][][] h = new double[layers][chains][];
        for (int k = 0; k < chains; k++) {
            double[][] d = r.chains().get(k).draws();
            for (int i = 0; i < layers; i++) {
                h[i][k] = new double[d.length];
            }
            for (int j = 0; j < d.length; j++) {
                double[] hl = net.metricAtLayers(c.params(d[j]));
                for (int i = 0; i < layers; i++) {
                    h[i][k][j] = hl[i];
                }
            }
        }
        List<Row> hRows = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            hRows.add(row("h_" + i, h[i]));
        }
        List<Row> scalars = new ArrayList<>();
        if (c.radiusCoordinate() >= 0) {
            double[][] u = r.coordinate(c.radiusCoordinate());
            for (double[] chain : u) {
                for (int j = 0; j < chain.length; j++) {
                    chain[j] = StrictMath.exp(chain[j]);
                }
            }
            scalars.add(row("L", u));
        }
        if (c.lambdaCoordinate() >= 0) {
            scalars.add(row("lambda", r.coordinate(c.lambdaCoordinate())));
        }
        Laplace.Result l = r.laplace().get(0);
        double[] mode = c.params(l.mode());
        double[] hMode = net.metricAtLayers(mode);
        List<Row> lh = new ArrayList<>();
        int size = net.layout().size();
        for (int i = 0; i < layers; i++) {
            double[] g = new double[size];
            net.metric().layerValueBackward(mode, net.metricOffset(), i, 1.0, g);
            double[] j = new double[c.dimension()];
            c.pullBack(mode, g, j);
            double var = 0.0;
            for (int a = 0; a < j.length; a++) {
                for (int b = 0; b < j.length; b++) {
                    var += j[a] * l.covariance()[a][b] * j[b];
                }
            }
            lh.add(gaussian("h_" + i, hMode[i], Math.sqrt(var), false));
        }
        List<Row> ls = new ArrayList<>();
        if (c.radiusCoordinate() >= 0) {
            int k = c.radiusCoordinate();
            ls.add(gaussian("L", l.mode()[k], l.sd(k), true));
        }
        if (c.lambdaCoordinate() >= 0) {
            int k = c.lambdaCoordinate();
            ls.add(gaussian("lambda", l.mode()[k], l.sd(k), false));
        }
        return new PosteriorSummary(net.grid().layerEtas(), List.copyOf(hRows), List.copyOf(scalars), List.copyOf(lh), List.copyOf(ls));
    }

    static Row row(String name, double[][] chains) {
        double[] sorted = Diagnostics.sorted(chains);
        double[] q = new double[PROBABILITIES.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = Diagnostics.quantile(sorted, PROBABILITIES[k]);
        }
        double mean = Diagnostics.mean(sorted);
        double ss = 0.0;
        for (double v : sorted) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, sorted.length - 1));
        return new Row(name, mean, sd, q, Diagnostics.effectiveSampleSize(chains), Diagnostics.splitRhat(chains));
    }

    /** A Gaussian row (mode ± quantiles), or for a log coordinate the log-normal's quantiles and sd of log L. */
    static Row gaussian(String name, double mode, double sd, boolean log) {
        double[] q = new double[NORMAL.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = log ? StrictMath.exp(mode + NORMAL[k] * sd) : mode + NORMAL[k] * sd;
        }
        return new Row(name, log ? StrictMath.exp(mode) : mode, sd, q, Double.NaN, Double.NaN);
    }

    /** The largest split R-hat and the smallest ESS over h, L and λ. */
    public double maxRhat() {
        double m = 0.0;
        for (Row r : all()) {
            m = Math.max(m, r.rhat());
        }
        return m;
    }

    public double minEss() {
        double m = Double.POSITIVE_INFINITY;
        for (Row r : all()) {
            m = Math.min(m, r.ess());
        }
        return m;
    }

    private List<Row> all() {
        List<Row> a = new ArrayList<>(h);
        a.addAll(scalars);
        return a;
    }

    /** Mean acceptance of each chain. */
    public static double[] acceptance(Sampling.Result r) {
        return r.chains().stream().mapToDouble(Hmc.Chain::acceptance).toArray();
    }
}
