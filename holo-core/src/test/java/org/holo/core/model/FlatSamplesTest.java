package org.holo.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.TestComponents;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.metric.AnalyticMetrics;

/**
 * Samples with ∂E/∂t · dt/dF = 0 exactly (a flat output far outside the bump, or an exact fit) contribute nothing;
 * the reverse pass drops them and keeps the others, in order, with their own inputs. With the mse loss and no
 * regularisers, the gradient of a batch with flat samples interleaved is (m/n) times that of its m contributing
 * samples alone.
 */
class FlatSamplesTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.holo.core.TestComponents#schemes")
    void flatSamplesDropOutOfTheReversePass(String scheme) {
        ScalarTheory theory = new ScalarTheory(4, -3.0);
        RadialGrid grid = new RadialGrid(1.0, 1.0 / 15, 15);
        HolographicNetwork net = NetworkForwardTest.network(grid, theory, scheme, true, "pi", new BumpOutput(0.5, 1.0));
        double[] p = NetworkForwardTest.params(net, AnalyticMetrics.adsSchwarzschild(4), 1.3, 0.1);
        // contributing samples near the bump's edges, and flat ones with a condensate far above the data
        double[] x0 = {0.004, 0.010, 0.001, 0.020, 0.007, 0.015, 0.012, 0.003, 0.018};
        double[] x1 = {0.020, 4.0, 0.060, 6.0, 8.0, 0.030, 0.090, 10.0, 0.050};
        double[] y = {0, 1, 1, 1, 1, 0, 1, 1, 1}; // the far samples answer t = 1 exactly: an exact fit, or dt/dF = 0
        int n = x0.length;
        Objective objective = new Objective(net, TestComponents.loss("mse"), List.of());
        Objective.Value parts = new Objective.Value();
        double[] full = new double[p.length];
        objective.evaluate(p, Batch.of(x0, x1, y), full, objective.newWorkspace(n), parts);
        int m = 0;
        double[] a0 = new double[n];
        double[] a1 = new double[n];
        double[] ay = new double[n];
        double[] pair = new double[2];
        for (int b = 0; b < n; b++) {
            net.output().evaluate(net.horizonValue(p, x0[b], x1[b]), pair);
            if (2.0 * (pair[0] - y[b]) / n * pair[1] != 0.0) { // ∂E/∂t · dt/dF as the objective forms it
                a0[m] = x0[b];
                a1[m] = x1[b];
                ay[m] = y[b];
                m++;
            }
        }
        assertEquals(5, m, "the setup: four flat samples among nine, interleaved");
        assertEquals(m, parts.contributing);
        double[] alone = new double[p.length];
        objective.evaluate(p, Batch.of(java.util.Arrays.copyOf(a0, m), java.util.Arrays.copyOf(a1, m),
                java.util.Arrays.copyOf(ay, m)), alone, objective.newWorkspace(m), null);
        double largest = 0.0;
        for (double g : alone) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 1e-3, "a non-trivial gradient");
        for (int i = 0; i < p.length; i++) {
            assertEquals((double) m / n * alone[i], full[i], 1e-12 * largest, net.layout().nameOf(i));
        }
    }
}
