package org.holo.core.posterior;

import java.util.List;
import org.holo.core.loss.Regulariser;

/**
 * The prior of a posterior (physics.md §10): the training regularisers read as a Gaussian, exp(−s·R(θ)) with a
 * stated scale s, times weak independent normals that make it proper. R (the boundary and smoothness penalties)
 * is a quadratic form in the metric parameters of every built-in parametrisation, so the product is a Gaussian
 * N(mean, precision⁻¹) in the sampling coordinates; its precision is read off R's exact gradient at unit steps
 * (for a quadratic R, ∇R(θ + e_j) − ∇R(θ) is column j of its Hessian, exactly).
 */
public final class GaussianPrior {

    /**
     * The stated scales: {@code scale} s multiplies the regularisers; every metric coordinate has a weak
     * N(0, metricSd²) besides; u = log L ~ N(log L_ref, logRadiusSd²); λ ~ N(0, lambdaSd²); any other trainable
     * coordinate N(0, otherSd²).
     */
    public record Scales(double scale, double metricSd, double logRadiusSd, double lambdaSd, double otherSd) {
        public static Scales of(double scale) {
            return new Scales(scale, 10.0, 1.0, 1.0, 10.0);
        }

        /** The same prior with the regularisers' scale multiplied by f (a test's fault injection, or a sensitivity study). */
        public Scales timesScale(double f) {
            return new Scales(scale * f, metricSd, logRadiusSd, lambdaSd, otherSd);
        }
    }

    private final double[] mean;
    private final double[][] precision;
    private final double[][] drawScale;
    private final Scales scales;

    public GaussianPrior(double[] mean, double[][] precision, Scales scales) {
        this.mean = mean.clone();
        this.precision = precision;
        this.scales = scales;
        Matrices.Eigen e = Matrices.symmetricEigen(precision);
        for (double v : e.values()) {
            if (!(v > 0.0)) {
                throw new IllegalArgumentException("the prior precision is not positive definite (eigenvalue " + v + ")");
            }
        }
        this.drawScale = Matrices.scaledVectors(e, v -> 1.0 / Math.sqrt(v));
    }

    /**
     * The prior of a network's coordinates: s·R from {@code regularisers} (acting on the metric block at
     * {@code network.metricOffset()}), the weak normals, and log L centred on {@code referenceRadius}.
     */
    public static GaussianPrior of(Coordinates c, List<Regulariser> regularisers, Scales scales, double referenceRadius) {
        int n = c.dimension();
        int size = c.network().layout().size();
        int hOff = c.network().metricOffset();
        double[][] p = new double[n][n];
        double[] linear = new double[n]; // the prior's ∇ log π at x = 0 is −(P·0 − P m) = P m
        // R at coordinates 0 (metric entries 0; fixed entries at their base values)
        double[] params0 = c.params(new double[n]);
        double[] g0 = gradient(regularisers, params0, hOff, size);
        for (int j = 0; j < n; j++) {
            if (!c.isMetric(j)) {
                continue;
            }
            double[] pj = params0.clone();
            pj[c.parameterIndex(j)] += 1.0;
            double[] gj = gradient(regularisers, pj, hOff, size);
            for (int i = 0; i < n; i++) {
                if (c.isMetric(i)) {
                    p[i][j] = scales.scale() * (gj[c.parameterIndex(i)] - g0[c.parameterIndex(i)]);
                }
            }
            linear[j] = -scales.scale() * g0[c.parameterIndex(j)];
        }
        for (int k = 0; k < n; k++) {
            double sd;
            double centre = 0.0;
            if (c.isMetric(k)) {
                sd = scales.metricSd();
            } else if (k == c.radiusCoordinate()) {
                sd = scales.logRadiusSd();
                centre = StrictMath.log(referenceRadius);
            } else if (k == c.lambdaCoordinate()) {
                sd = scales.lambdaSd();
            } else {
                sd = scales.otherSd();
            }
            p[k][k] += 1.0 / (sd * sd);
            linear[k] += centre / (sd * sd);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (p[i][j] + p[j][i]);
                p[i][j] = s;
                p[j][i] = s;
            }
        }
        // mean = P⁻¹ · linear
        Matrices.Eigen e = Matrices.symmetricEigen(p);
        double[][] inv = Matrices.function(e, v -> 1.0 / v);
        return new GaussianPrior(Matrices.times(inv, linear), p, scales);
    }

    private static double[] gradient(List<Regulariser> regularisers, double[] params, int hOff, int size) {
        double[] g = new double[size];
        for (Regulariser r : regularisers) {
            r.evaluate(params, hOff, g);
        }
        return g;
    }

    public int dimension() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[][] precision() {
        return precision;
    }

    public Scales scales() {
        return scales;
    }

    /** log prior up to a constant, −½ (x − m)ᵀ P (x − m); adds its gradient −P (x − m) into {@code grad}. */
    public double logDensity(double[] x, double[] grad) {
        int n = mean.length;
        double q = 0.0;
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += precision[i][j] * (x[j] - mean[j]);
            }
            q += (x[i] - mean[i]) * s;
            if (grad != null) {
                grad[i] -= s;
            }
        }
        return -0.5 * q;
    }

    /** One draw from the prior: mean + S z with S Sᵀ = P⁻¹. */
    public double[] draw(Draws draws) {
        double[] z = new double[mean.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = draws.gaussian();
        }
        double[] x = Matrices.times(drawScale, z);
        for (int i = 0; i < x.length; i++) {
            x[i] += mean[i];
        }
        return x;
    }
}
