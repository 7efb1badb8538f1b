package org.holo.train.ensemble;

import java.util.List;

/**
 * The spread of h(η) over the converged members of an ensemble, per layer: mean, standard deviation and the
 * 16 / 50 / 84 % quantiles (the ±1σ band of a normal distribution). Written as ensemble.csv with the columns
 * {@link #COLUMNS}; the report package exports it and draws it as a shaded band (q16 … q84) on the h(η) plot.
 */
public record MetricBand(double[] eta, double[] mean, double[] std, double[] q16, double[] median, double[] q84,
                         int members) {

    /** The columns of ensemble.csv and of the exported band, in this order. */
    public static final List<String> COLUMNS = List.of("eta", "h_mean", "h_std", "h_q16", "h_median", "h_q84");

    public MetricBand {
        int n = eta.length;
        for (double[] a : new double[][] {mean, std, q16, median, q84}) {
            if (a.length != n) {
                throw new IllegalArgumentException("band columns differ in length");
            }
        }
    }

    /** The columns in the order of {@link #COLUMNS}. */
    public List<double[]> columns() {
        return List.of(eta, mean, std, q16, median, q84);
    }
}
