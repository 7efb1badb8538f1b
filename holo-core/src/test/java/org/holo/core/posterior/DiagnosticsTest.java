package org.holo.core.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ESS, split R-hat, quantiles and the χ² p-value against cases with known answers. */
class DiagnosticsTest {

    static double[][] ar1(double phi, int chains, int n, long seed, double[] offsets) {
        Draws d = GaussianTargets.draws(seed);
        double[][] x = new double[chains][n];
        double sd = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < chains; c++) {
            double v = d.gaussian();
            for (int i = 0; i < n; i++) {
                v = phi * v + sd * d.gaussian();
                x[c][i] = v + offsets[c];
            }
        }
        return x;
    }

    /** Independent draws: ESS ≈ m n. AR(1) with φ: ESS ≈ m n (1 − φ)/(1 + φ). */
    @Test
    void effectiveSampleSizeOfKnownChains() {
        double[] zero = new double[4];
        double iid = Diagnostics.effectiveSampleSize(ar1(0.0, 4, 5000, 1, zero));
        assertEquals(20000, iid, 0.06 * 20000);
        double ar = Diagnostics.effectiveSampleSize(ar1(0.9, 4, 5000, 2, zero));
        double expected = 20000 * 0.1 / 1.9;
        assertEquals(expected, ar, 0.2 * expected);
        double antithetic = Diagnostics.effectiveSampleSize(ar1(-0.5, 4, 5000, 3, zero));
        assertTrue(antithetic > 20000, "a negatively correlated chain beats independent draws: " + antithetic);
    }

    /** Chains of one distribution: R-hat ≈ 1; one chain shifted by a standard deviation: well above 1.01. */
    @Test
    void splitRhatSeesChainsThatDisagree() {
        double r = Diagnostics.splitRhat(ar1(0.5, 4, 2000, 4, new double[4]));
        assertEquals(1.0, r, 0.01);
        double shifted = Diagnostics.splitRhat(ar1(0.5, 4, 2000, 5, new double[] {0, 0, 0, 1.0}));
        assertTrue(shifted > 1.05, "R-hat " + shifted);
        // a trend within one chain is seen by splitting it
        double[][] trend = ar1(0.0, 1, 2000, 6, new double[1]);
        for (int i = 0; i < 2000; i++) {
            trend[0][i] += 2.0 * i / 2000;
        }
        assertTrue(Diagnostics.splitRhat(trend) > 1.05);
    }

    @Test
    void quantilesInterpolateOrderStatistics() {
        double[] s = {1, 2, 3, 4, 5};
        assertEquals(3.0, Diagnostics.quantile(s, 0.5), 0.0);
        assertEquals(1.1, Diagnostics.quantile(s, 0.025), 1e-15);
        assertEquals(5.0, Diagnostics.quantile(s, 1.0), 0.0);
    }

    /** Q(k/2, x/2) against tabulated χ² tail probabilities. */
    @Test
    void chiSquareTailProbabilities() {
        assertEquals(0.05, Calibration.upperGamma(9 / 2.0, 16.918978 / 2), 1e-6);  // 9 dof, 95 %
        assertEquals(0.01, Calibration.upperGamma(19 / 2.0, 36.190869 / 2), 1e-6); // 19 dof, 99 %
        assertEquals(0.5, Calibration.upperGamma(1 / 2.0, 0.45493642 / 2), 1e-6);  // 1 dof, median
        assertEquals(Math.log(24), Calibration.logGamma(5), 1e-13);
        assertEquals(1.0, Calibration.chiSquarePValue(new int[] {10, 10, 10, 10}), 1e-12);
        assertTrue(Calibration.chiSquarePValue(new int[] {40, 0, 0, 0}) < 1e-10);
    }

    @Test
    void symmetricEigenReconstructsTheMatrix() {
        double[][] a = GaussianTargets.covariance();
        Matrices.Eigen e = Matrices.symmetricEigen(a);
        double[][] back = Matrices.function(e, v -> v);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(a[i][j], back[i][j], 1e-12 * 100);
            }
        }
        assertTrue(e.values()[0] >= e.values()[1] && e.values()[1] >= e.values()[2]);
        // trace and determinant
        assertEquals(a[0][0] + a[1][1] + a[2][2], e.values()[0] + e.values()[1] + e.values()[2], 1e-10);
        assertEquals(1.0, e.values()[0] * e.values()[1] * e.values()[2], 1e-10); // det = (0.1 · 1 · 10)²
    }
}
