package org.holo.core.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Laplace approximation of a Gaussian is the Gaussian; of a non-Gaussian, the curvature at its mode. */
class LaplaceTest {

    @Test
    void ofAGaussianIsExact() {
        double[][] cov = GaussianTargets.covariance();
        LogDensity target = GaussianTargets.gaussian(HmcTest.MEAN, GaussianTargets.inverse(cov));
        Laplace.Result l = Laplace.at(target, new double[] {30, -30, 100}, 50);
        assertTrue(l.converged(), "iterations " + l.iterations() + " mode " + java.util.Arrays.toString(l.mode()));
        assertEquals(0, l.repaired());
        for (int i = 0; i < 3; i++) {
            assertEquals(HmcTest.MEAN[i], l.mode()[i], 1e-8, "iterations " + l.iterations());
            for (int j = 0; j < 3; j++) {
                assertEquals(cov[i][j], l.covariance()[i][j], 1e-6 * Math.sqrt(cov[i][i] * cov[j][j]));
            }
        }
    }

    /**
     * log π = −x⁴/4 − x²/2 + 2x has its mode where x³ + x = 2, at x = 1, and curvature 3x² + 1 = 4 there:
     * variance 1/4.
     */
    @Test
    void ofANonGaussianIsTheCurvatureAtTheMode() {
        LogDensity target = new LogDensity() {
            public int dimension() {
                return 1;
            }

            public double value(double[] x, double[] grad) {
                double v = x[0];
                if (grad != null) {
                    grad[0] = -v * v * v - v + 2;
                }
                return -v * v * v * v / 4 - v * v / 2 + 2 * v;
            }
        };
        Laplace.Result l = Laplace.at(target, new double[] {-3.0}, 100);
        assertEquals(1.0, l.mode()[0], 1e-10);
        assertEquals(0.25, l.covariance()[0][0], 1e-8);
    }
}
