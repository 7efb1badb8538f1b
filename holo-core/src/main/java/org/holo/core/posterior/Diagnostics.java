package org.holo.core.posterior;

import java.util.Arrays;

/**
 * Convergence diagnostics of several chains of one scalar (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4–11.5):
 * split R-hat and the multi-chain effective sample size with Geyer's initial monotone sequence; and quantiles.
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /**
     * Split R-hat: each chain cut into halves, then √(var⁺/W) with W the mean within-half variance and
     * var⁺ = (n−1)/n W + B/n. ≈ 1 for chains that sample one distribution; above 1.01 they disagree.
     */
    public static double splitRhat(double[][] chains) {
        double[][] halves = split(chains);
        int n = halves[0].length;
        int m = halves.length;
        double[] means = new double[m];
        double w = 0.0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(halves[c]);
            w += variance(halves[c], means[c]) / m;
        }
        double grand = mean(means);
        double b = 0.0;
        for (double mc : means) {
            b += (mc - grand) * (mc - grand);
        }
        b *= (double) n / (m - 1);
        double varPlus = (n - 1.0) / n * w + b / n;
        if (w == 0.0) {
            return varPlus == 0.0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(varPlus / w);
    }

    /**
     * Effective sample size over all chains (split in halves, BDA3 eq. 11.7–11.8): ρ_t = 1 − (W − mean autocovariance
     * at lag t)/var⁺, summed in pairs while the pair sums stay positive and made monotone (Geyer 1992);
     * ESS = m n / (−1 + 2 Σ pair sums). For independent draws ≈ m n; for an AR(1) chain ≈ m n (1 − φ)/(1 + φ).
     */
    public static double effectiveSampleSize(double[][] chains) {
        double[][] halves = split(chains);
        int m = halves.length;
        int n = halves[0].length;
        if (n < 4) {
            return Double.NaN;
        }
        double[] means = new double[m];
        double[] vars = new double[m];
        double w = 0.0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(halves[c]);
            vars[c] = variance(halves[c], means[c]);
            w += vars[c] / m;
        }
        double grand = mean(means);
        double b = 0.0;
        for (double mc : means) {
            b += (mc - grand) * (mc - grand);
        }
        b *= m > 1 ? (double) n / (m - 1) : 0.0;
        double varPlus = (n - 1.0) / n * w + (m > 1 ? b / n : 0.0);
        if (!(varPlus > 0.0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        for (int t = 0; t < n; t++) {
            double acov = 0.0;
            for (int c = 0; c < m; c++) {
                double s = 0.0;
                for (int i = 0; i + t < n; i++) {
                    s += (halves[c][i] - means[c]) * (halves[c][i + t] - means[c]);
                }
                acov += s / n / m; // biased autocovariance, as in Geyer's estimator
            }
            // within-chain autocorrelation: acov at lag 0 is (n−1)/n · W
            rho[t] = 1.0 - (w - acov) / varPlus;
            if (t == 0) {
                rho[0] = 1.0 - (w - (n - 1.0) / n * w) / varPlus;
            }
        }
        double tau = -1.0;
        double previous = Double.POSITIVE_INFINITY;
        for (int t = 0; t + 1 < n; t += 2) {
            double pair = rho[t] + rho[t + 1];
            if (!(pair > 0.0)) {
                break;
            }
            pair = Math.min(pair, previous);
            previous = pair;
            tau += 2.0 * pair;
        }
        return m * n / Math.max(tau, 1.0 / StrictMath.log10(Math.max(10.0, m * n)));
    }

    /**
     * Quantile p ∈ [0, 1] of ascending sorted values: linear interpolation between order statistics, Hyndman–Fan
     * type 7 (R's default, numpy's "linear"); NaN for no values. The ensembles' statistics use it too.
     */
    public static double quantile(double[] sorted, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("quantile probability must lie in [0, 1], got " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    public static double[] sorted(double[][] chains) {
        int total = 0;
        for (double[] c : chains) {
            total += c.length;
        }
        double[] all = new double[total];
        int k = 0;
        for (double[] c : chains) {
            System.arraycopy(c, 0, all, k, c.length);
            k += c.length;
        }
        Arrays.sort(all);
        return all;
    }

    public static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0.0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }

    private static double[][] split(double[][] chains) {
        int n = chains[0].length / 2;
        double[][] halves = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            int len = chains[c].length;
            halves[2 * c] = Arrays.copyOfRange(chains[c], 0, n);
            halves[2 * c + 1] = Arrays.copyOfRange(chains[c], len - n, len);
        }
        return halves;
    }
}
