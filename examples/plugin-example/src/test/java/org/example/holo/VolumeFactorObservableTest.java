package org.example.holo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.holo.core.RadialGrid;
import org.junit.jupiter.api.Test;

/** The volume factor against the exact W of pure AdS and AdS-Schwarzschild, and the IR wall where h changes sign. */
class VolumeFactorObservableTest {

    @Test
    void pureAdsIsExact() {
        RadialGrid grid = new RadialGrid(1.0, 0.1, 10);
        double[] eta = grid.layerEtas();
        double[] h = new double[eta.length];
        java.util.Arrays.fill(h, 4.0); // h = d for AdS_5: W = e^{4(η − η_ini)}
        VolumeFactorObservable.Result r = VolumeFactorObservable.compute(eta, h, "run", "test");
        for (int i = 0; i < eta.length; i++) {
            assertEquals(StrictMath.exp(4.0 * (eta[i] - 1.0)), r.w()[i], 1e-14);
        }
        assertFalse(r.json().get("ir_wall").get("present").asBoolean());
    }

    /** h = d coth(dη): W ∝ sinh(dη), reached to second order in Δη (compared at the same η = 0.55). */
    @Test
    void adsSchwarzschildToSecondOrder() {
        double e20 = error(20);
        double e40 = error(40);
        assertEquals(4.0, e20 / e40, 0.2);
    }

    @Test
    void aSignChangeOfHIsAnIrWall() {
        double[] eta = {1.0, 0.8, 0.6, 0.4, 0.2};
        double[] h = {2.0, 1.0, -0.5, -2.0, 3.0};
        VolumeFactorObservable.Result r = VolumeFactorObservable.compute(eta, h, "run", "test");
        assertEquals(2, r.wall(), "going towards the horizon W falls while h > 0 and rises again once h < 0");
        assertTrue(r.summary().contains("IR wall at eta = 0.6"), r.summary());
        assertTrue(r.files().get(VolumeFactorObservable.CSV).startsWith("eta,h,log_W,W\n1.0,2.0,0.0,1.0\n"));
    }

    private static double error(int layers) {
        RadialGrid grid = new RadialGrid(1.0, 0.1, layers);
        double[] eta = grid.layerEtas();
        double[] h = new double[eta.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = 3.0 / StrictMath.tanh(3.0 * eta[i]);
        }
        double[] w = VolumeFactorObservable.compute(eta, h, "run", "test").w();
        int mid = layers / 2; // η = 0.55 on both grids
        return Math.abs(w[mid] - StrictMath.sinh(3.0 * eta[mid]) / StrictMath.sinh(3.0));
    }
}
