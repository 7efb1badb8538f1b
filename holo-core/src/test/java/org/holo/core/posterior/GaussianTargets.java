package org.holo.core.posterior;

import java.util.SplittableRandom;

/** Test targets and streams: Gaussians with known mean and covariance, and seeded draws. */
final class GaussianTargets {

    private GaussianTargets() {
    }

    /** log N(x; mean, cov) up to a constant, given the precision P = cov⁻¹. */
    static LogDensity gaussian(double[] mean, double[][] precision) {
        return new LogDensity() {
            @Override
            public int dimension() {
                return mean.length;
            }

            @Override
            public double value(double[] x, double[] grad) {
                double q = 0.0;
                for (int i = 0; i < mean.length; i++) {
                    double s = 0.0;
                    for (int j = 0; j < mean.length; j++) {
                        s += precision[i][j] * (x[j] - mean[j]);
                    }
                    q += (x[i] - mean[i]) * s;
                    if (grad != null) {
                        grad[i] = -s;
                    }
                }
                return -0.5 * q;
            }
        };
    }

    /** A correlated 3-d Gaussian with scales 0.1, 1 and 10 along rotated axes. */
    static double[][] covariance() {
        double[][] a = {{0.1, 0.0, 0.0}, {0.5, 1.0, 0.0}, {-3.0, 2.0, 10.0}};
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    c[i][j] += a[i][k] * a[j][k];
                }
            }
        }
        return c;
    }

    static double[][] inverse(double[][] m) {
        return Matrices.function(Matrices.symmetricEigen(m), v -> 1.0 / v);
    }

    static Draws draws(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new Draws() {
            private double spare;
            private boolean has;

            @Override
            public double gaussian() {
                if (has) {
                    has = false;
                    return spare;
                }
                double u;
                double v;
                double s;
                do {
                    u = 2 * r.nextDouble() - 1;
                    v = 2 * r.nextDouble() - 1;
                    s = u * u + v * v;
                } while (s >= 1 || s == 0);
                double f = Math.sqrt(-2 * Math.log(s) / s);
                spare = v * f;
                has = true;
                return u * f;
            }

            @Override
            public double uniform() {
                return r.nextDouble();
            }
        };
    }
}
