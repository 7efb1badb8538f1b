package org.holo.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.holo.core.GradientCheck;
import org.holo.core.RadialGrid;
import org.junit.jupiter.api.Test;

/**
 * The regularisers of physics.md §5, recomputed here from the formula:
 * c_bdy (d − h_0)² and Σ_{i=1}^{N−1} c_i (h_i − h_{i−1})² with c_i = c η̂_i⁴, η̂_i = η_ini + (i − 1)Δη.
 */
class RegulariserTest {

    static final RadialGrid QCD_GRID = new RadialGrid(1.0, 1.0 / 15.0, 15);
    static final double[] QCD_H = {3.13, 2.39, 1.61, 0.81, 0.06, -0.54, -0.88, -0.77, -0.01, 1.74, 4.98, 10.4, 18.7,
        30.8, 47.0};

    /** params = [junk, junk, h_0 … h_{N−1}, junk]: the regularisers must read only the block at the offset. */
    static double[] embed(double[] h) {
        double[] p = new double[h.length + 3];
        p[0] = 123.0;
        p[1] = -7.0;
        System.arraycopy(h, 0, p, 2, h.length);
        p[p.length - 1] = 99.0;
        return p;
    }

    static double smoothness(RadialGrid grid, double c, double[] h) {
        double sum = 0.0;
        double d = (grid.etaFin() - grid.etaIni()) / grid.layers();
        for (int i = 1; i < h.length; i++) {
            double etaHat = grid.etaIni() + (i - 1) * d;
            sum += c * Math.pow(etaHat, 4) * (h[i] - h[i - 1]) * (h[i] - h[i - 1]);
        }
        return sum;
    }

    @Test
    void boundaryRegulariserIsCTimesDMinusH0Squared() {
        double[] p = embed(QCD_H);
        BoundaryRegulariser r = new BoundaryRegulariser(0.01, 4);
        assertEquals(0.01 * (4 - 3.13) * (4 - 3.13), r.evaluate(p, 2, null), 1e-16);
        assertEquals(0.0, new BoundaryRegulariser(0.0, 4).evaluate(p, 2, null));
        assertEquals(0.5 * 3.0 * 3.0, new BoundaryRegulariser(0.5, 3).evaluate(new double[] {0.0}, 0, null), 1e-15);
    }

    @Test
    void smoothnessWeightsAreCTimesEtaHatToTheFourth() {
        SmoothnessRegulariser r = new SmoothnessRegulariser(0.01, QCD_GRID);
        assertEquals(0.01, r.weight(1), 1e-18, "c_1 = c at the boundary (eta_hat_1 = eta_ini = 1)");
        assertEquals(0.0, r.weight(0));
        for (int i = 1; i < QCD_GRID.layers(); i++) {
            double etaHat = 1.0 - (i - 1) * 14.0 / 225.0; // Δη = −14/225
            assertEquals(0.01 * Math.pow(etaHat, 4), r.weight(i), 1e-17, "c_" + i);
        }
        // on a grid with η_ini = 2 the boundary weight is c · 2⁴
        assertEquals(16 * 0.3, new SmoothnessRegulariser(0.3, new RadialGrid(2.0, 0.5, 6)).weight(1), 1e-15);
    }

    @Test
    void smoothnessValueMatchesTheFormula() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (RadialGrid grid : new RadialGrid[] {QCD_GRID, new RadialGrid(1.0, 0.1, 10), new RadialGrid(2.0, 0.5, 6),
            new RadialGrid(1.0, 0.5, 1)}) {
            double[] h = new double[grid.layers()];
            for (int i = 0; i < h.length; i++) {
                h[i] = grid == QCD_GRID ? QCD_H[i] : rnd.nextDouble(-5, 30);
            }
            double expected = smoothness(grid, 0.01, h);
            double got = new SmoothnessRegulariser(0.01, grid).evaluate(embed(h), 2, null);
            assertEquals(expected, got, 1e-14 * (1 + expected), "grid " + grid);
        }
        // a constant metric is not penalised; one layer has no differences at all
        assertEquals(0.0, new SmoothnessRegulariser(0.01, QCD_GRID).evaluate(embed(new double[15]), 2, null));
    }

    @Test
    void gradientsMatchFiniteDifferencesAndAccumulate() {
        double[] p = embed(QCD_H);
        Regulariser[] regs = {new BoundaryRegulariser(0.01, 4), new SmoothnessRegulariser(0.01, QCD_GRID)};
        for (Regulariser r : regs) {
            // both are quadratic: the five-point stencil is exact up to rounding
            double[] fd = GradientCheck.gradient(x -> r.evaluate(x, 2, null), p, GradientCheck.steps(p, 1e-3, 1.0));
            double[] grad = new double[p.length];
            java.util.Arrays.fill(grad, 0.25); // evaluate adds to what is there
            double value = r.evaluate(p, 2, grad);
            assertEquals(r.evaluate(p, 2, null), value, 0.0);
            for (int j = 0; j < grad.length; j++) {
                grad[j] -= 0.25;
            }
            GradientCheck.Comparison c = GradientCheck.compare(grad, fd, 1e-9);
            assertTrue(c.within(1e-8), r.getClass().getSimpleName() + ": " + c.maxRelativeError() + " at " + c.worstIndex());
            assertEquals(0.0, grad[0], 0.0);
            assertEquals(0.0, grad[1], 0.0);
            assertEquals(0.0, grad[grad.length - 1], 0.0);
        }
    }

    @Test
    void rejectsNegativeOrNonFiniteCoefficients() {
        assertThrows(IllegalArgumentException.class, () -> new BoundaryRegulariser(-0.01, 4));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryRegulariser(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> new SmoothnessRegulariser(-1.0, QCD_GRID));
        assertThrows(IllegalArgumentException.class, () -> new SmoothnessRegulariser(Double.POSITIVE_INFINITY, QCD_GRID));
    }
}
