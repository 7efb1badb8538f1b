package org.holo.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.holo.core.RadialGrid;
import org.holo.core.layer.Rk4LayerMap;
import org.junit.jupiter.api.Test;

/** The per-layer metric parametrisation: exact at grid points, cubic interpolation elsewhere, linear adjoint. */
class PerLayerMetricTest {

    static final RadialGrid QCD_GRID = new RadialGrid(1.0, 1.0 / 15.0, 15);

    /** Rk4 nodes (grid points, midpoints, η_fin) plus off-grid points inside, before η_ini and beyond η_fin. */
    static double[] testNodes(RadialGrid grid) {
        double[] rk4 = new Rk4LayerMap(grid, 0.0).nodes();
        double[] extra = {grid.etaIni() + 0.01, 0.5 * (grid.etaIni() + grid.etaFin()) + 0.013, grid.etaFin(),
            grid.etaFin() + 0.3 * grid.step(), grid.etaFin() - 0.02};
        double[] all = new double[rk4.length + extra.length];
        System.arraycopy(rk4, 0, all, 0, rk4.length);
        System.arraycopy(extra, 0, all, rk4.length, extra.length);
        return all;
    }

    static double[] sampleGrid(RadialGrid grid, DoubleUnaryOperator f) {
        double[] v = new double[grid.layers()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(grid.eta(i));
        }
        return v;
    }

    @Test
    void gridPointsReproduceTheWeightsExactly() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 3, 4, 7, 15}) {
            RadialGrid grid = new RadialGrid(1.0, 0.1, n);
            PerLayerMetric metric = new PerLayerMetric(grid, grid.layerEtas());
            assertEquals(n, metric.size());
            double[] params = new double[n + 3];
            for (int i = 0; i < params.length; i++) {
                params[i] = rnd.nextDouble(-5, 50);
            }
            double[] h = new double[n];
            metric.values(params, 3, h); // offset 3: the first three entries are other parameters
            for (int i = 0; i < n; i++) {
                assertEquals(params[3 + i], h[i], 0.0, "grid point " + i + " of " + n);
            }
        }
    }

    @Test
    void cubicPolynomialsAreInterpolatedAndExtrapolatedExactly() {
        DoubleUnaryOperator cubic = eta -> 2.0 - 3.0 * eta + 0.5 * eta * eta + 1.7 * eta * eta * eta;
        for (RadialGrid grid : new RadialGrid[] {QCD_GRID, new RadialGrid(1.0, 0.1, 10), new RadialGrid(2.0, 0.3, 4)}) {
            double[] nodes = testNodes(grid);
            PerLayerMetric metric = new PerLayerMetric(grid, nodes);
            double[] h = new double[nodes.length];
            metric.values(sampleGrid(grid, cubic), 0, h);
            for (int k = 0; k < nodes.length; k++) {
                assertEquals(cubic.applyAsDouble(nodes[k]), h[k], 1e-12, "node eta = " + nodes[k]);
            }
        }
    }

    /** With fewer than four layers the stencil shrinks: N points reproduce polynomials of degree N − 1. */
    @Test
    void shortGridsInterpolateLowerDegreesExactly() {
        DoubleUnaryOperator quadratic = eta -> 1.0 + 2.0 * eta - 4.0 * eta * eta;
        DoubleUnaryOperator linear = eta -> 3.0 - 5.0 * eta;
        DoubleUnaryOperator constant = eta -> 4.0;
        DoubleUnaryOperator[] fs = {constant, linear, quadratic};
        for (int n = 1; n <= 3; n++) {
            RadialGrid grid = new RadialGrid(1.0, 0.1, n);
            double[] nodes = testNodes(grid);
            double[] h = new double[nodes.length];
            new PerLayerMetric(grid, nodes).values(sampleGrid(grid, fs[n - 1]), 0, h);
            for (int k = 0; k < nodes.length; k++) {
                assertEquals(fs[n - 1].applyAsDouble(nodes[k]), h[k], 1e-12, "N = " + n + ", eta = " + nodes[k]);
            }
        }
    }

    /**
     * The stencil is the four nearest grid points, centred on interior midpoints: for h = η⁴ the Lagrange remainder
     * is exactly ∏_k (η − η_k) = (3Δ/2)(Δ/2)(−Δ/2)(−3Δ/2) = (9/16) Δ⁴ at η_i + Δ/2, for i = 1 … N−3.
     */
    @Test
    void quarticRemainderMatchesTheCentredLagrangeStencil() {
        RadialGrid grid = QCD_GRID;
        double d = grid.step();
        int n = grid.layers();
        double[] mids = new double[n - 3];
        for (int i = 1; i <= n - 3; i++) {
            mids[i - 1] = grid.eta(i) + 0.5 * d;
        }
        double[] h = new double[mids.length];
        new PerLayerMetric(grid, mids).values(sampleGrid(grid, eta -> Math.pow(eta, 4)), 0, h);
        for (int k = 0; k < mids.length; k++) {
            assertEquals(Math.pow(mids[k], 4) - 9.0 / 16.0 * Math.pow(d, 4), h[k], 1e-14, "midpoint " + (k + 1));
        }
        // at η_fin the cubic extrapolates from η_{N−4} … η_{N−1}: remainder (4Δ)(3Δ)(2Δ)(Δ) = 24 Δ⁴
        double[] end = new double[1];
        new PerLayerMetric(grid, new double[] {grid.etaFin()}).values(sampleGrid(grid, eta -> Math.pow(eta, 4)), 0, end);
        assertEquals(Math.pow(grid.etaFin(), 4) - 24.0 * Math.pow(d, 4), end[0], 1e-14);
    }

    /** values is linear, and backward must be its transpose: ⟨J x, v⟩ = ⟨x, Jᵀ v⟩, accumulated at the offset. */
    @Test
    void backwardIsTheTransposeOfValues() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (RadialGrid grid : new RadialGrid[] {QCD_GRID, new RadialGrid(1.0, 0.1, 10), new RadialGrid(1.0, 0.5, 2)}) {
            double[] nodes = testNodes(grid);
            PerLayerMetric metric = new PerLayerMetric(grid, nodes);
            int off = 2;
            for (int trial = 0; trial < 5; trial++) {
                double[] x = new double[off + grid.layers() + 1];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextDouble(-1, 1);
                }
                double[] v = new double[nodes.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = rnd.nextDouble(-1, 1);
                }
                double[] jx = new double[nodes.length];
                metric.values(x, off, jx);
                double[] grad = new double[x.length];
                double[] seed = new double[x.length];
                for (int i = 0; i < grad.length; i++) {
                    seed[i] = rnd.nextDouble(-1, 1);
                    grad[i] = seed[i];
                }
                metric.backward(x, off, v, grad); // adds Jᵀv into grad[off…], leaves the rest alone
                double lhs = 0.0;
                for (int k = 0; k < v.length; k++) {
                    lhs += jx[k] * v[k];
                }
                double rhs = 0.0;
                for (int i = 0; i < grid.layers(); i++) {
                    rhs += x[off + i] * (grad[off + i] - seed[off + i]);
                }
                assertEquals(lhs, rhs, 1e-13 * (1 + Math.abs(lhs)));
                for (int i = 0; i < off; i++) {
                    assertEquals(seed[i], grad[i], 0.0, "entry before the metric block touched");
                }
                assertEquals(seed[x.length - 1], grad[x.length - 1], 0.0, "entry after the metric block touched");
            }
        }
    }
}
