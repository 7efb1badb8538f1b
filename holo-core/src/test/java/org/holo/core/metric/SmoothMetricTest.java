package org.holo.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.holo.core.GradientCheck;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.TestComponents;
import org.holo.core.boundary.BoundaryMap;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.component.MapSettings;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Registry;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.holo.core.model.ParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The smooth metric parametrisations (polynomial in η, natural cubic spline): exact on what they can represent,
 * converging on what they cannot, adjoints against finite differences, and the whole objective's gradient.
 */
class SmoothMetricTest {

    private static final RadialGrid GRID = new RadialGrid(1.0, 0.1, 10);
    /** Published learned QCD metric (physics.md §6.1) at the 15 layers of η 1 → 1/15, boundary first. */
    private static final double[] QCD_H = {3.13, 2.39, 1.61, 0.81, 0.06, -0.54, -0.88, -0.77, -0.01, 1.74, 4.98, 10.4,
        18.7, 30.8, 47.0};

    /** The rk4 nodes plus points outside the grid on both sides and off the half steps. */
    private static double[] nodes(RadialGrid grid) {
        double[] rk4 = TestComponents.scheme("rk4", grid, -1.0).nodes();
        double[] all = Arrays.copyOf(rk4, rk4.length + 3);
        all[rk4.length] = grid.etaIni() + 0.01;
        all[rk4.length + 1] = grid.etaFin() - 0.01;
        all[rk4.length + 2] = 0.5 * (grid.etaIni() + grid.etaFin()) + 0.0123;
        return all;
    }

    private static List<MetricParametrisation> metrics(double[] nodes) {
        return List.of(new PolynomialMetric(GRID, nodes, 8), new PolynomialMetric(GRID, nodes, 3),
                new SplineMetric(GRID, nodes, 8), new SplineMetric(GRID, nodes, 3));
    }

    // --- exactness and convergence ------------------------------------------------------------------------------

