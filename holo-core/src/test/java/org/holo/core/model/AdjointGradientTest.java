package org.holo.core.model;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.holo.core.GradientCheck;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.BoundaryMap;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.horizon.HorizonCondition;
import org.holo.core.layer.EulerLayerMap;
import org.holo.core.layer.LayerMap;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.PerLayerMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact reverse-mode gradient of {@link Objective} against finite differences, for every parameter
 * (each h_i, L, λ) and every combination of layer scheme × boundary map × horizon condition × data loss,
 * with both regularisers on.
 */
class AdjointGradientTest {

    /** Required agreement between adjoint and finite-difference gradient. */
    static final double TOLERANCE = 1e-6;

    /**
     * Components smaller than FLOOR_FRACTION · ‖g‖_∞ are judged against that floor instead of their own size.
     * Why a floor at all: the finite-difference reference carries an absolute rounding error of roughly
     * ε_mach·|E|/step in every component, the same for big and small components, so a component ~1e6 times
     * smaller than the largest one could not be measured to 1e-6 relative by any finite difference.
     * Why it does not make the test vacuous: with 1e-5 · ‖g‖_∞ and the 1e-6 tolerance a tiny component must
     * still be right to 1e-11 · ‖g‖_∞ absolute; every component above the floor is held to the full 1e-6
     * relative; and in all 32 cases below no component falls under the floor (printed per case), while
     * {@link #everyParameterClassHasAClearlyNonzeroDataGradient} asserts each class h, L, λ stays far above it.
     */
    static final double FLOOR_FRACTION = 1e-5;

    /**
     * The reference is the seven-point (sixth-order) central difference with relative step 1e-3, capped so that
     * no F_b moves by more than BUMP_STEP·δ per step (see {@link #steps}). Why these numbers: the rounding error
     * of E is amplified by the bump's slope 1/δ and by cancellations inside F (2/η_fin = 30 in the regular
     * condition), which asks for large steps, and the sixth order keeps the truncation error of such steps small.
     * Measured over all 32 cases: the reference at step and step/2 agrees to ≤ 2.4e-8 (asserted ≤ TOLERANCE/10);
     * with the five-point stencil no single step size got every case below 1e-7.
     */
    static final double FD_STEP = 1e-3;

    /** Largest move of any F_b in one FD step, in units of the bump smoothing δ (see {@link #steps}). */
    static final double BUMP_STEP = 2e-2;

    /** Published learned QCD metric (physics.md §6.1), boundary → horizon: a realistic, non-trivial h profile. */
    private static final double[] QCD_H = {3.13, 2.39, 1.61, 0.81, 0.06, -0.54, -0.88, -0.77, -0.01, 1.74, 4.98, 10.4,
            18.7, 30.8, 47.0};

    /**
     * How the data are made to sit on the slopes of the bump t(F) (otherwise dt/dF ≈ 0 and the test is vacuous).
     * ADAPTIVE: inputs drawn from the physics.md §6 boxes, then ε = median |F| and δ wide enough that every
     * |F_b| is within 2.5 δ of an edge. PHYSICS: the paper's ε = 0.1 with δ = 0.05, and for each sample x0 drawn
     * from its box, x1 (σ or π) solved for so that F lands at ±ε + u δ, u ∈ [−2, 2].
     */
    enum Data { ADAPTIVE, PHYSICS }

    record Case(String scheme, String boundary, String horizon, String loss, Data data) {
        Case(String scheme, String boundary, String horizon, String loss) {
            this(scheme, boundary, horizon, loss, Data.ADAPTIVE);
        }

        @Override
        public String toString() {
            return scheme + "/" + boundary + "/" + horizon + "/" + loss + (data == Data.PHYSICS ? "/eps=0.1" : "");
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Data d : Data.values()) {
            for (String s : TestComponents.schemes()) {
                for (String b : List.of(QcdBoundaryMap.NAME, RawBoundaryMap.NAME)) {
                    for (String h : TestComponents.horizons()) {
                        for (String l : TestComponents.losses()) {
                            out.add(new Case(s, b, h, l, d));
                        }
                    }
                }
            }
        }
        assertEquals(48, out.size()); // 2 data × 2 schemes × 2 boundaries × 2 horizons × 3 losses
        return out.stream();
    }

