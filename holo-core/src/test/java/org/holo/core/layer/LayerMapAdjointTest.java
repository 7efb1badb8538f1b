package org.holo.core.layer;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.holo.core.GradientCheck;
import org.holo.core.RadialGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse pass of each layer map on its own: for J = a φ_N + b π_N of one sample inside a batch, backward must
 * return ∂J/∂(φ_0, π_0), ∂J/∂h_node for every node (summed over its slots) and ∂J/∂λ, compared with finite
 * differences of forward; and every sample's numbers must be those of the sample evaluated alone, to the bit.
 */
class LayerMapAdjointTest {

    private static final int SAMPLES = 5;
    private static final int CHECKED = 2; // a sample in the middle of the batch

    @ParameterizedTest
    @MethodSource("org.holo.core.TestComponents#schemes")
    void backwardMatchesFiniteDifferencesOfForward(String scheme) {
        SplittableRandom rnd = new SplittableRandom(99);
        RadialGrid grid = new RadialGrid(1.0, 0.1, 10);
        double m2 = -1.0;
        LayerMap map = TestComponents.scheme(scheme, grid, m2);
        int nodes = map.nodes().length;
        int n = grid.layers();
        double a = 0.7;
        double b = -1.1;
        // x = [φ_0, π_0, h_nodes…, λ] of the checked sample; the others start elsewhere
        double[] x = new double[nodes + 3];
        x[0] = 0.9;
        x[1] = -0.15;
        for (int k = 0; k < nodes; k++) {
            x[2 + k] = 3.0 / Math.tanh(3.0 * map.nodes()[k]) * (1 + 0.2 * (rnd.nextDouble() - 0.5));
        }
        x[nodes + 2] = 1.0;
        double[] others0 = new double[SAMPLES];
        double[] others1 = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            others0[s] = 0.5 + rnd.nextDouble();
            others1[s] = -0.3 * rnd.nextDouble();
        }

        GradientCheck.ScalarFunction j = v -> {
            double[][] phi = new double[n + 1][SAMPLES];
            double[][] pi = new double[n + 1][SAMPLES];
            start(phi, pi, others0, others1, v[0], v[1]);
            map.forward(Arrays.copyOfRange(v, 2, 2 + nodes), v[nodes + 2], phi, pi, SAMPLES);
            return a * phi[n][CHECKED] + b * pi[n][CHECKED];
        };

        double[] h = Arrays.copyOfRange(x, 2, 2 + nodes);
        double lambda = x[nodes + 2];
        double[][] phi = new double[n + 1][SAMPLES];
        double[][] pi = new double[n + 1][SAMPLES];
        start(phi, pi, others0, others1, x[0], x[1]);
        map.forward(h, lambda, phi, pi, SAMPLES);
        double[][] phiBefore = copy(phi);
        double[][] piBefore = copy(pi);
        double[] adjPhi = new double[SAMPLES];
        double[] adjPi = new double[SAMPLES];
        adjPhi[CHECKED] = a;
        adjPi[CHECKED] = b;
        int[] slots = map.dhSlots();
        double[][] dhSlots = new double[slots.length][SAMPLES];
        double[] dLambda = new double[SAMPLES];
        map.backward(h, lambda, phi, pi, SAMPLES, adjPhi, adjPi, dhSlots, dLambda);
        double[] adj = new double[x.length];
        adj[0] = adjPhi[CHECKED];
        adj[1] = adjPi[CHECKED];
        for (int s = 0; s < slots.length; s++) {
            adj[2 + slots[s]] += dhSlots[s][CHECKED];
        }
        adj[nodes + 2] = dLambda[CHECKED];

