package org.holo.core.layer;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.holo.core.RadialGrid;
import org.holo.core.ReferenceOde;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.Metric;
import org.holo.core.metric.PerLayerMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order of accuracy of the layer maps, as in Commons Math's own ODE tests: integrate one (φ, π) state from
 * η_ini = 1 to η_fin = 0.3 (away from the horizon singularity of h ~ 1/η) with N, 2N, 4N, 8N layers on an
 * exact AdS-Schwarzschild metric, measure the error against a high-accuracy adaptive solution of the same ODE,
 * and require log₂(err(N)/err(2N)) ≈ 1 for Euler and ≈ 4 for RK4. The error is measured at η_fin and at the
 * interior grid point η = 0.5 (N is a multiple of 7 so that η = 0.5 is a grid point, index 5N/7).
 */
class ConvergenceOrderTest {

    static final double ETA_INI = 1.0;
    static final double ETA_FIN = 0.3;
    static final double ETA_MID = 0.5;

    /** One ODE: metric, m², λ and the initial state at η_ini. Both have m² ≠ 0 and λ ≠ 0. */
    record Problem(String label, int d, double m2, double lambda, double phi0, double pi0) {
        Metric metric() {
            return AnalyticMetrics.adsSchwarzschild(d);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Problem> problems() {
        return Stream.of(
                new Problem("AdS4-Schw d=3 m2=-1 lambda=1", 3, -1.0, 1.0, 0.8, -0.15),
                new Problem("AdS5-Schw d=4 m2=-3 lambda=0.2", 4, -3.0, 0.2, 0.6, -0.9));
    }

    /** The reference state at η; cross-checked between two structurally different adaptive integrators. */
    static double[] reference(Problem p, double eta) {
        DoubleUnaryOperator h = p.metric()::h;
        double[] dp = ReferenceOde.dormandPrince(h, p.m2(), p.lambda(), ETA_INI, p.phi0(), p.pi0(), eta);
        double[] bs = ReferenceOde.bulirschStoer(h, p.m2(), p.lambda(), ETA_INI, p.phi0(), p.pi0(), eta);
        double diff = Math.max(Math.abs(dp[0] - bs[0]), Math.abs(dp[1] - bs[1]));
        assertTrue(diff < 1e-11, p + ": reference integrators disagree by " + diff);
        return dp;
    }

    /** How the h values the layer map reads are produced. */
    enum Sampling {
        /** h evaluated exactly at every node the scheme reads. */
        EXACT,
        /** h given at the N grid points only, interpolated to the nodes by PerLayerMetric (the trainable parametrisation). */
        PER_LAYER
    }

    /** {max(|Δφ|, |Δπ|) at η = 0.5, the same at η_fin} for N layers. */
    static double[] errors(String scheme, Sampling sampling, Problem p, int n) {
        assertTrue(n % 7 == 0);
        RadialGrid grid = new RadialGrid(ETA_INI, ETA_FIN, n);
        LayerMap map = TestComponents.scheme(scheme, grid, p.m2());
        double[] hNodes;
        if (sampling == Sampling.EXACT) {
            hNodes = p.metric().sample(map.nodes());
        } else {
            hNodes = new double[map.nodes().length];
            new PerLayerMetric(grid, map.nodes()).values(p.metric().sample(grid.layerEtas()), 0, hNodes);
        }
        double[][] phi = new double[n + 1][1];
        double[][] pi = new double[n + 1][1];
        phi[0][0] = p.phi0();
        pi[0][0] = p.pi0();
        map.forward(hNodes, p.lambda(), phi, pi, 1);
        int mid = 5 * n / 7;
        assertTrue(Math.abs(grid.eta(mid) - ETA_MID) < 1e-14);
        double[] refMid = reference(p, ETA_MID);
        double[] refFin = reference(p, ETA_FIN);
        return new double[] {
            Math.max(Math.abs(phi[mid][0] - refMid[0]), Math.abs(pi[mid][0] - refMid[1])),
            Math.max(Math.abs(phi[n][0] - refFin[0]), Math.abs(pi[n][0] - refFin[1]))};
    }

    /** orders[where][k] = log₂(err(2^k N0)/err(2^{k+1} N0)), where 0 = η 0.5 and 1 = η_fin. */
    static double[][] observedOrders(String scheme, Sampling sampling, Problem p, int n0) {
        double[][] err = new double[4][];
        for (int k = 0; k < 4; k++) {
            err[k] = errors(scheme, sampling, p, n0 << k);
        }
        double[][] order = new double[2][3];
        for (int w = 0; w < 2; w++) {
            for (int k = 0; k < 3; k++) {
                order[w][k] = Math.log(err[k][w] / err[k + 1][w]) / Math.log(2.0);
            }
            System.out.printf("order %-5s %-9s %-30s at eta=%.1f N=%d..%d errors %.3e %.3e %.3e %.3e orders %.3f %.3f %.3f%n",
                    scheme, sampling, p, w == 0 ? ETA_MID : ETA_FIN, n0, 8 * n0, err[0][w], err[1][w], err[2][w], err[3][w],
                    order[w][0], order[w][1], order[w][2]);
            // the finest error must stay well above the reference error (< 1e-11 by the cross-check), or the orders mean nothing
            assertTrue(err[3][w] > 2e-10, "finest error " + err[3][w] + " too close to the reference accuracy");
        }
        return order;
    }

    static Stream<Arguments> cases() {
        return problems().flatMap(p -> Stream.of(Arguments.of(Sampling.EXACT, p), Arguments.of(Sampling.PER_LAYER, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void eulerIsFirstOrder(Sampling sampling, Problem p) {
        double[][] orders = observedOrders(EulerLayerMap.NAME, sampling, p, 35); // N = 35 … 280
        for (double[] at : orders) {
            for (double order : at) {
                assertTrue(order >= 0.9 && order <= 1.1, "Euler observed order " + order);
            }
        }
    }

    /**
     * RK4 with h at all nodes is fourth order everywhere. With PerLayerMetric the interior is fourth order too,
     * but at η_fin the observed order overshoots 4 on these resolutions: the nodes of the last layer (its midpoint
     * and η_fin itself) lie outside the centred stencils and are extrapolated, with an interpolation error
     * ∏(t − t_k) h⁗/4! = Δη⁴ h⁗ at η_fin (vs 0.023 Δη⁴ h⁗ at interior midpoints), where h ~ coth is steepest.
     * Confined to one layer it adds an O(Δη⁵) term to the global error with a large constant, so
     * err = A Δη⁴ + B Δη⁵ with B/A large and the order tends to 4 from above (measured 4.0, 4.3, 4.4 on N = 14…112,
     * back to 4.2 at N = 896; replacing the two extrapolated nodes by exact h makes that difference an order-5
     * sequence). So at η_fin the PerLayerMetric order is only held to [3.7, 4.5]: still fourth order, not fifth.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void rk4IsFourthOrder(Sampling sampling, Problem p) {
        double[][] orders = observedOrders(Rk4LayerMap.NAME, sampling, p, 14); // N = 14 … 112
        for (double order : orders[0]) {
            assertTrue(order >= 3.7 && order <= 4.3, "RK4 observed order at eta = 0.5: " + order);
        }
        double upper = sampling == Sampling.EXACT ? 4.3 : 4.5;
        for (double order : orders[1]) {
            assertTrue(order >= 3.7 && order <= upper, "RK4 observed order at eta_fin: " + order);
        }
    }

    /** RK4 must also be accurate in absolute terms at a moderate N, not only converge at the right rate. */
    @Test
    void rk4IsAccurateAtModerateResolution() {
        for (Problem p : problems().toList()) {
            double err = errors(Rk4LayerMap.NAME, Sampling.EXACT, p, 63)[1];
            double errInterp = errors(Rk4LayerMap.NAME, Sampling.PER_LAYER, p, 63)[1];
            double errEuler = errors(EulerLayerMap.NAME, Sampling.EXACT, p, 63)[1];
            assertTrue(err < 1e-6 && errInterp < 1e-5, p + ": RK4 errors with 63 layers " + err + ", " + errInterp);
            assertTrue(errEuler > 1e3 * err, p + ": Euler (" + errEuler + ") should be far less accurate than RK4 (" + err + ")");
        }
    }
}
