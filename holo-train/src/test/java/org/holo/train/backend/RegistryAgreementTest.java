package org.holo.train.backend;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.BoundaryMap;
import org.holo.core.boundary.BoundaryMapProvider;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.component.MapSettings;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Registry;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.horizon.HorizonCondition;
import org.holo.core.horizon.HorizonConditionProvider;
import org.holo.core.layer.LayerMap;
import org.holo.core.layer.LayerSchemeProvider;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.DataLossProvider;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.metric.FixedMetric;
import org.holo.core.metric.HorizonMetric;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.metric.MetricProvider;
import org.holo.core.metric.MetricStart;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterSpec;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;
import org.holo.train.random.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered layer scheme × boundary map × horizon condition × loss × metric parametrisation, each with its
 * defaults, on the djl backend (composed from the components' tensor forms, differentiated by PyTorch's autograd)
 * against the plain-Java exact adjoint: the loss, its data and regularisation parts to 1e−12 relative and the
 * gradient to 1e−12 of each member's largest component, on one small batch per member and two parameter draws.
 *
 * <p>No combination is skipped. Each boundary map runs with the bulk theory it is written for: the QCD input
 * layer is the d = 4, m² = −3 asymptotic solution (its provider refuses other theories), the others run with
 * AdS₄'s d = 3, m² = −1. The grid has η_fin = 0.1 > 0, which the regular horizon and c/η + r need. The bump is
 * widened (δ = 0.3) so that no sample's dt/dF is negligible and the data term's gradient is tested, not only the
 * regularisers'; half the members train with their regularisers held off, so their gradient is the data term's alone.
 */
class RegistryAgreementTest {

    static final double TOLERANCE = 1e-12;
    static final int MEMBERS = 4;
    static final int BATCH = 16;
    static final RadialGrid GRID = new RadialGrid(1.0, 0.1, 10);