        double[] fd = GradientCheck.gradient(j, x, GradientCheck.steps(x, 1e-3, 0.1));
        double[] fdHalf = GradientCheck.gradient(j, x, GradientCheck.steps(x, 5e-4, 0.1));
        assertTrue(GradientCheck.compare(fdHalf, fd, 1e-6).within(1e-9), "FD reference not converged");
        GradientCheck.Comparison c = GradientCheck.compare(adj, fd, 1e-6);
        assertTrue(c.within(1e-8), scheme + ": relative error " + c.maxRelativeError() + " at index " + c.worstIndex()
                + "\nadj " + Arrays.toString(adj) + "\nfd  " + Arrays.toString(fd));
        // the samples with a zero adjoint get exactly nothing
        for (int s = 0; s < SAMPLES; s++) {
            if (s != CHECKED) {
                assertEquals(0.0, adjPhi[s] + adjPi[s] + dLambda[s]);
            }
        }
        // the reverse pass recomputes from, and must not modify, the stored forward states
        assertTrue(Arrays.deepEquals(phiBefore, phi) && Arrays.deepEquals(piBefore, pi), "backward modified the states");
    }

    @ParameterizedTest
    @MethodSource("org.holo.core.TestComponents#schemes")
    void eachSampleOfABatchIsTheSampleAloneToTheBit(String scheme) {
        SplittableRandom rnd = new SplittableRandom(7);
        RadialGrid grid = new RadialGrid(1.0, 0.1, 12);
        LayerMap map = TestComponents.scheme(scheme, grid, -3.0);
        int n = grid.layers();
        int nodes = map.nodes().length;
        int slots = map.dhSlots().length;
        double[] h = new double[nodes];
        for (int k = 0; k < nodes; k++) {
            h[k] = 1.0 + 4.0 * rnd.nextDouble();
        }
        double lambda = 0.3;
        int batch = 11; // not a multiple of a vector width: the JIT's scalar tail runs too
        double[][] phi = new double[n + 1][batch];
        double[][] pi = new double[n + 1][batch];
        double[] adjPhi = new double[batch];
        double[] adjPi = new double[batch];
        for (int s = 0; s < batch; s++) {
            phi[0][s] = rnd.nextDouble() - 0.5;
            pi[0][s] = rnd.nextDouble() - 0.5;
            adjPhi[s] = rnd.nextDouble() - 0.5;
            adjPi[s] = rnd.nextDouble() - 0.5;
        }
        double[] adjPhiAll = adjPhi.clone();
        double[] adjPiAll = adjPi.clone();
        double[][] dh = new double[slots][batch];
        double[] dLambda = new double[batch];
        map.forward(h, lambda, phi, pi, batch);
        map.backward(h, lambda, phi, pi, batch, adjPhiAll, adjPiAll, dh, dLambda);
        for (int s = 0; s < batch; s++) {
            double[][] p1 = new double[n + 1][1];
            double[][] q1 = new double[n + 1][1];
            p1[0][0] = phi[0][s];
            q1[0][0] = pi[0][s];
            double[] a1 = {adjPhi[s]};
            double[] b1 = {adjPi[s]};
            double[][] dh1 = new double[slots][1];
            double[] dl1 = new double[1];
            map.forward(h, lambda, p1, q1, 1);
            map.backward(h, lambda, p1, q1, 1, a1, b1, dh1, dl1);
            for (int i = 0; i <= n; i++) {
                assertEquals(Double.doubleToRawLongBits(p1[i][0]), Double.doubleToRawLongBits(phi[i][s]), scheme + " phi");
                assertEquals(Double.doubleToRawLongBits(q1[i][0]), Double.doubleToRawLongBits(pi[i][s]), scheme + " pi");
            }
            assertArrayEquals(new double[] {a1[0], b1[0], dl1[0]}, new double[] {adjPhiAll[s], adjPiAll[s], dLambda[s]}, 0.0);
            for (int k = 0; k < slots; k++) {
                assertEquals(Double.doubleToRawLongBits(dh1[k][0]), Double.doubleToRawLongBits(dh[k][s]), scheme + " slot " + k);
            }
        }
    }

    private static void start(double[][] phi, double[][] pi, double[] others0, double[] others1, double phi0, double pi0) {
        for (int s = 0; s < SAMPLES; s++) {
            phi[0][s] = s == CHECKED ? phi0 : others0[s];
            pi[0][s] = s == CHECKED ? pi0 : others1[s];
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
