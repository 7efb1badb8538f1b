package org.example.holo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.holo.core.RadialGrid;
import org.holo.core.layer.LayerMap;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.PlainTensors;
import org.holo.core.tensor.PlainTensors.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The midpoint scheme: its adjoint is exact (finite differences), it is second order (against Dormand–Prince), and its
 * tensor form (what {@code --backend djl} runs) is its forward pass.
 */
class MidpointLayerMapTest {

    private static final RadialGrid GRID = new RadialGrid(1.0, 0.1, 7);
    private static final double M2 = -1.0;
    private static final double LAMBDA = 0.7;
    /** E = A φ_N + B π_N + C φ_N π_N: nonlinear in the final state, so the adjoint seed depends on it. */
    private static final double A = 0.8;
    private static final double B = -1.3;
    private static final double C = 0.5;

    /** A smooth metric with a horizon-like rise, used where the scheme reads h directly. */
    private static final DoubleUnaryOperator H = eta -> 3.0 + 1.0 / (eta + 0.5) + 0.4 * StrictMath.sin(3.0 * eta);

    @Test
    void adjointMatchesFiniteDifferences() {
        LayerMap midpoint = new MidpointLayerMap(GRID, M2);
        double error = adjointError(midpoint, midpoint);
        assertTrue(error < 1e-7, "relative error of the adjoint against central differences: " + error);
    }

    /** The check is sharp: an adjoint that drops the cubic term of ∂k2/∂φ at the half step fails it. */
    @Test
    void anAdjointWithADroppedTermFails() {
        LayerMap midpoint = new MidpointLayerMap(GRID, M2);
        double error = adjointError(midpoint, new DroppedCubicTerm(GRID, M2));
        assertTrue(error > 1e-3, "the broken adjoint passed with relative error " + error);
    }

    /**
     * The tensor form, evaluated in plain Java doubles ({@link PlainTensors}, no DJL needed), gives {@code forward}'s
     * final state bit for bit: it keeps forward's order of operations. Two members with different h and λ, five samples.
     */
    @Test
    void tensorFormIsTheForwardBitForBit() {
        MidpointLayerMap midpoint = new MidpointLayerMap(GRID, M2);
        double[] nodes = midpoint.nodes();
        double[][] h = new double[2][nodes.length];
        double[][] phi0 = {{0.1, 0.5, 1.0, 1.2, -0.3}, {0.2, 0.4, 0.9, 1.4, 0.0}};
        double[][] pi0 = {{0.0, -0.1, 0.2, 0.05, 0.1}, {0.1, 0.0, -0.2, 0.15, -0.05}};
        double[] lambda = {LAMBDA, 0.3};
        for (int e = 0; e < 2; e++) {
            for (int n = 0; n < nodes.length; n++) {
                h[e][n] = (1.0 + 0.5 * e) * H.applyAsDouble(nodes[n]);
            }
        }
        PlainTensors ops = new PlainTensors();
        Phase<Matrix> end = midpoint.integrate(ops, Matrix.of(h), Matrix.of(new double[] {lambda[0]}, new double[] {lambda[1]}),
                new Phase<>(Matrix.of(phi0), Matrix.of(pi0)));
        int last = GRID.layers();
        for (int e = 0; e < 2; e++) {
            for (int b = 0; b < phi0[e].length; b++) {
                double[][] phi = new double[last + 1][1];
                double[][] pi = new double[last + 1][1];
                phi[0][0] = phi0[e][b];
                pi[0][0] = pi0[e][b];
                midpoint.forward(h[e], lambda[e], phi, pi, 1);
                assertEquals(phi[last][0], end.phi().get(e, b), 0.0, "phi of member " + e + " sample " + b);
                assertEquals(pi[last][0], end.pi().get(e, b), 0.0, "pi of member " + e + " sample " + b);
            }
        }
    }

    @Test
    void nodesAreTheLayerStartsAndTheirHalfSteps() {
        double[] nodes = new MidpointLayerMap(GRID, M2).nodes();
        assertEquals(2 * GRID.layers(), nodes.length);
        for (int i = 0; i < GRID.layers(); i++) {
            assertEquals(GRID.eta(i), nodes[2 * i], 0.0);
            assertEquals(GRID.eta(i) + 0.5 * GRID.step(), nodes[2 * i + 1], 1e-15);
        }
    }

