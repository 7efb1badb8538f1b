package org.holo.train.ensemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.holo.core.posterior.Diagnostics;
import org.holo.train.io.JsonNumbers;

/**
 * Summary statistics of a sample, as written to summary.json and ensemble.csv:
 * <ul>
 *   <li>mean: the arithmetic mean;</li>
 *   <li>std: the sample standard deviation, with n − 1 in the denominator (undefined, NaN, for n &lt; 2);</li>
 *   <li>quantiles (median, 16 %, 84 %): linear interpolation between order statistics, Hyndman–Fan type 7 (R's
 *       default, numpy's "linear"): with x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)p, Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 *       For a normal sample the 16/84 % quantiles lie one standard deviation either side of the median.</li>
 * </ul>
 * An empty sample has NaN everywhere.
 */
public record Statistics(int n, double mean, double std, double median, double q16, double q84) {

    public static final String DEFINITIONS_STD = "sample standard deviation, n - 1 in the denominator (null for n < 2)";
    public static final String DEFINITIONS_QUANTILES = "linear interpolation between order statistics (Hyndman-Fan"
            + " type 7, R's default and numpy's 'linear'): h = (n - 1) p, Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])";

    public static Statistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        return new Statistics(n, mean(x), std(x), quantile(x, 0.5), quantile(x, 0.16), quantile(x, 0.84));
    }

    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample standard deviation (n − 1), two-pass; NaN for fewer than two values. */
    public static double std(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0.0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Type-7 quantile of an ascending sorted array, p in [0, 1] ({@link Diagnostics#quantile}). */
    public static double quantile(double[] sorted, double p) {
        return Diagnostics.quantile(sorted, p);
    }

    /** {"n", "mean", "std", "median", "q16", "q84"}, null for undefined values. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n", n);
        JsonNumbers.put(o, "mean", mean);
        JsonNumbers.put(o, "std", std);
        JsonNumbers.put(o, "median", median);
        JsonNumbers.put(o, "q16", q16);
        JsonNumbers.put(o, "q84", q84);
        return o;
    }

}
