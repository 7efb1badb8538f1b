package org.holo.core.layer;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.holo.core.GradientCheck;
import org.holo.core.RadialGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse pass of each layer map on its own: for J = a φ_N + b π_N, backward must return ∂J/∂(φ_0, π_0),
 * ∂J/∂h_node for every node and ∂J/∂λ, compared with finite differences of forward.
 */
class LayerMapAdjointTest {

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
        int off = 2 * (n + 1); // a non-zero sample offset, as for the third sample of a batch
        // x = [φ_0, π_0, h_nodes…, λ]
        double[] x = new double[nodes + 3];
        x[0] = 0.9;
        x[1] = -0.15;
        for (int k = 0; k < nodes; k++) {
            x[2 + k] = 3.0 / Math.tanh(3.0 * map.nodes()[k]) * (1 + 0.2 * (rnd.nextDouble() - 0.5));
        }
        x[nodes + 2] = 1.0;

        GradientCheck.ScalarFunction j = v -> {
            double[] phi = new double[off + n + 1];
            double[] pi = new double[off + n + 1];
            phi[off] = v[0];
            pi[off] = v[1];
            map.forward(Arrays.copyOfRange(v, 2, 2 + nodes), v[nodes + 2], phi, pi, off);
            return a * phi[off + n] + b * pi[off + n];
        };

        double[] h = Arrays.copyOfRange(x, 2, 2 + nodes);
        double lambda = x[nodes + 2];
        double[] phi = new double[off + n + 1];
        double[] pi = new double[off + n + 1];
        phi[off] = x[0];
        pi[off] = x[1];
        map.forward(h, lambda, phi, pi, off);
        double[] phiBefore = phi.clone();
        double[] piBefore = pi.clone();
        double[] adjoint = {a, b};
        double[] dh = new double[nodes];
        Arrays.fill(dh, 0.5); // backward adds into dh
        double dLambda = map.backward(h, lambda, phi, pi, off, adjoint, dh);
        double[] adj = new double[x.length];
        adj[0] = adjoint[0];
        adj[1] = adjoint[1];
        for (int k = 0; k < nodes; k++) {
            adj[2 + k] = dh[k] - 0.5;
        }
        adj[nodes + 2] = dLambda;

        double[] fd = GradientCheck.gradient(j, x, GradientCheck.steps(x, 1e-3, 0.1));
        double[] fdHalf = GradientCheck.gradient(j, x, GradientCheck.steps(x, 5e-4, 0.1));
        assertTrue(GradientCheck.compare(fdHalf, fd, 1e-6).within(1e-9), "FD reference not converged");
        GradientCheck.Comparison c = GradientCheck.compare(adj, fd, 1e-6);
        assertTrue(c.within(1e-8), scheme + ": relative error " + c.maxRelativeError() + " at index " + c.worstIndex()
                + "\nadj " + Arrays.toString(adj) + "\nfd  " + Arrays.toString(fd));
        // the reverse pass recomputes from, and must not modify, the stored forward states
        assertTrue(Arrays.equals(phiBefore, phi) && Arrays.equals(piBefore, pi), "backward modified the states");
    }
}