    @BeforeAll
    static void offline() {
        DjlBackendProvider.offline("cpu");
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String scheme : Registry.of(LayerSchemeProvider.KIND).names()) {
            for (String boundary : Registry.of(BoundaryMapProvider.KIND).names()) {
                for (String horizon : Registry.of(HorizonConditionProvider.KIND).names()) {
                    for (String loss : Registry.of(DataLossProvider.KIND).names()) {
                        for (String metric : Registry.of(MetricProvider.KIND).names()) {
                            all.add(Arguments.of(scheme, boundary, horizon, loss, metric));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    /** The registries hold at least the built-ins, so the product below is the full 2 × 2 × 2 × 2 × 4. */
    @Test
    void theBuiltInsAreAllIterated() {
        assertTrue(combinations().count() >= 64, "combinations: " + combinations().count());
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @MethodSource("combinations")
    void lossAndGradientAgreeWithTheAdjoint(String scheme, String boundary, String horizon, String loss, String metric) {
        Model m = Model.of(scheme, boundary, horizon, loss, metric);
        Rng rng = new Rng((scheme + boundary + horizon + loss + metric).hashCode());
        try (Backend djl = DjlBackend.open(m.network, m.loss, m.regularisers, metric, "cpu")) {
            Worst w = compare(m, djl, rng);
            System.out.printf(Locale.ROOT, "djl vs cpu, %s %s %s %s %s: %d members, worst relative loss error %.3g,"
                    + " gradient error %.3g%n", scheme, boundary, horizon, loss, metric, w.compared, w.loss, w.gradient);
            assertTrue(w.compared >= MEMBERS && w.withGradient >= MEMBERS, w.compared + " members with a finite loss, "
                    + w.withGradient + " with a gradient");
            assertTrue(w.loss <= TOLERANCE && w.gradient <= TOLERANCE, String.format(Locale.ROOT,
                    "%s %s %s %s %s: loss error %.3g, gradient error %.3g (%s)", scheme, boundary, horizon, loss, metric,
                    w.loss, w.gradient, w.where));
        }
    }

    /**
     * The test is sharp: a metric whose tensor form interpolates h linearly at rk4's half steps (its adjoint uses
     * cubic Lagrange, as holo-core does) is caught by the same comparison.
     */
    @Test
    void aWrongTensorFormIsCaught() {
        Model m = Model.of("rk4", "raw", "regular", "mse", "per-layer");
        Model wrong = m.withMetric(new LinearlyInterpolatedMetric(m.network.metric(), GRID, m.network.layerMap().nodes()));
        try (Backend djl = DjlBackend.open(wrong.network, wrong.loss, wrong.regularisers, "per-layer (linear)", "cpu")) {
            Worst w = compare(wrong, djl, new Rng(11));
            assertTrue(w.loss > 1e-6, "the wrong form must be caught, loss error " + w.loss);
        }
    }

    /**
     * A component without a tensor form (here the fixed "true network" metric, which has none) is refused when the
     * backend opens, in one line naming the component, its class and the form it lacks.
     */
    @Test
    void aComponentWithoutATensorFormIsRefusedInOneLine() {
        Model m = Model.of("euler", "raw", "regular", "mse", "per-layer");
        Model fixed = m.withMetric(new FixedMetric(eta -> 3.0, GRID, m.network.layerMap().nodes()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DjlBackend.open(fixed.network, fixed.loss, fixed.regularisers, "fixed", "cpu").close());
        String message = e.getMessage();
        for (String part : List.of("the djl backend cannot run metric parametrisation 'fixed'", FixedMetric.class.getName(),
                "org.holo.core.tensor.MetricTensorForm", "--backend cpu")) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
        assertTrue(!message.contains("\n"), message);
    }

    /** Compares the backend with the adjoint over two draws of parameters and batches; returns the worst errors. */
    static Worst compare(Model m, Backend djl, Rng rng) {
        int p = m.network.layout().size();
        Worst worst = new Worst();
        try (Backend cpu = new CpuBackend(m.objective, BATCH)) {
            for (int trial = 0; trial < 2; trial++) {
                double[][] params = new double[MEMBERS][];
                Batch[] batches = new Batch[MEMBERS];
                boolean[] on = new boolean[MEMBERS];
                for (int s = 0; s < MEMBERS; s++) {
                    params[s] = m.parameters(rng, trial);
                    batches[s] = m.batch(rng);
                    on[s] = s % 2 == 0;
                }
                double[][] gCpu = new double[MEMBERS][p];
                double[][] gDjl = new double[MEMBERS][p];
                Objective.Value[] vCpu = values();
                Objective.Value[] vDjl = values();
                cpu.lossAndGradient(MEMBERS, params, batches, on, gCpu, vCpu);
                djl.lossAndGradient(MEMBERS, params, batches, on, gDjl, vDjl);
                for (int s = 0; s < MEMBERS; s++) {
                    if (!Double.isFinite(vCpu[s].total)) {
                        assertTrue(!Double.isFinite(vDjl[s].total), "cpu loss " + vCpu[s].total + ", djl " + vDjl[s].total);
                        continue;
                    }
                    worst.compared++;
                    double loss = Math.max(relative(vDjl[s].total, vCpu[s].total),
                            Math.max(relative(vDjl[s].data, vCpu[s].data), relative(vDjl[s].regularisation, vCpu[s].regularisation)));
                    double scale = 0.0;
                    double diff = 0.0;
                    for (int i = 0; i < p; i++) {
                        scale = Math.max(scale, Math.abs(gCpu[s][i]));
                        diff = Math.max(diff, Math.abs(gDjl[s][i] - gCpu[s][i]));
                    }
                    // a member whose every sample saturates the bump, regularisers off, has an exactly zero gradient
                    worst.withGradient += scale > 0.0 ? 1 : 0;
                    double gradient = scale == 0.0 ? diff : diff / scale;
                    if (loss > worst.loss || gradient > worst.gradient) {
                        worst.where = String.format(Locale.ROOT, "trial %d member %d%s: loss %.17g vs %.17g", trial, s,
                                on[s] ? "" : " (regularisers off)", vDjl[s].total, vCpu[s].total);
                    }
                    worst.loss = Math.max(worst.loss, loss);
                    worst.gradient = Math.max(worst.gradient, gradient);
                }
            }
        }
        return worst;
    }

    static double relative(double a, double b) {
        return a == b ? 0.0 : Math.abs(a - b) / Math.abs(b);
    }

    static final class Worst {
        double loss;
        double gradient;
        int compared;
        int withGradient;
        String where = "";
    }

    private static Objective.Value[] values() {
        Objective.Value[] v = new Objective.Value[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            v[i] = new Objective.Value();
        }
        return v;
    }

    /** A network of registered components with their default settings, its loss and both regularisers. */
    static final class Model {
        final HolographicNetwork network;
        final DataLoss loss;
        final List<Regulariser> regularisers;
        final Objective objective;
        final ScalarTheory theory;

        private Model(HolographicNetwork network, DataLoss loss, ScalarTheory theory) {
            this.network = network;
            this.loss = loss;
            this.theory = theory;
            // strong enough that the regularisers weigh as much as the data term
            this.regularisers = List.of(new BoundaryRegulariser(0.1, theory.dimension(), network.metric()),
                    new SmoothnessRegulariser(0.1, GRID, network.metric() instanceof HorizonMetric, network.metric()));
            this.objective = new Objective(network, loss, regularisers);
        }

        static Model of(String scheme, String boundary, String horizon, String loss, String metric) {
            ScalarTheory theory = QcdBoundaryMap.NAME.equals(boundary) ? new ScalarTheory(4, -3.0) : new ScalarTheory(3, -1.0);
            ModelContext context = new ModelContext(GRID, theory);
            LayerMap layers = Registry.of(LayerSchemeProvider.KIND).get(scheme).create(context, MapSettings.empty("model.scheme"));
            MetricStart start = new MetricStart("normal", theory.dimension(), 1.0, theory.dimension());
            MetricParametrisation h = Registry.of(MetricProvider.KIND).get(metric)
                    .create(context, layers.nodes(), start, MapSettings.empty("model.metric"));
            BoundaryMap map = Registry.of(BoundaryMapProvider.KIND).get(boundary).create(context, MapSettings.empty("model.boundary"));
            HorizonCondition f = Registry.of(HorizonConditionProvider.KIND).get(horizon).create(context, MapSettings.empty("model.horizon"));
            DataLoss l = Registry.of(DataLossProvider.KIND).get(loss).create(MapSettings.empty("training.loss"));
            return new Model(network(context, layers, map, f, h), l, theory);
        }

        private static HolographicNetwork network(ModelContext context, LayerMap layers, BoundaryMap map, HorizonCondition f,
                                                  MetricParametrisation h) {
            return new HolographicNetwork(GRID, context.theory(), layers, map, f, new BumpOutput(0.1, 0.3), h,
                    ParameterSpec.scalar(HolographicNetwork.LAMBDA, true, 0.2));
        }

        Model withMetric(MetricParametrisation h) {
            ModelContext context = new ModelContext(GRID, theory);
            return new Model(network(context, network.layerMap(), network.boundary(), network.horizon(), h), loss, theory);
        }

        /** Trial 0: the declared initial values; later: every parameter moved, L in [0.5, 2], λ in [0, 1]. */
        double[] parameters(Rng rng, int trial) {
            double[] p = network.initialParameters(rng::gaussian);
            if (trial == 0) {
                return p;
            }
            for (int i = 0; i < p.length; i++) {
                p[i] += rng.gaussian(0.0, 0.3);
            }
            if (network.boundary().usesRadius()) {
                p[network.layout().offsetOf(QcdBoundaryMap.RADIUS)] = rng.uniform(0.5, 2.0);
            }
            p[network.layout().offsetOf(HolographicNetwork.LAMBDA)] = rng.uniform(0.0, 1.0);
            return p;
        }

        /** Inputs drawn over each column's range in the map's own units (the shipped experiments' data boxes), labels 0/1. */
        Batch batch(Rng rng) {
            List<String> columns = network.boundary().inputColumns();
            Batch b = new Batch(BATCH);
            for (int k = 0; k < BATCH; k++) {
                b.x0[k] = draw(rng, columns.get(0));
                b.x1[k] = draw(rng, columns.get(1));
                b.y[k] = rng.nextInt(2);
            }
            b.setSize(BATCH);
            return b;
        }

        private static double draw(Rng rng, String column) {
            switch (column) {
                case "m_q_GeV":
                    return rng.uniform(0.0, 0.022);
                case "condensate_GeV3":
                    return rng.uniform(0.0, 0.11);
                case "pi":
                    return rng.uniform(-0.2, 0.2);
                default:
                    return rng.uniform(0.0, 1.5);
            }
        }
    }
}