    /** Halving Δη quarters the error at η_fin, with h read exactly at the nodes. */
    @Test
    void secondOrderWithExactH() {
        double[] ref = reference();
        double previous = Double.NaN;
        for (int layers = 40; layers <= 320; layers *= 2) {
            double error = errorAtHorizon(layers, ref, false);
            if (!Double.isNaN(previous)) {
                double ratio = previous / error;
                assertEquals(4.0, ratio, 0.3, "error ratio at " + layers + " layers");
            }
            previous = error;
        }
    }

    /** The same with h at the half steps from the per-layer weights, interpolated as the core does (cubic Lagrange, O(Δη⁴)). */
    @Test
    void secondOrderWithPerLayerInterpolation() {
        double[] ref = reference();
        double previous = Double.NaN;
        for (int layers = 40; layers <= 320; layers *= 2) {
            double error = errorAtHorizon(layers, ref, true);
            if (!Double.isNaN(previous)) {
                assertEquals(4.0, previous / error, 0.3, "error ratio at " + layers + " layers");
            }
            previous = error;
        }
    }

    // ---- helpers

    private static final double PHI0 = 0.4;
    private static final double PI0 = -0.3;

    private static double errorAtHorizon(int layers, double[] ref, boolean perLayer) {
        RadialGrid grid = new RadialGrid(1.0, 0.1, layers);
        MidpointLayerMap map = new MidpointLayerMap(grid, M2);
        double[] nodes = map.nodes();
        double[] h = new double[nodes.length];
        if (perLayer) {
            double[] weights = grid.layerEtas();
            for (int i = 0; i < weights.length; i++) {
                weights[i] = H.applyAsDouble(weights[i]);
            }
            new PerLayerMetric(grid, nodes).values(weights, 0, h);
        } else {
            for (int n = 0; n < nodes.length; n++) {
                h[n] = H.applyAsDouble(nodes[n]);
            }
        }
        double[][] phi = new double[layers + 1][1];
        double[][] pi = new double[layers + 1][1];
        phi[0][0] = PHI0;
        pi[0][0] = PI0;
        map.forward(h, LAMBDA, phi, pi, 1);
        return StrictMath.hypot(phi[layers][0] - ref[0], pi[layers][0] - ref[1]);
    }

