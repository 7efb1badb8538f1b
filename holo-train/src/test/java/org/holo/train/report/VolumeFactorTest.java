package org.holo.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.holo.core.RadialGrid;
import org.holo.core.metric.AnalyticMetrics;
import org.junit.jupiter.api.Test;

class VolumeFactorTest {

    private static double[] sample(double[] eta, java.util.function.DoubleUnaryOperator h) {
        double[] v = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            v[i] = h.applyAsDouble(eta[i]);
        }
        return v;
    }

    @Test
    void isOneAtEtaIniAndTheExponentialOfTheTrapezoidIntegral() {
        double[] eta = new RadialGrid(1.0, 1.0 / 15, 15).layerEtas();
        double[] h = {3.13, 2.39, 1.61, 0.81, 0.06, -0.54, -0.88, -0.77, -0.01, 1.74, 4.98, 10.4, 18.7, 30.8, 47.0};
        double[] w = VolumeFactor.normalised(eta, h);
        assertEquals(1.0, w[0], 0.0, "W(eta_ini) = 1 exactly");
        for (int i = 1; i < eta.length; i++) {
            // independently: the integral from eta_i up to eta_ini as a sum of trapezoids, W = exp(-that)
            double integral = 0.0;
            for (int k = i; k >= 1; k--) {
                integral += (eta[k - 1] - eta[k]) * (h[k - 1] + h[k]) / 2.0;
            }
            assertEquals(Math.exp(-integral), w[i], 1e-13 * Math.exp(-integral), "row " + i);
        }
        // the IR wall of the published run: W has a local minimum mid-bulk where h changes sign
        int min = 1;
        for (int i = 1; i < 10; i++) {
            if (w[i] < w[min]) {
                min = i;
            }
        }
        assertTrue(min > 1 && min < 9 && w[min - 1] > w[min] && w[min + 1] > w[min], "local minimum of W at row " + min);
    }

    @Test
    void constantHIsPureAdsExactly() {
        int d = 4;
        double[] eta = new RadialGrid(1.0, 1.0 / 15, 15).layerEtas();
        double[] w = VolumeFactor.normalised(eta, sample(eta, e -> d));
        for (int i = 0; i < eta.length; i++) {
            double exact = Math.exp(d * (eta[i] - eta[0]));
            assertEquals(exact, w[i], 1e-14 * exact, "W = e^{d(eta - eta_ini)} at row " + i);
        }
    }

    @Test
    void adsSchwarzschildWithinTheTrapezoidError() {
        int d = 3;
        for (int layers : new int[] {10, 20, 40}) {
            RadialGrid grid = new RadialGrid(1.0, 0.1, layers);
            double[] eta = grid.layerEtas();
            double[] h = AnalyticMetrics.adsSchwarzschild(d).sample(eta);
            double[] logW = VolumeFactor.logW(eta, h);
            double step = -grid.step();
            for (int i = 1; i < eta.length; i++) {
                double exact = Math.log(Math.sinh(d * eta[i]) / Math.sinh(d * eta[0]));
                // trapezoid error bound: (b - a) step^2 / 12 * max |h''| on [eta_i, eta_ini], h'' = 2 d^3 coth csch^2
                double x = d * eta[i];
                double h2 = 2.0 * d * d * d * Math.cosh(x) / Math.pow(Math.sinh(x), 3);
                double bound = (eta[0] - eta[i]) * step * step / 12.0 * h2;
                assertTrue(Math.abs(logW[i] - exact) <= bound, layers + " layers, row " + i + ": |" + logW[i] + " - "
                        + exact + "| > " + bound);
            }
        }
    }

    @Test
    void secondOrderConvergence() {
        int d = 3;
        double[] err = new double[3];
        int[] layers = {10, 20, 40};
        for (int k = 0; k < 3; k++) {
            RadialGrid grid = new RadialGrid(1.0, 0.1, layers[k]);
            double[] eta = grid.layerEtas();
            double[] w = VolumeFactor.normalised(eta, AnalyticMetrics.adsSchwarzschild(d).sample(eta));
            // compare at eta = 0.55, a node of all three grids
            int i = layers[k] / 2;
            assertEquals(0.55, eta[i], 1e-12);
            err[k] = Math.abs(w[i] - Math.sinh(d * 0.55) / Math.sinh(d * 1.0));
        }
        assertEquals(4.0, err[0] / err[1], 0.2);
        assertEquals(4.0, err[1] / err[2], 0.2);
    }

    @Test
    void aNonFiniteHSpoilsOnlyTheRowsFromThereOn() {
        double[] eta = {1.0, 0.9, 0.8, 0.7};
        double[] w = VolumeFactor.normalised(eta, new double[] {4, 4, Double.NaN, 4});
        assertEquals(1.0, w[0]);
        assertTrue(Double.isFinite(w[1]));
        assertFalse(Double.isFinite(w[2]));
        assertFalse(Double.isFinite(w[3]));
    }
}
