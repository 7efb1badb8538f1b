package org.holo.core.posterior;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari, Gelman 2018): for truths drawn from the
 * prior and data drawn given each truth, the rank of the truth among L posterior draws is uniform on 0 … L
 * exactly when the posterior is right. Ranks are binned and compared with the uniform by Pearson's χ².
 */
public final class Calibration {

    private Calibration() {
    }

    /** The number of draws strictly below the truth. */
    public static int rank(double truth, double[] draws) {
        int r = 0;
        for (double d : draws) {
            if (d < truth) {
                r++;
            }
        }
        return r;
    }

    /** Counts of ranks (each in 0 … maxRank) in {@code bins} equal bins; maxRank + 1 must be a multiple of bins. */
    public static int[] histogram(int[] ranks, int maxRank, int bins) {
        if ((maxRank + 1) % bins != 0) {
            throw new IllegalArgumentException("maxRank + 1 = " + (maxRank + 1) + " is not a multiple of " + bins + " bins");
        }
        int[] h = new int[bins];
        int width = (maxRank + 1) / bins;
        for (int r : ranks) {
            h[r / width]++;
        }
        return h;
    }

    /** Pearson's χ² of the counts against equal expectations, and its p-value with bins − 1 degrees of freedom. */
    public static double chiSquarePValue(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double expected = (double) total / counts.length;
        double chi2 = 0.0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return upperGamma(0.5 * (counts.length - 1), 0.5 * chi2);
    }

    /** The regularised upper incomplete gamma function Q(a, x) (series below a + 1, continued fraction above). */
    public static double upperGamma(double a, double x) {
        if (x <= 0.0) {
            return 1.0;
        }
        double lnPrefix = -x + a * StrictMath.log(x) - logGamma(a);
        if (x < a + 1.0) {
            double sum = 1.0 / a;
            double term = sum;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return 1.0 - sum * StrictMath.exp(lnPrefix);
        }
        // Lentz's continued fraction for Q
        double tiny = 1e-300;
        double b = x + 1.0 - a;
        double c = 1.0 / tiny;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < 1e-16) {
                break;
            }
        }
        return StrictMath.exp(lnPrefix) * h;
    }

    /** log Γ(x) for x > 0 (Lanczos, g = 7, nine terms: relative error below 1e-15). */
    public static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return StrictMath.log(Math.PI / Math.abs(StrictMath.sin(Math.PI * x))) - logGamma(1.0 - x);
        }
        x -= 1.0;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * StrictMath.log(2 * Math.PI) + (x + 0.5) * StrictMath.log(t) - t + StrictMath.log(a);
    }
}