    /** (φ, π) at η_fin from Dormand–Prince 8(5,3) at tolerances far below the scheme's errors. */
    private static double[] reference() {
        FirstOrderDifferentialEquations eom = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public void computeDerivatives(double eta, double[] y, double[] dy) {
                dy[0] = y[1];
                dy[1] = -H.applyAsDouble(eta) * y[1] + M2 * y[0] + LAMBDA * y[0] * y[0] * y[0];
            }
        };
        double[] y = {PHI0, PI0};
        new DormandPrince853Integrator(1e-10, 1.0, 1e-14, 1e-14).integrate(eom, 1.0, y, 0.1, y);
        return y;
    }

    /** max over every gradient entry of |adjoint − central difference| / (|central difference| + 1e-3). */
    private static double adjointError(LayerMap forwardMap, LayerMap backwardMap) {
        double[] nodes = forwardMap.nodes();
        double[] h = new double[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            h[n] = H.applyAsDouble(nodes[n]);
        }
        int layers = GRID.layers();
        double[][] phi = new double[layers + 1][1];
        double[][] pi = new double[layers + 1][1];
        phi[0][0] = PHI0;
        pi[0][0] = PI0;
        forwardMap.forward(h, LAMBDA, phi, pi, 1);
        double[] adjPhi = {A + C * pi[layers][0]};
        double[] adjPi = {B + C * phi[layers][0]};
        double[][] slots = new double[nodes.length][1];
        double[] dLambdas = new double[1];
        backwardMap.backward(h, LAMBDA, phi, pi, 1, adjPhi, adjPi, slots, dLambdas);
        double[] adjoint = {adjPhi[0], adjPi[0]};
        double dLambda = dLambdas[0];
        double[] dh = new double[nodes.length];
        int[] slotNodes = forwardMap.dhSlots();
        for (int s = 0; s < slotNodes.length; s++) {
            dh[slotNodes[s]] += slots[s][0];
        }

        double worst = 0.0;
        double eps = 1e-6;
        for (int n = 0; n < nodes.length; n++) {
            double[] up = h.clone();
            double[] down = h.clone();
            up[n] += eps;
            down[n] -= eps;
            double fd = (energy(forwardMap, up, LAMBDA, PHI0, PI0) - energy(forwardMap, down, LAMBDA, PHI0, PI0)) / (2 * eps);
            worst = Math.max(worst, Math.abs(dh[n] - fd) / (Math.abs(fd) + 1e-3));
        }
        double fdLambda = (energy(forwardMap, h, LAMBDA + eps, PHI0, PI0) - energy(forwardMap, h, LAMBDA - eps, PHI0, PI0)) / (2 * eps);
        worst = Math.max(worst, Math.abs(dLambda - fdLambda) / (Math.abs(fdLambda) + 1e-3));
        double fdPhi = (energy(forwardMap, h, LAMBDA, PHI0 + eps, PI0) - energy(forwardMap, h, LAMBDA, PHI0 - eps, PI0)) / (2 * eps);
        worst = Math.max(worst, Math.abs(adjoint[0] - fdPhi) / (Math.abs(fdPhi) + 1e-3));
        double fdPi = (energy(forwardMap, h, LAMBDA, PHI0, PI0 + eps) - energy(forwardMap, h, LAMBDA, PHI0, PI0 - eps)) / (2 * eps);
        worst = Math.max(worst, Math.abs(adjoint[1] - fdPi) / (Math.abs(fdPi) + 1e-3));
        return worst;
    }

    private static double energy(LayerMap map, double[] h, double lambda, double phi0, double pi0) {
        int layers = GRID.layers();
        double[][] phi = new double[layers + 1][1];
        double[][] pi = new double[layers + 1][1];
        phi[0][0] = phi0;
        pi[0][0] = pi0;
        map.forward(h, lambda, phi, pi, 1);
        return A * phi[layers][0] + B * pi[layers][0] + C * phi[layers][0] * pi[layers][0];
    }

    /** The midpoint adjoint with 3λφ_mid² left out of ∂k2/∂φ: a plausible slip that the finite differences must catch. */
    private static final class DroppedCubicTerm implements LayerMap {
        private final RadialGrid grid;
        private final double m2;
        private final MidpointLayerMap correct;

        DroppedCubicTerm(RadialGrid grid, double m2) {
            this.grid = grid;
            this.m2 = m2;
            this.correct = new MidpointLayerMap(grid, m2);
        }

        @Override
        public String name() {
            return "midpoint-dropped-term";
        }

        @Override
        public double[] nodes() {
            return correct.nodes();
        }

        @Override
        public void forward(double[] h, double lambda, double[][] phi, double[][] pi, int n) {
            correct.forward(h, lambda, phi, pi, n);
        }

        @Override
        public void backward(double[] h, double lambda, double[][] phi, double[][] pi, int n,
                             double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambdas) {
            double step = grid.step();
            double half = 0.5 * step;
            double aP = adjPhi[0]; // one sample is all the test uses
            double aQ = adjPi[0];
            double dLambda = 0.0;
            for (int i = grid.layers() - 1; i >= 0; i--) {
                double ha = h[2 * i];
                double hm = h[2 * i + 1];
                double p = phi[i][0];
                double q = pi[i][0];
                double pm = p + half * q;
                double qm = q + half * (-ha * q + m2 * p + lambda * p * p * p);
                double aK2p = step * aP;
                double aK2q = step * aQ;
                double aMp = aK2q * m2; // the slip: 3λ pm² dropped
                double aMq = aK2p - hm * aK2q;
                dh[2 * i + 1][0] -= aK2q * qm;
                dLambda += aK2q * pm * pm * pm;
                double aK1p = half * aMp;
                double aK1q = half * aMq;
                dh[2 * i][0] -= aK1q * q;
                dLambda += aK1q * p * p * p;
                aP = aP + aMp + aK1q * (m2 + 3.0 * lambda * p * p);
                aQ = aQ + aMq + aK1p - ha * aK1q;
            }
            adjPhi[0] = aP;
            adjPi[0] = aQ;
            dLambdas[0] += dLambda;
        }
    }
}