    /** Everything needed to evaluate one case. */
    static final class Setup {
        HolographicNetwork network;
        Objective objective;   // data loss + both regularisers
        Objective dataOnly;    // data loss alone, to check the data part is not masked by the regularisers
        double[] params;
        Batch batch;
    }

    static Setup build(Case c) {
        return build(c, null);
    }

    /** @param layerOverride a layer map to use instead of the named one (for the "wrong implementation" test) */
    static Setup build(Case c, LayerMap layerOverride) {
        boolean qcd = c.boundary().equals(QcdBoundaryMap.NAME);
        // QCD-like: d = 4, m² = −3, η 1 → 1/15, N = 15.  AdS-Schwarzschild-like: d = 3, m² = −1, η 1 → 0.1, N = 10.
        ScalarTheory theory = qcd ? new ScalarTheory(4, -3.0) : new ScalarTheory(3, -1.0);
        RadialGrid grid = qcd ? new RadialGrid(1.0, 1.0 / 15.0, 15) : new RadialGrid(1.0, 0.1, 10);
        double m2 = theory.massSquared();
        LayerMap layerMap = layerOverride != null ? layerOverride : TestComponents.scheme(c.scheme(), grid, m2);
        BoundaryMap boundary = qcd ? new QcdBoundaryMap(grid.etaIni(), 3) : new RawBoundaryMap();
        HorizonCondition horizon = TestComponents.horizon(c.horizon(), grid.etaFin(), m2);
        SplittableRandom rnd = new SplittableRandom(0x5EED + c.toString().hashCode());

        // Parameters: a jittered realistic metric, L = 2 GeV⁻¹ and λ = 0.2 (QCD) or λ = 1 (AdS-Schwarzschild).
        HolographicNetwork probe = new HolographicNetwork(grid, theory, layerMap, boundary, horizon,
                new BumpOutput(0.1, 0.01), new PerLayerMetric(grid, layerMap.nodes()), true, true);
        ParameterLayout layout = probe.layout();
        double[] params = new double[layout.size()];
        double[] trueH = qcd ? QCD_H : AnalyticMetrics.adsSchwarzschild(3).sample(grid.layerEtas());
        for (int i = 0; i < grid.layers(); i++) {
            params[layout.offsetOf(ParameterLayout.METRIC) + i] = trueH[i] * (1.0 + 0.1 * (rnd.nextDouble() - 0.5));
        }
        if (qcd) {
            params[layout.offsetOf(ParameterLayout.RADIUS)] = 2.0;
        }
        params[layout.offsetOf(ParameterLayout.LAMBDA)] = qcd ? 0.2 : 1.0;

        // Inputs from the physics.md §6 sampling boxes: m_q ∈ [0, 0.022], σ ∈ [0, 0.11]; φ ∈ [0, 1.5], π ∈ [−0.2, 0.2].
        int n = 16;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        double eps;
        double delta;
        if (c.data() == Data.ADAPTIVE) {
            for (int b = 0; b < n; b++) {
                x0[b] = qcd ? rnd.nextDouble(0.0, 0.022) : rnd.nextDouble(0.0, 1.5);
                x1[b] = qcd ? rnd.nextDouble(0.0, 0.11) : rnd.nextDouble(-0.2, 0.2);
                y[b] = b % 2; // both labels present
            }
            double[] f = new double[n];
            probe.horizonValues(params, x0, x1, n, f, new HolographicNetwork.Workspace(probe, n));
            double[] absF = Arrays.stream(f).map(Math::abs).sorted().toArray();
            eps = 0.5 * (absF[n / 2 - 1] + absF[n / 2]);
            double spread = 0.0;
            for (double a : absF) {
                spread = Math.max(spread, Math.abs(a - eps));
            }
            delta = Math.max(spread / 2.5, 0.05 * eps);
        } else {
            eps = 0.1;
            delta = 0.05;
            for (int b = 0; b < n; b++) {
                y[b] = b % 2;
                double target = (b % 4 < 2 ? eps : -eps) + delta * rnd.nextDouble(-2.0, 2.0);
                double x0b = qcd ? rnd.nextDouble(0.0, 0.022) : rnd.nextDouble(0.0, 1.5);
                double centre = qcd ? 0.055 : 0.0;
                double width = qcd ? 0.055 : 0.2;
                x0[b] = x0b;
                x1[b] = solveNearest(v -> probe.horizonValue(params, x0b, v) - target, centre, width);
            }
        }

        Setup s = new Setup();
        s.network = new HolographicNetwork(grid, theory, layerMap, boundary, horizon, new BumpOutput(eps, delta),
                new PerLayerMetric(grid, layerMap.nodes()), true, true);
        List<Regulariser> regs = List.of(new BoundaryRegulariser(0.01, theory.dimension()),
                new SmoothnessRegulariser(0.01, grid));
        s.objective = new Objective(s.network, TestComponents.loss(c.loss()), regs);
        s.dataOnly = new Objective(s.network, TestComponents.loss(c.loss()), List.of());
        s.params = params;
        s.batch = Batch.of(x0, x1, y);
        return s;
    }