    /** A polynomial of degree ≤ D in η is a polynomial of degree ≤ D in u: set at the Chebyshev points, it is h everywhere. */
    @Test
    void polynomialReproducesAnyPolynomialOfItsDegree() {
        double[] nodes = nodes(GRID);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int degree : new int[] {1, 2, 5, 8, 12}) {
            double[] c = rnd.doubles(degree + 1, -3, 3).toArray();
            DoubleUnaryOperator p = eta -> {
                double v = 0;
                for (int k = degree; k >= 0; k--) {
                    v = v * eta + c[k];
                }
                return v;
            };
            PolynomialMetric metric = new PolynomialMetric(GRID, nodes, degree);
            double[] cheb = metric.chebyshevEtas();
            double[] a = metric.fit(cheb, Arrays.stream(cheb).map(p).toArray());
            double[] h = new double[nodes.length];
            metric.values(a, 0, h);
            for (int n = 0; n < nodes.length; n++) {
                assertEquals(p.applyAsDouble(nodes[n]), h[n], 1e-10 * (1 + Math.abs(h[n])), "degree " + degree + " at " + nodes[n]);
                assertEquals(h[n], metric.valueAt(a, 0, nodes[n]), 1e-12 * (1 + Math.abs(h[n])));
            }
            for (int i = 0; i < GRID.layers(); i++) {
                assertEquals(p.applyAsDouble(GRID.eta(i)), metric.layerValue(a, 0, i), 1e-10 * (1 + Math.abs(h[i])));
            }
        }
        // and a closed form: η² = (c + w u)² = c² + 2cw u + w² u², c = 0.55, w = 0.45 on [0.1, 1]
        PolynomialMetric quadratic = new PolynomialMetric(GRID, nodes, 2);
        double[] cheb = quadratic.chebyshevEtas();
        double[] a = quadratic.fit(cheb, Arrays.stream(cheb).map(e -> e * e).toArray());
        assertEquals(0.55 * 0.55, a[0], 1e-14);
        assertEquals(2 * 0.55 * 0.45, a[1], 1e-14);
        assertEquals(0.45 * 0.45, a[2], 1e-14);
        assertEquals(-1.0, quadratic.u(GRID.etaFin()), 1e-15);
        assertEquals(1.0, quadratic.u(GRID.etaIni()), 1e-15);
    }

    /** 3 coth 3η on [0.3, 1] (the pole at η = 0 kept away): the error of the start falls fast as D grows. */
    @Test
    void polynomialStartConvergesToAdsSchwarzschildAsTheDegreeGrows() {
        RadialGrid grid = new RadialGrid(1.0, 0.3, 40);
        Metric exact = AnalyticMetrics.adsSchwarzschild(3);
        double[] errors = new double[4];
        int[] degrees = {2, 4, 8, 16};
        for (int j = 0; j < degrees.length; j++) {
            PolynomialMetric metric = new PolynomialMetric(grid, grid.layerEtas(), degrees[j], new MetricStart("ads-schwarzschild", 0, 0, 3));
            double[] a = initial(metric);
            for (int i = 0; i < grid.layers(); i++) {
                errors[j] = Math.max(errors[j], Math.abs(metric.layerValue(a, 0, i) - exact.h(grid.eta(i))));
            }
        }
        System.out.println("polynomial start vs 3 coth 3eta on [0.3, 1], max error at D = 2, 4, 8, 16: " + Arrays.toString(errors));
        for (int j = 1; j < errors.length; j++) {
            assertTrue(errors[j] < errors[j - 1] / 8, Arrays.toString(errors));
        }
        assertTrue(errors[3] < 1e-5, Arrays.toString(errors));
    }

    /** The spline against an independent natural cubic spline (Commons Math), at every node and beyond the knots. */
    @Test
    void splineIsTheNaturalCubicSplineThroughItsKnots() {
        double[] nodes = nodes(GRID);
        SplittableRandom rnd = new SplittableRandom(9);
        for (int k : new int[] {3, 4, 8, 13}) {
            SplineMetric metric = new SplineMetric(GRID, nodes, k);
            double[] y = rnd.doubles(k, -5, 5).toArray();
            double[] t = metric.knotEtas();
            assertEquals(GRID.etaIni(), t[0], 0.0);
            assertEquals(GRID.etaFin(), t[k - 1], 1e-15);
            // Commons Math wants ascending knots: reverse
            double[] x = new double[k];
            double[] v = new double[k];
            for (int j = 0; j < k; j++) {
                x[j] = t[k - 1 - j];
                v[j] = y[k - 1 - j];
            }
            x[0] = GRID.etaFin();
            PolynomialSplineFunction reference = new SplineInterpolator().interpolate(x, v);
            double[] h = new double[nodes.length];
            metric.values(y, 0, h);
            for (int n = 0; n < nodes.length; n++) {
                double eta = nodes[n];
                double expected;
                if (eta >= x[0] && eta <= x[k - 1]) {
                    expected = reference.value(eta);
                } else {
                    // natural: straight on beyond the end knots with the end slope
                    double end = eta > x[k - 1] ? x[k - 1] : x[0];
                    expected = reference.value(end) + reference.derivative().value(end) * (eta - end);
                }
                assertEquals(expected, h[n], 1e-12 * (1 + Math.abs(expected)), k + " knots at " + eta);
            }
            for (int j = 0; j < k; j++) {
                assertEquals(y[j], metric.valueAt(y, 0, t[j]), 1e-13, "knot " + j);
            }
        }
    }

    /** A straight line is a natural spline: reproduced everywhere; a cubic only approximately (h'' ≠ 0 at the ends). */
    @Test
    void splineReproducesStraightLinesExactlyAndConvergesInTheKnots() {
        double[] nodes = nodes(GRID);
        SplineMetric five = new SplineMetric(GRID, nodes, 5);
        double[] line = Arrays.stream(five.knotEtas()).map(e -> 2.0 - 3.0 * e).toArray();
        double[] h = new double[nodes.length];
        five.values(line, 0, h);
        for (int n = 0; n < nodes.length; n++) {
            assertEquals(2.0 - 3.0 * nodes[n], h[n], 1e-13);
        }
        RadialGrid grid = new RadialGrid(1.0, 0.3, 60);
        Metric exact = AnalyticMetrics.adsSchwarzschild(3);
        int[] knots = {4, 8, 16, 32};
        double[] errors = new double[knots.length];
        for (int j = 0; j < knots.length; j++) {
            SplineMetric metric = new SplineMetric(grid, grid.layerEtas(), knots[j], new MetricStart("ads-schwarzschild", 0, 0, 3));
            double[] y = initial(metric);
            for (int i = 0; i < grid.layers(); i++) {
                errors[j] = Math.max(errors[j], Math.abs(metric.layerValue(y, 0, i) - exact.h(grid.eta(i))));
            }
        }
        System.out.println("spline through 3 coth 3eta on [0.3, 1], max error at K = 4, 8, 16, 32: " + Arrays.toString(errors));
        // the natural end condition (h'' = 0, but 3 coth 3eta'' ≠ 0) limits the order to 2 near the ends
        for (int j = 1; j < errors.length; j++) {
            assertTrue(errors[j] < errors[j - 1] / 3, Arrays.toString(errors));
        }
    }

    /** The starts: constant → a_0 = mean (polynomial) or every knot = mean; normal draws in order; the same for every N. */
    @Test
    void startsAreIndependentOfTheNumberOfLayers() {
        for (String type : new String[] {"normal", "constant", "ads-schwarzschild"}) {
            MetricStart start = new MetricStart(type, 4.0, 3.0, 4);
            double[] p60 = initial(new PolynomialMetric(new RadialGrid(1.0, 1.0 / 15, 60), new double[0], 8, start));
            double[] p120 = initial(new PolynomialMetric(new RadialGrid(1.0, 1.0 / 15, 120), new double[0], 8, start));
            assertTrue(Arrays.equals(p60, p120), type);
            double[] s60 = initial(new SplineMetric(new RadialGrid(1.0, 1.0 / 15, 60), new double[0], 8, start));
            double[] s120 = initial(new SplineMetric(new RadialGrid(1.0, 1.0 / 15, 120), new double[0], 8, start));
            assertTrue(Arrays.equals(s60, s120), type);
            if (type.equals("constant")) {
                double[] expected = new double[9];
                expected[0] = 4.0;
                assertTrue(Arrays.equals(expected, p60), Arrays.toString(p60));
                for (double v : s60) {
                    assertEquals(4.0, v, 0.0);
                }
            }
            if (type.equals("normal")) {
                // h at the Chebyshev points is the draws, in order from the boundary
                PolynomialMetric m = new PolynomialMetric(new RadialGrid(1.0, 1.0 / 15, 60), new double[0], 8, start);
                SplittableRandom draws = new SplittableRandom(17);
                double[] cheb = m.chebyshevEtas();
                assertTrue(cheb[0] > cheb[8]);
                for (int j = 0; j < cheb.length; j++) {
                    assertEquals(4.0 + 3.0 * gaussian(draws), m.valueAt(p60, 0, cheb[j]), 1e-9, "Chebyshev point " + j);
                }
            }
        }
    }

    // --- adjoints ------------------------------------------------------------------------------------------------

    /** backward against the finite difference of J(θ) = dNodes · h_nodes(θ), and layerValueBackward against that of h(η_i). */
    @Test
    void backwardAndLayerValueBackwardMatchFiniteDifferences() {
        double[] nodes = nodes(GRID);
        SplittableRandom rnd = new SplittableRandom(7);
        for (MetricParametrisation metric : metrics(nodes)) {
            assertEquals(0, metric.layerWeights());
            assertEquals(metric.size(), metric.parameters().stream().mapToInt(ParameterSpec::size).sum());
            int offset = 2;
            double[] theta = rnd.doubles(metric.size() + offset + 1, -2, 2).toArray();
            double[] dNodes = rnd.doubles(nodes.length, -1, 1).toArray();
            checkAgainstFiniteDifferences(metric, theta, offset, dNodes, name(metric));
        }
    }

    private static void checkAgainstFiniteDifferences(MetricParametrisation metric, double[] theta, int offset, double[] dNodes, String what) {
        double[] grad = new double[theta.length];
        metric.backward(theta, offset, dNodes, grad);
        double[] hNodes = new double[dNodes.length];
        GradientCheck.ScalarFunction j = x -> {
            metric.values(x, offset, hNodes);
            double s = 0;
            for (int n = 0; n < hNodes.length; n++) {
                s += dNodes[n] * hNodes[n];
            }
            return s;
        };
        double[] fd = GradientCheck.gradient(j, theta, GradientCheck.steps(theta, 1e-3, 1.0));
        // h is linear in θ: the stencil is exact but for rounding, ≈ 1e-16·|J|/step
        GradientCheck.Comparison cmp = GradientCheck.compare(grad, fd, 1e-5);
        assertTrue(cmp.within(1e-6), what + " backward: " + cmp.maxRelativeError() + "\n" + Arrays.toString(grad) + "\n" + Arrays.toString(fd));
        for (int i = 0; i < GRID.layers(); i++) {
            int layer = i;
            double[] g = new double[theta.length];
            metric.layerValueBackward(theta, offset, layer, 1.7, g);
            double[] fdi = GradientCheck.gradient(x -> 1.7 * metric.layerValue(x, offset, layer), theta, GradientCheck.steps(theta, 1e-3, 1.0));
            GradientCheck.Comparison c = GradientCheck.compare(g, fdi, 1e-5);
            assertTrue(c.within(1e-6), what + " layerValueBackward at layer " + i + ": " + c.maxRelativeError());
        }
    }

    /** The check is not vacuous: a backward that drops the top coefficient's contribution fails it. */
    @Test
    void aWrongBackwardIsDetected() {
        double[] nodes = nodes(GRID);
        PolynomialMetric real = new PolynomialMetric(GRID, nodes, 8);
        MetricParametrisation wrong = new MetricParametrisation() {
            public List<ParameterSpec> parameters() {
                return real.parameters();
            }

            public int size() {
                return real.size();
            }

            public int layerWeights() {
                return 0;
            }

            public void values(double[] p, int o, double[] h) {
                real.values(p, o, h);
            }

            public void backward(double[] p, int o, double[] d, double[] g) {
                double keep = g[o + 8];
                real.backward(p, o, d, g);
                g[o + 8] = keep; // BUG: the u^8 column left out
            }

            public double layerValue(double[] p, int o, int i) {
                return real.layerValue(p, o, i);
            }

            public void layerValueBackward(double[] p, int o, int i, double d, double[] g) {
                real.layerValueBackward(p, o, i, d, g);
            }
        };
        SplittableRandom rnd = new SplittableRandom(7);
        double[] theta = rnd.doubles(9, -2, 2).toArray();
        double[] dNodes = rnd.doubles(nodes.length, -1, 1).toArray();
        assertThrows(org.opentest4j.AssertionFailedError.class, () -> checkAgainstFiniteDifferences(wrong, theta, 0, dNodes, "wrong"));
    }

    /**
     * The whole objective (data loss and both regularisers, acting through h at the layers) against seven-point
     * finite differences in every parameter, for both parametrisations, both schemes and both boundary maps.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polynomial/euler/raw", "polynomial/rk4/raw", "polynomial/euler/qcd", "polynomial/rk4/qcd",
        "spline/euler/raw", "spline/rk4/raw", "spline/euler/qcd", "spline/rk4/qcd"})
    void objectiveGradientInEveryParameter(String which) {
        String[] w = which.split("/");
        boolean qcd = w[2].equals("qcd");
        ScalarTheory theory = qcd ? new ScalarTheory(4, -3.0) : new ScalarTheory(3, -1.0);
        RadialGrid grid = qcd ? new RadialGrid(1.0, 1.0 / 15.0, 15) : new RadialGrid(1.0, 0.1, 10);
        LayerMap layers = TestComponents.scheme(w[1], grid, theory.massSquared());
        MetricParametrisation metric = w[0].equals("polynomial") ? new PolynomialMetric(grid, layers.nodes(), 8)
                : new SplineMetric(grid, layers.nodes(), 6);
        BoundaryMap boundary = qcd ? new QcdBoundaryMap(grid.etaIni(), 3) : new RawBoundaryMap();
        String horizonName = qcd ? "pi" : "regular";
        SplittableRandom rnd = new SplittableRandom(which.hashCode());

        // the metric near a realistic h: the published QCD profile, or 3 coth 3η, fitted at the layers and jittered
        double[] target = qcd ? QCD_H : AnalyticMetrics.adsSchwarzschild(3).sample(grid.layerEtas());
        double[] coefficients = metric instanceof PolynomialMetric
                ? ((PolynomialMetric) metric).fit(grid.layerEtas(), target)
                : splineFit((SplineMetric) metric, grid, target);
        HolographicNetwork probe = network(grid, theory, layers, boundary, horizonName, metric, new BumpOutput(0.1, 0.3));
        ParameterLayout layout = probe.layout();
        assertEquals(List.of(metric.parameters().get(0).name()), layout.names().subList(0, 1));
        double[] params = new double[layout.size()];
        for (int k = 0; k < metric.size(); k++) {
            params[k] = coefficients[k] * (1.0 + 0.05 * rnd.nextDouble(-1, 1));
        }
        if (qcd) {
            params[layout.offsetOf(ParameterLayout.RADIUS)] = 2.0;
        }
        params[layout.offsetOf(ParameterLayout.LAMBDA)] = qcd ? 0.2 : 1.0;

        int n = 16;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int b = 0; b < n; b++) {
            x0[b] = qcd ? rnd.nextDouble(0.0, 0.022) : rnd.nextDouble(0.0, 1.5);
            x1[b] = qcd ? rnd.nextDouble(0.0, 0.11) : rnd.nextDouble(-0.2, 0.2);
            y[b] = b % 2;
        }
        // the bump placed on the data (ε = median |F|, δ covering the spread) so that dt/dF ≠ 0 for every sample
        double[] f = new double[n];
        probe.horizonValues(params, x0, x1, n, f, new HolographicNetwork.Workspace(probe, n));
        double[] absF = Arrays.stream(f).map(Math::abs).sorted().toArray();
        double eps = 0.5 * (absF[n / 2 - 1] + absF[n / 2]);
        double spread = 0;
        for (double a : absF) {
            spread = Math.max(spread, Math.abs(a - eps));
        }
        HolographicNetwork net = network(grid, theory, layers, boundary, horizonName, metric,
                new BumpOutput(eps, Math.max(spread / 2.5, 0.05 * eps)));
        Objective objective = new Objective(net, TestComponents.loss("mse"), List.of(
                new BoundaryRegulariser(0.5, theory.dimension(), metric), new SmoothnessRegulariser(0.3, grid, false, metric)));
        Batch batch = Batch.of(x0, x1, y);
        HolographicNetwork.Workspace ws = objective.newWorkspace(n);
        double[] grad = new double[params.length];
        Objective.Value parts = new Objective.Value();
        objective.evaluate(params, batch, grad, ws, parts);
        assertTrue(parts.regularisation > 0 && parts.data > 0, "both parts exercised");
        GradientCheck.ScalarFunction e = x -> objective.evaluate(x, batch, null, ws, null);
        double[] fd = GradientCheck.gradient7(e, params, GradientCheck.steps(params, 1e-4, 0.1));
        double[] fdHalf = GradientCheck.gradient7(e, params, GradientCheck.steps(params, 0.5e-4, 0.1));
        GradientCheck.Comparison self = GradientCheck.compare(fdHalf, fd, 1e-5);
        assertTrue(self.within(1e-7), which + ": reference not converged " + self.maxRelativeError() + " at " + layout.nameOf(self.worstIndex()));
        GradientCheck.Comparison cmp = GradientCheck.compare(grad, fd, 1e-5);
        System.out.printf("gradient %-22s max rel err %.2e (%s), FD self-consistency %.1e%n", which, cmp.maxRelativeError(),
                layout.nameOf(cmp.worstIndex()), self.maxRelativeError());
        assertTrue(cmp.within(1e-6), which + ": adjoint vs FD " + cmp.maxRelativeError() + " at " + layout.nameOf(cmp.worstIndex())
                + "\nadjoint " + Arrays.toString(grad) + "\nfd      " + Arrays.toString(fd));
        // every metric parameter is seen by the data
        double[] data = new double[params.length];
        new Objective(net, TestComponents.loss("mse"), List.of()).evaluate(params, batch, data, ws, null);
        double max = GradientCheck.maxAbs(data);
        for (int k = 0; k < metric.size(); k++) {
            assertTrue(Math.abs(data[k]) > 1e-6 * max, which + ": " + layout.nameOf(k) + " has no data gradient");
        }
    }

    private static HolographicNetwork network(RadialGrid grid, ScalarTheory theory, LayerMap layers, BoundaryMap boundary,
                                              String horizon, MetricParametrisation metric, BumpOutput output) {
        return new HolographicNetwork(grid, theory, layers, boundary, TestComponents.horizon(horizon, grid.etaFin(), theory.massSquared()),
                output, metric, ParameterSpec.scalar(HolographicNetwork.LAMBDA, true, 0.0));
    }

    /** Knot values whose spline fits {@code target} at the layers in least squares. */
    private static double[] splineFit(SplineMetric metric, RadialGrid grid, double[] target) {
        double[][] rows = new double[grid.layers()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = metric.weightsAt(grid.eta(i));
        }
        return LeastSquares.solve(rows, target);
    }

    // --- config ---------------------------------------------------------------------------------------------------

    @Test
    void theProvidersReadTheirSectionsAndRejectImpossibleValues() {
        RadialGrid grid = new RadialGrid(1.0, 1.0 / 15, 15);
        ModelContext context = new ModelContext(grid, new ScalarTheory(4, -3.0));
        MetricStart start = new MetricStart("normal", 4, 3, 4);
        Registry<MetricProvider> registry = Registry.of(MetricProvider.KIND);
        assertTrue(registry.names().containsAll(List.of("polynomial", "spline")), registry.names().toString());
        MetricParametrisation p = registry.get("polynomial").create(context, grid.layerEtas(), start, MapSettings.empty("model.metric"));
        assertEquals(9, p.size());
        assertEquals(List.of(PolynomialMetric.COEFFICIENTS), p.parameters().stream().map(ParameterSpec::name).toList());
        MetricParametrisation s = registry.get("spline").create(context, grid.layerEtas(), start, MapSettings.empty("model.metric"));
        assertEquals(8, s.size());
        assertEquals(List.of(SplineMetric.KNOT_VALUES), s.parameters().stream().map(ParameterSpec::name).toList());
        List<String> messages = new ArrayList<>();
        for (Object[] bad : new Object[][] {{"polynomial", "degree", 0}, {"polynomial", "degree", -2}, {"polynomial", "degree", 31},
            {"spline", "knots", 2}, {"spline", "knots", -1}}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry.get((String) bad[0])
                    .create(context, grid.layerEtas(), start, new MapSettings("model.metric", Map.of((String) bad[1], bad[2]))));
            assertTrue(ex.getMessage().startsWith("model.metric." + bad[1] + ": must be ") && ex.getMessage().endsWith("got " + bad[2]),
                    ex.getMessage());
            assertFalse(ex.getMessage().contains("\n"));
            messages.add(ex.getMessage());
        }
        System.out.println(String.join("\n", messages));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static double[] initial(MetricParametrisation metric) {
        SplittableRandom draws = new SplittableRandom(17);
        double[] block = new double[metric.size()];
        metric.parameters().get(0).initialiser().initialise(block, (mean, std) -> mean + std * gaussian(draws));
        return block;
    }

    /** A deterministic standard normal (Box–Muller on the test's own stream). */
    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static String name(MetricParametrisation m) {
        return m instanceof PolynomialMetric ? "polynomial D=" + ((PolynomialMetric) m).degree() : "spline K=" + ((SplineMetric) m).knots();
    }
}
