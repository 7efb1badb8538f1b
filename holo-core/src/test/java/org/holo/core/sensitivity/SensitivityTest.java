package org.holo.core.sensitivity;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.loss.DataLoss;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.junit.jupiter.api.Test;

/** The Gauss–Newton diagonal (1/n) Σ_b (∂t_b/∂θ_i)² against finite differences of each sample's output. */
class SensitivityTest {

    @Test
    void diagonalMatchesFiniteDifferencesOfEachOutput() {
        for (String scheme : List.of("euler", "rk4")) {
            RadialGrid grid = new RadialGrid(1.0, 0.1, 10);
            LayerMap layers = TestComponents.scheme(scheme, grid, -1.0);
            // a wide bump (δ = 0.3) so every sample's output responds to the metric
            HolographicNetwork net = new HolographicNetwork(grid, new ScalarTheory(3, -1.0), layers, new RawBoundaryMap(),
                    TestComponents.horizon("regular", 0.1, -1.0), new BumpOutput(0.1, 0.3),
                    new PerLayerMetric(grid, layers.nodes()), false, true);
            double[] params = new double[net.layout().size()];
            for (int i = 0; i < 10; i++) {
                params[i] = 3.0 / Math.tanh(3.0 * grid.eta(i)) + 0.1 * Math.sin(i);
            }
            params[10] = 1.0;
            // put each sample's F near a bump edge (F = ±ε + uδ) by solving for π at fixed φ
            double[] x0 = {0.2, 0.5, 0.9, 1.2, 0.05};
            double[] target = {0.1, -0.15, 0.25, -0.05, 0.0};
            double[] x1 = new double[x0.length];
            for (int b = 0; b < x0.length; b++) {
                x1[b] = solvePi(net, params, x0[b], target[b]);
                assertEquals(target[b], net.horizonValue(params, x0[b], x1[b]), 1e-9);
            }
            Batch batch = Batch.of(x0, x1, new double[] {0, 1, 0, 1, 0});
            Objective objective = new Objective(net, TestComponents.loss("mse"), List.of());
            double[] g = objective.sensitivity(params, batch, objective.newWorkspace(5));

            double[] expected = new double[params.length];
            for (int i = 0; i < params.length; i++) {
                for (int b = 0; b < x0.length; b++) {
                    // five-point central difference, O(step⁴)
                    double step = 1e-5 * Math.max(1.0, Math.abs(params[i]));
                    double d = (8 * (output(net, params, i, step, x0[b], x1[b]) - output(net, params, i, -step, x0[b], x1[b]))
                            - (output(net, params, i, 2 * step, x0[b], x1[b]) - output(net, params, i, -2 * step, x0[b], x1[b])))
                            / (12 * step);
                    expected[i] += d * d / x0.length;
                }
            }
            double max = 0;
            for (double e : expected) {
                max = Math.max(max, e);
            }
            assertTrue(max > 1e-3, "the test must exercise a responsive output, max " + max);
            for (int i = 0; i < params.length; i++) {
                assertEquals(expected[i], g[i], 1e-6 * max + 1e-7 * expected[i], scheme + " parameter " + net.layout().nameOf(i));
            }
        }
    }

    private static double output(HolographicNetwork net, double[] params, int i, double shift, double phi, double pi) {
        double[] p = params.clone();
        p[i] += shift;
        return net.output().value(net.horizonValue(p, phi, pi));
    }

    /** π with F(φ, π) = target, by bisection (F increases with π through the (2/η_fin)π term). */
    private static double solvePi(HolographicNetwork net, double[] params, double phi, double target) {
        double lo = -1.0;
        double hi = 1.0;
        if (net.horizonValue(params, phi, lo) > target || net.horizonValue(params, phi, hi) < target) {
            throw new IllegalStateException("target F not bracketed for phi " + phi);
        }
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (net.horizonValue(params, phi, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