    /**
     * The root of g nearest to centre: scan outwards in steps of width/50 for the first sign change (up to 40
     * widths away), then refine with Brent's method to full precision.
     */
    static double solveNearest(java.util.function.DoubleUnaryOperator g, double centre, double width) {
        double stepSize = width / 50;
        double g0 = g.applyAsDouble(centre);
        for (int k = 1; k <= 2000; k++) {
            for (double dir : new double[] {1.0, -1.0}) {
                double a = centre + dir * (k - 1) * stepSize;
                double b = centre + dir * k * stepSize;
                double ga = k == 1 ? g0 : g.applyAsDouble(a);
                double gb = g.applyAsDouble(b);
                if (ga * gb <= 0.0) {
                    return new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-15, 1e-14)
                            .solve(200, g::applyAsDouble, Math.min(a, b), Math.max(a, b));
                }
            }
        }
        throw new IllegalStateException("no root of F(x1) = target near " + centre);
    }

    static double[] adjoint(Objective objective, double[] params, Batch batch) {
        double[] grad = new double[params.length];
        objective.evaluate(params, batch, grad, objective.newWorkspace(batch.size()), new Objective.Value());
        return grad;
    }

    static double[] finiteDifference(Objective objective, double[] params, Batch batch, double relStep) {
        HolographicNetwork.Workspace ws = objective.newWorkspace(batch.size());
        GradientCheck.ScalarFunction e = p -> objective.evaluate(p, batch, null, ws, null);
        double[] h = steps(objective.network(), params, batch, relStep);
        return GradientCheck.gradient7(e, params, h);
    }

    /**
     * FD steps: relStep · max(|θ_j|, 0.1), but no larger than BUMP_STEP · δ / max_b |∂F_b/∂θ_j|, so that no F_b
     * moves by more than a small fraction of the bump's length scale δ (E varies on the scale δ/|∂F/∂θ_j| in θ_j;
     * with the paper's ε = 0.1 and a small δ that is far below |θ_j|). ∂F_b/∂θ_j is estimated by a central difference
     * of F itself, which is smooth on the scale of θ_j, so the step choice does not use the adjoint.
     */
    static double[] steps(HolographicNetwork net, double[] params, Batch batch, double relStep) {
        double[] h = GradientCheck.steps(params, relStep, 0.1);
        int n = batch.size();
        HolographicNetwork.Workspace ws = new HolographicNetwork.Workspace(net, n);
        double[] fp = new double[n];
        double[] fm = new double[n];
        double delta = net.output().delta();
        for (int j = 0; j < params.length; j++) {
            double[] p = params.clone();
            double probe = 1e-6 * Math.max(Math.abs(params[j]), 0.1);
            p[j] = params[j] + probe;
            net.horizonValues(p, batch.x0, batch.x1, n, fp, ws);
            p[j] = params[j] - probe;
            net.horizonValues(p, batch.x0, batch.x1, n, fm, ws);
            double slope = 0.0;
            for (int b = 0; b < n; b++) {
                slope = Math.max(slope, Math.abs(fp[b] - fm[b]) / (2 * probe));
            }
            double cap = BUMP_STEP * (relStep / FD_STEP) * delta / slope;
            if (cap < h[j]) {
                h[j] = (params[j] + cap) - params[j];
            }
        }
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void adjointGradientMatchesFiniteDifferences(Case c) {
        Setup s = build(c);
        ParameterLayout layout = s.network.layout();

        for (Objective obj : List.of(s.objective, s.dataOnly)) {
            double[] adj = adjoint(obj, s.params, s.batch);
            // bernoulli: its finite differences are limited by rounding at the default step (measured: steps 1e-3 and
            // 2.5e-4 fail the h vs h/2 check on rk4/qcd/regular by 3e-7 and 7e-7, 2e-3 passes every case)
            double step = c.loss().equals("bernoulli") ? FD_STEP * 2 : FD_STEP;
            double[] fd = finiteDifference(obj, s.params, s.batch, step);
            double[] fdHalf = finiteDifference(obj, s.params, s.batch, step / 2);

            // the reference itself must be converged far below the tolerance
            GradientCheck.Comparison self = GradientCheck.compare(fdHalf, fd, FLOOR_FRACTION);
            assertTrue(self.within(TOLERANCE / 10), c + ": finite-difference reference not converged, h vs h/2 differ by "
                    + self.maxRelativeError() + " at " + layout.nameOf(self.worstIndex()));

            GradientCheck.Comparison cmp = GradientCheck.compare(adj, fd, FLOOR_FRACTION);
            String which = obj == s.objective ? "with regularisers" : "data only";
            int belowFloor = 0;
            for (double v : fd) {
                belowFloor += Math.abs(v) < cmp.floor() ? 1 : 0;
            }
            System.out.printf("gradient %-30s %-17s max rel err %.2e (%s), FD self-consistency %.1e, %d of %d below floor%n",
                    c, which, cmp.maxRelativeError(), layout.nameOf(cmp.worstIndex()), self.maxRelativeError(),
                    belowFloor, fd.length);
            assertTrue(cmp.within(TOLERANCE), c + " " + which + ": adjoint vs FD relative error " + cmp.maxRelativeError()
                    + " at " + layout.nameOf(cmp.worstIndex()) + "\nadjoint " + Arrays.toString(adj) + "\nfd      "
                    + Arrays.toString(fd));
        }
    }

    /**
     * Non-vacuity: the data part of the gradient must respond to every parameter class. For each class the
     * sensitivity max_j |∂E_data/∂θ_j| · |θ_j| must be at least 3e-4 of E_data (measured: 5e-3 … 6e3, the smallest
     * for λ with the QCD map, where α³ ~ 1e-6 and λφ³ is a small correction), and its largest component must be
     * 10× above the comparison floor, so that the adjoint check above genuinely tests h, L and λ.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyParameterClassHasAClearlyNonzeroDataGradient(Case c) {
        Setup s = build(c);
        Objective.Value parts = new Objective.Value();
        double[] g = new double[s.params.length];
        s.dataOnly.evaluate(s.params, s.batch, g, s.dataOnly.newWorkspace(s.batch.size()), parts);
        double floor = FLOOR_FRACTION * GradientCheck.maxAbs(g);
        for (ParameterLayout.Block block : s.network.layout().blocks()) {
            double sens = 0.0;
            double largest = 0.0;
            for (int j = block.offset(); j < block.offset() + block.size(); j++) {
                sens = Math.max(sens, Math.abs(g[j]) * Math.max(Math.abs(s.params[j]), 0.1));
                largest = Math.max(largest, Math.abs(g[j]));
            }
            System.out.printf("sensitivity %-30s block %-6s max |dE/dθ|·|θ| / E_data = %.2e%n", c, block.name(), sens / parts.data);
            assertTrue(sens >= 3e-4 * parts.data, c + ": data gradient of block " + block.name() + " is ~0 (" + sens
                    + " vs E_data " + parts.data + ")");
            assertTrue(largest >= 10 * floor, c + ": block " + block.name() + " lies below the comparison floor");
        }
        // and no sample sits in a saturated tail of the bump
        HolographicNetwork net = s.network;
        double[] f = new double[s.batch.size()];
        net.horizonValues(s.params, s.batch.x0, s.batch.x1, f.length, f, new HolographicNetwork.Workspace(net, f.length));
        double[] td = new double[2];
        for (double fb : f) {
            net.output().evaluate(fb, td);
            assertTrue(Math.abs(td[1]) * net.output().delta() > 1e-3, c + ": saturated sample F = " + fb);
            double fromEdge = Math.abs(Math.abs(fb) - net.output().epsilon()) / net.output().delta();
            assertTrue(fromEdge <= (c.data() == Data.PHYSICS ? 2.0 + 1e-6 : 2.5 + 1e-9), c + ": F = " + fb + " is "
                    + fromEdge + " delta from the bump edge");
        }
    }

    /**
     * The comparison is not vacuous: a relative error of 1e-4 put into any single adjoint component whose
     * finite difference is above the floor is reported as a failure, while the unperturbed gradient passes.
     */
    @Test
    void comparisonDetectsAPerturbedGradientEntry() {
        for (Case c : List.of(new Case("rk4", "qcd", "pi", "l1-squared", Data.PHYSICS), new Case("euler", "raw", "regular", "mse"))) {
            Setup s = build(c);
            double[] adj = adjoint(s.objective, s.params, s.batch);
            double[] fd = finiteDifference(s.objective, s.params, s.batch, FD_STEP);
            assertTrue(GradientCheck.compare(adj, fd, FLOOR_FRACTION).within(TOLERANCE));
            double floor = FLOOR_FRACTION * GradientCheck.maxAbs(fd);
            int tested = 0;
            for (int j = 0; j < adj.length; j++) {
                if (Math.abs(fd[j]) < floor) {
                    continue;
                }
                double[] bad = adj.clone();
                bad[j] *= 1.0 + 1e-4;
                GradientCheck.Comparison cmp = GradientCheck.compare(bad, fd, FLOOR_FRACTION);
                assertFalse(cmp.within(TOLERANCE), c + ": perturbed " + s.network.layout().nameOf(j) + " not detected");
                assertEquals(j, cmp.worstIndex());
                assertEquals(1e-4, cmp.maxRelativeError(), 2e-6);
                tested++;
            }
            // every h, L and λ entry is above the floor here, so all of them were perturbed and caught
            assertEquals(s.params.length, tested, c + ": entries below the floor");
        }
    }

    /**
     * A realistic adjoint bug (the Jacobian of the λφ³ term dropped from the Euler reverse pass) must make the
     * gradient test fail, by a wide margin.
     */
    @Test
    void wrongAdjointImplementationIsDetected() {
        Case c = new Case("euler", "raw", "regular", "mse");
        RadialGrid grid = new RadialGrid(1.0, 0.1, 10);
        Setup s = build(c, new EulerMissingCubicJacobian(grid, -1.0));
        double[] adj = adjoint(s.objective, s.params, s.batch);
        double[] fd = finiteDifference(s.objective, s.params, s.batch, FD_STEP);
        GradientCheck.Comparison cmp = GradientCheck.compare(adj, fd, FLOOR_FRACTION);
        System.out.printf("wrong adjoint (Euler without 3λφ² Jacobian): max rel err %.2e at %s%n", cmp.maxRelativeError(),
                s.network.layout().nameOf(cmp.worstIndex()));
        assertTrue(cmp.maxRelativeError() > 1e-3, "bug not detected: " + cmp.maxRelativeError());
        assertFalse(cmp.within(TOLERANCE));
    }

    /** Forward = the real Euler map; backward = Euler's adjoint without the 3λφ² term. */
    private static final class EulerMissingCubicJacobian implements LayerMap {
        private final EulerLayerMap real;
        private final RadialGrid grid;
        private final double m2;

        EulerMissingCubicJacobian(RadialGrid grid, double m2) {
            this.real = new EulerLayerMap(grid, m2);
            this.grid = grid;
            this.m2 = m2;
        }

        @Override
        public String name() {
            return "buggy-euler";
        }

        @Override
        public double[] nodes() {
            return real.nodes();
        }

        @Override
        public void forward(double[] h, double lambda, double[][] phi, double[][] pi, int n) {
            real.forward(h, lambda, phi, pi, n);
        }

        @Override
        public void backward(double[] h, double lambda, double[][] phi, double[][] pi, int n,
                             double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambda) {
            double step = grid.step();
            for (int b = 0; b < n; b++) {
                double aP = adjPhi[b];
                double aQ = adjPi[b];
                double dl = 0.0;
                for (int i = grid.layers() - 1; i >= 0; i--) {
                    double p = phi[i][b];
                    double q = pi[i][b];
                    double sq = step * aQ;
                    dh[i][b] -= sq * q;
                    dl += sq * p * p * p;
                    double nP = aP + sq * m2; // BUG: should be m2 + 3 λ p²
                    double nQ = step * aP + aQ * (1.0 - step * h[i]);
                    aP = nP;
                    aQ = nQ;
                }
                adjPhi[b] = aP;
                adjPi[b] = aQ;
                dLambda[b] += dl;
            }
        }
    }
}
