package org.holo.train.report;

import java.util.List;

/**
 * The spread of h(η) over the members of an ensemble, per layer: mean, standard deviation and the 16 / 50 / 84 %
 * quantiles (the ±1σ band of a normal distribution). Exported as the table {@code metric_band} with columns
 * eta, h_mean, h_std, h_q16, h_median, h_q84, and drawn as a shaded band (q16 … q84) on the h(η) plot.
 *
 * <p>Ensembles are not produced yet: nothing in holo builds a MetricBand from run directories today. The type
 * and its export/plot paths exist so that the ensemble command only has to fill one in
 * ({@link RunReport#withBand}); they are exercised by the tests with a synthetic band.
 */
public record MetricBand(double[] eta, double[] mean, double[] std, double[] q16, double[] median, double[] q84,
                         int members) {

    public static final String TABLE = "metric_band";

    public MetricBand {
        int n = eta.length;
        for (double[] a : new double[][] {mean, std, q16, median, q84}) {
            if (a.length != n) {
                throw new IllegalArgumentException("band columns differ in length");
            }
        }
    }

    public Table toTable() {
        String of = " of h over the " + members + " ensemble members";
        return new Table(TABLE, "ensemble band of the emergent metric h(eta), one row per layer (boundary -> horizon)",
                List.of(new Column("eta", "radial coordinate eta of layer i", RunReport.ETA_UNIT, eta),
                        new Column("h_mean", "mean" + of, "1", mean),
                        new Column("h_std", "standard deviation" + of, "1", std),
                        new Column("h_q16", "16% quantile" + of, "1", q16),
                        new Column("h_median", "median" + of, "1", median),
                        new Column("h_q84", "84% quantile" + of, "1", q84)));
    }
}
