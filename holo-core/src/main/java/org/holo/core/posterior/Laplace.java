package org.holo.core.posterior;

/**
 * The Laplace approximation of a log density: its mode, found by damped Newton steps from a start, and the
 * Hessian H of −log π there by central finite differences of the exact gradient (each column from two gradient
 * evaluations, step 10⁻⁵·max(1, |x_j|), then symmetrised). Finite differences of the exact gradient rather than
 * the Gauss–Newton matrix: they see the prior, the likelihood's own curvature and any fault in the gradient
 * alike, and cost only 2·dim gradients. Where the symmetrised H has eigenvalues ≤ 0 (off a mode, or a
 * saddle) they are replaced by their magnitude (at least 10⁻¹² of the largest) and counted.
 */
public final class Laplace {

    /**
     * The result: the mode, H, its eigen-decomposition (after repair), the covariance H⁻¹, a square root S of it
     * (S Sᵀ = H⁻¹, along H's eigenvectors), log π at the mode, the Newton iterations used and how many
     * eigenvalues had to be repaired.
     */
    public record Result(double[] mode, double[][] hessian, Matrices.Eigen eigen, double[][] covariance, double[][] scale,
                         double logDensity, int iterations, int repaired, boolean converged) {

        public double sd(int i) {
            return Math.sqrt(covariance[i][i]);
        }
    }

    private Laplace() {
    }

    public static Result at(LogDensity target, double[] start, int maxIterations) {
        int n = target.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        double lp = target.value(x, g);
        if (!Double.isFinite(lp)) {
            throw new IllegalArgumentException("the log density is not finite at the start of the mode search");
        }
        int it = 0;
        boolean converged = false;
        for (; it < maxIterations; it++) {
            Matrices.Eigen e = repaired(hessian(target, x), null);
            // Newton step d = H⁻¹ ∇log π (H the Hessian of −log π, repaired positive definite)
            double[] vg = Matrices.transposeTimes(e.vectors(), g);
            double decrement = 0.0;
            for (int k = 0; k < n; k++) {
                decrement += vg[k] * vg[k] / e.values()[k];
                vg[k] /= e.values()[k];
            }
            double[] d = Matrices.times(e.vectors(), vg);
            if (decrement < 1e-20) {
                converged = true;
                break;
            }
            double step = 1.0;
            boolean moved = false;
            double[] gTry = new double[n];
            for (int k = 0; k < 40; k++) {
                double[] xTry = new double[n];
                for (int i = 0; i < n; i++) {
                    xTry[i] = x[i] + step * d[i];
                }
                double lpTry = target.value(xTry, gTry);
                if (Double.isFinite(lpTry) && lpTry >= lp + 1e-4 * step * decrement * 0.5) {
                    x = xTry;
                    lp = lpTry;
                    System.arraycopy(gTry, 0, g, 0, n);
                    moved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!moved) {
                converged = decrement < 1e-6;
                break;
            }
        }
        double[][] h = hessian(target, x);
        int[] count = new int[1];
        Matrices.Eigen e = repaired(h, count);
        double[][] cov = Matrices.function(e, v -> 1.0 / v);
        double[][] scale = Matrices.scaledVectors(e, v -> 1.0 / Math.sqrt(v));
        return new Result(x, h, e, cov, scale, lp, it, count[0], converged);
    }

    /** The Hessian of −log π at x by central differences of the exact gradient, symmetrised. */
    public static double[][] hessian(LogDensity target, double[] x) {
        int n = target.dimension();
        double[][] h = new double[n][n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] xs = x.clone();
        for (int j = 0; j < n; j++) {
            double step = 1e-5 * Math.max(1.0, Math.abs(x[j]));
            xs[j] = x[j] + step;
            target.value(xs, gp);
            xs[j] = x[j] - step;
            target.value(xs, gm);
            xs[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i][j] = -(gp[i] - gm[i]) / (2.0 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    private static Matrices.Eigen repaired(double[][] h, int[] count) {
        Matrices.Eigen e = Matrices.symmetricEigen(h);
        double[] v = e.values().clone();
        double max = 0.0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        double floor = Math.max(1e-12 * max, 1e-300);
        int repaired = 0;
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] > floor)) {
                repaired++;
                v[k] = Double.isFinite(v[k]) ? Math.max(Math.abs(v[k]), floor) : Math.max(max, 1.0);
            }
        }
        if (count != null) {
            count[0] = repaired;
        }
        return new Matrices.Eigen(v, e.vectors());
    }
}
