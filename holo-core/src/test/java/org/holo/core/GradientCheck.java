package org.holo.core;

/**
 * Finite-difference reference gradients and the comparison used by every adjoint test.
 *
 * <p>Two central-difference stencils: five-point, g ≈ [8(f(x+h) − f(x−h)) − (f(x+2h) − f(x−2h))] / (12h), with
 * truncation error O(h⁴); and seven-point ({@link #gradient7}), O(h⁶). Rounding error is ≈ ε_mach·|f|/h for both,
 * so higher order buys the freedom to take larger steps. The tests also compute each reference at h and h/2 and
 * require the two to agree far below the tolerance, so that a failure can not come from the reference itself.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    @FunctionalInterface
    public interface ScalarFunction {
        double value(double[] x);
    }

    /** Steps h_j = relative · max(|x_j|, minScale), rounded so that x_j ± h_j and x_j ± 2h_j are exact shifts. */
    public static double[] steps(double[] x, double relative, double minScale) {
        double[] h = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double raw = relative * Math.max(Math.abs(x[j]), minScale);
            h[j] = (x[j] + raw) - x[j];
        }
        return h;
    }

    /** The five-point central-difference gradient of f at x with the given per-coordinate steps. */
    public static double[] gradient(ScalarFunction f, double[] x, double[] h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + h[j];
            double fp1 = f.value(y);
            y[j] = x[j] - h[j];
            double fm1 = f.value(y);
            y[j] = x[j] + 2.0 * h[j];
            double fp2 = f.value(y);
            y[j] = x[j] - 2.0 * h[j];
            double fm2 = f.value(y);
            y[j] = x[j];
            g[j] = (8.0 * (fp1 - fm1) - (fp2 - fm2)) / (12.0 * h[j]);
        }
        return g;
    }

    /**
     * The sixth-order central difference (seven-point stencil)
     * g ≈ [45(f(x+h) − f(x−h)) − 9(f(x+2h) − f(x−2h)) + (f(x+3h) − f(x−3h))] / (60h), for functions whose
     * rounding noise calls for larger steps than the five-point stencil's truncation error allows.
     */
    public static double[] gradient7(ScalarFunction f, double[] x, double[] h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int j = 0; j < x.length; j++) {
            double[] d = new double[4];
            for (int k = 1; k <= 3; k++) {
                y[j] = x[j] + k * h[j];
                double fp = f.value(y);
                y[j] = x[j] - k * h[j];
                d[k] = fp - f.value(y);
            }
            y[j] = x[j];
            g[j] = (45.0 * d[1] - 9.0 * d[2] + d[3]) / (60.0 * h[j]);
        }
        return g;
    }

    public static double maxAbs(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * Relative errors |a_j − r_j| / max(|r_j|, floor) with floor = floorFraction · max_j |r_j|.
     * The floor only affects components that are floorFraction smaller than the largest one, whose finite
     * difference carries (in relative terms) the rounding noise of the largest one.
     */
    public static Comparison compare(double[] adjoint, double[] reference, double floorFraction) {
        if (adjoint.length != reference.length) {
            throw new IllegalArgumentException("length mismatch " + adjoint.length + " vs " + reference.length);
        }
        double floor = floorFraction * maxAbs(reference);
        double[] rel = new double[adjoint.length];
        double worst = 0.0;
        int worstIndex = -1;
        for (int j = 0; j < adjoint.length; j++) {
            double denom = Math.max(Math.abs(reference[j]), floor);
            double e = Math.abs(adjoint[j] - reference[j]);
            rel[j] = denom > 0.0 ? e / denom : (e == 0.0 ? 0.0 : Double.POSITIVE_INFINITY);
            if (!(rel[j] <= worst)) { // also catches NaN
                worst = rel[j];
                worstIndex = j;
            }
        }
        return new Comparison(worst, worstIndex, floor, rel);
    }

    /** The outcome of {@link #compare}. */
    public record Comparison(double maxRelativeError, int worstIndex, double floor, double[] relativeErrors) {

        public boolean within(double tolerance) {
            return maxRelativeError <= tolerance; // false for NaN
        }
    }
}
