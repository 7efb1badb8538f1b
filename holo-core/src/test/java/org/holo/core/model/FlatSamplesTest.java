package org.holo.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.TestComponents;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.PerLayerMetric;

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

    /**
     * The two reverse passes, over every column with the flat ones left out of the sums (most samples contribute) and
     * over the contributing samples moved to the front (few do), give the same gradient to the bit; and nothing of a
     * flat sample's column reaches a sum: a layer scheme that fills the flat columns of its adjoint with NaN (as
     * overflowed states of a plug-in scheme might) changes no bit.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.holo.core.TestComponents#schemes")
    void bothReversePassesGiveTheSameBits(String scheme) {
        ScalarTheory theory = new ScalarTheory(4, -3.0);
        RadialGrid grid = new RadialGrid(1.0, 1.0 / 15, 15);
        BumpOutput bump = new BumpOutput(0.5, 1.0);
        HolographicNetwork net = NetworkForwardTest.network(grid, theory, scheme, true, "pi", bump);
        LayerMap poisoning = new FlatColumnsPoisoned(net.layerMap());
        HolographicNetwork poisoned = new HolographicNetwork(grid, theory, poisoning, net.boundary(), net.horizon(), bump,
                new PerLayerMetric(grid, poisoning.nodes()), true, true);
        double[] p = NetworkForwardTest.params(net, AnalyticMetrics.adsSchwarzschild(4), 1.3, 0.1);
        double[] x0 = {0.004, 0.010, 0.001, 0.020, 0.007, 0.015, 0.012, 0.003, 0.018};
        double[] x1 = {0.020, 4.0, 0.060, 6.0, 8.0, 0.030, 0.090, 10.0, 0.050};
        double[] y = {0, 1, 1, 1, 1, 0, 1, 1, 1};
        Batch batch = Batch.of(x0, x1, y);
        Objective plain = new Objective(net, TestComponents.loss("mse"), List.of());
        Objective.Value parts = new Objective.Value();
        double[] masked = new double[p.length];
        plain.evaluate(p, batch, masked, plain.newWorkspace(x0.length), parts);
        assertEquals(5, parts.contributing, "the setup: most samples contribute, not all");
        Objective compacting = new Objective(net, TestComponents.loss("mse"), List.of());
        compacting.compactAlways = true;
        double[] compacted = new double[p.length];
        compacting.evaluate(p, batch, compacted, compacting.newWorkspace(x0.length), null);
        Objective withPoison = new Objective(poisoned, TestComponents.loss("mse"), List.of());
        double[] poisonedGradient = new double[p.length];
        withPoison.evaluate(p, batch, poisonedGradient, withPoison.newWorkspace(x0.length), null);
        for (int i = 0; i < p.length; i++) {
            String name = net.layout().nameOf(i);
            assertTrue(masked[i] != 0.0 || name.equals("c"), name);
            assertEquals(Double.doubleToRawLongBits(compacted[i]), Double.doubleToRawLongBits(masked[i]), name);
            assertEquals(Double.doubleToRawLongBits(masked[i]), Double.doubleToRawLongBits(poisonedGradient[i]), name);
        }
    }

    /** A layer scheme whose reverse pass writes NaN into every column that arrives with a zero adjoint. */
    private static final class FlatColumnsPoisoned implements LayerMap {
        private final LayerMap inner;

        FlatColumnsPoisoned(LayerMap inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return "poisoned " + inner.name();
        }

        @Override
        public double[] nodes() {
            return inner.nodes();
        }

        @Override
        public int[] dhSlots() {
            return inner.dhSlots();
        }

        @Override
        public void forward(double[] hNodes, double lambda, double[][] phi, double[][] pi, int n) {
            inner.forward(hNodes, lambda, phi, pi, n);
        }

        @Override
        public void backward(double[] h, double lambda, double[][] phi, double[][] pi, int n,
                             double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambda) {
            boolean[] flat = new boolean[n];
            for (int b = 0; b < n; b++) {
                flat[b] = adjPhi[b] == 0.0 && adjPi[b] == 0.0;
            }
            inner.backward(h, lambda, phi, pi, n, adjPhi, adjPi, dh, dLambda);
            for (int b = 0; b < n; b++) {
                if (flat[b]) {
                    adjPhi[b] = Double.NaN;
                    adjPi[b] = Double.NaN;
                    dLambda[b] = Double.NaN;
                    for (double[] slot : dh) {
                        slot[b] = Double.NaN;
                    }
                }
            }
        }
    }
}
