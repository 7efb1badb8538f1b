package org.holo.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.holo.core.metric.HorizonMetric;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.metric.MetricProvider;
import org.holo.core.metric.MetricStart;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterSpec;
import org.holo.core.tensor.PlainTensors.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered component's tensor form is a transcription of its scalar forward: evaluated in plain Java doubles
 * ({@link PlainTensors}) over a batch of every member, each stage (h at the nodes and layers, (φ, π) at η_ini, F,
 * t(F), the data loss, each regulariser) equals holo-core's scalar path bit for bit, for every scheme × boundary map
 * × horizon condition × loss × metric parametrisation. Bit for bit because the forms keep the scalar code's order of
 * operations and Java does not fuse or reorder them; the djl backend then differs from the adjoint only by what
 * PyTorch's kernels and autograd do (holo-train's agreement tests).
 */
class TensorFormsTest {

    static final RadialGrid GRID = new RadialGrid(1.0, 0.1, 10);
    static final int MEMBERS = 3;
    static final int BATCH = 12;
    final PlainTensors ops = new PlainTensors();

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

    @ParameterizedTest(name = "{0} {1} {2} {3} {4}")
    @MethodSource("combinations")
    void everyStageEqualsTheScalarForwardBitForBit(String scheme, String boundary, String horizon, String loss, String metric) {
        // the QCD input layer is for d = 4, m² = −3 only; the others run with AdS₄'s d = 3, m² = −1
        ScalarTheory theory = QcdBoundaryMap.NAME.equals(boundary) ? new ScalarTheory(4, -3.0) : new ScalarTheory(3, -1.0);
        ModelContext context = new ModelContext(GRID, theory);
        LayerMap layers = Registry.of(LayerSchemeProvider.KIND).get(scheme).create(context, MapSettings.empty("model.scheme"));
        MetricParametrisation h = Registry.of(MetricProvider.KIND).get(metric).create(context, layers.nodes(),
                new MetricStart("normal", theory.dimension(), 1.0, theory.dimension()), MapSettings.empty("model.metric"));
        BoundaryMap map = Registry.of(BoundaryMapProvider.KIND).get(boundary).create(context, MapSettings.empty("model.boundary"));
        HorizonCondition f = Registry.of(HorizonConditionProvider.KIND).get(horizon).create(context, MapSettings.empty("model.horizon"));
        DataLoss dataLoss = Registry.of(DataLossProvider.KIND).get(loss).create(MapSettings.empty("training.loss"));
        BumpOutput bump = new BumpOutput(0.1, 0.3);
        HolographicNetwork net = new HolographicNetwork(GRID, theory, layers, map, f, bump, h,
                ParameterSpec.scalar(HolographicNetwork.LAMBDA, true, 0.2));
        List<Regulariser> regularisers = List.of(new BoundaryRegulariser(0.1, theory.dimension(), h),
                new SmoothnessRegulariser(0.1, GRID, h instanceof HorizonMetric, h));

        Random random = new Random((scheme + boundary + horizon + loss + metric).hashCode());
        int p = net.layout().size();
        double[][] params = new double[MEMBERS][];
        double[][] x0 = new double[MEMBERS][BATCH];
        double[][] x1 = new double[MEMBERS][BATCH];
        double[][] y = new double[MEMBERS][BATCH];
        for (int e = 0; e < MEMBERS; e++) {
            params[e] = net.initialParameters((mean, std) -> mean + std * random.nextGaussian());
            for (int i = 0; i < p; i++) {
                params[e][i] += 0.2 * random.nextGaussian();
            }
            for (int b = 0; b < BATCH; b++) {
                boolean qcd = map.usesRadius();
                x0[e][b] = qcd ? 0.022 * random.nextDouble() : 1.5 * random.nextDouble();
                x1[e][b] = qcd ? 0.11 * random.nextDouble() : 0.4 * random.nextDouble() - 0.2;
                y[e][b] = random.nextInt(2);
            }
        }

        // the tensor forms, for all members at once
        Matrix theta = Matrix.of(params);
        int mOff = net.metricOffset();
        Matrix block = ops.columns(theta, mOff, mOff + h.size());
        MetricTensorForm metricForm = assertInstanceOf(MetricTensorForm.class, h);
        Matrix hNodes = metricForm.nodeValues(ops, block);
        Matrix hLayers = metricForm.layerValues(ops, block);
        Matrix lambda = ops.column(theta, net.layout().offsetOf(HolographicNetwork.LAMBDA));
        Matrix own = null;
        if (!map.parameters().isEmpty()) {
            int from = net.layout().offsetOf(map.parameters().get(0).name());
            own = ops.columns(theta, from, from + map.parameters().stream().mapToInt(ParameterSpec::size).sum());
        }
        Phase<Matrix> start = assertInstanceOf(BoundaryTensorForm.class, map).initialPhase(ops, Matrix.of(x0), Matrix.of(x1), own, lambda);
        Phase<Matrix> end = assertInstanceOf(LayerTensorForm.class, layers).integrate(ops, hNodes, lambda, start);
        Matrix fValues = assertInstanceOf(HorizonTensorForm.class, f).horizonValue(ops, end, lambda);
        Matrix t = bump.value(ops, fValues);
        Matrix lossValues = assertInstanceOf(LossTensorForm.class, dataLoss).loss(ops, t, Matrix.of(y), BATCH);

        // the scalar path, member by member
        int finite = 0;
        for (int e = 0; e < MEMBERS; e++) {
            double[] nodes = new double[net.nodeCount()];
            h.values(params[e], mOff, nodes);
            for (int n = 0; n < nodes.length; n++) {
                assertEquals(nodes[n], hNodes.get(e, n), "h at node " + n);
            }
            for (int i = 0; i < GRID.layers(); i++) {
                assertEquals(h.layerValue(params[e], mOff, i), hLayers.get(e, i), "h at layer " + i);
            }
            double[] pair = new double[2];
            double[] fScalar = new double[BATCH];
            double[] tScalar = new double[BATCH];
            double[] phi0 = new double[BATCH];
            double[] pi0 = new double[BATCH];
            net.horizonValues(params[e], x0[e], x1[e], BATCH, fScalar, new HolographicNetwork.Workspace(net, 1));
            map.forward(params[e], net.boundaryOffset(), net.lambda(params[e]), x0[e], x1[e], BATCH, phi0, pi0);
            for (int b = 0; b < BATCH; b++) {
                assertEquals(phi0[b], start.phi().get(e, b), "phi at eta_ini");
                assertEquals(pi0[b], start.pi().get(e, b), "pi at eta_ini");
                assertEquals(fScalar[b], fValues.get(e, b), "F of sample " + b);
                bump.evaluate(fScalar[b], pair);
                tScalar[b] = pair[0];
                assertEquals(tScalar[b], t.get(e, b), "t of sample " + b);
                finite += Double.isFinite(fScalar[b]) ? 1 : 0;
            }
            assertEquals(dataLoss.evaluate(tScalar, y[e], BATCH, null), lossValues.get(e, 0), "data loss of member " + e);
            for (Regulariser r : regularisers) {
                Matrix penalty = assertInstanceOf(RegulariserTensorForm.class, r).penalty(ops, block);
                assertEquals(r.evaluate(params[e], mOff, null), penalty.get(e, 0), r.getClass().getSimpleName());
            }
        }
        assertTrue(finite > MEMBERS * BATCH / 2, finite + " finite F of " + MEMBERS * BATCH);
    }

    /** Broadcasting as NumPy does, and a mismatch refused. */
    @Test
    void broadcastsRowsColumnsAndScalars() {
        Matrix a = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Matrix sum = ops.add(ops.add(a, ops.column(a, 0)), ops.row(new double[] {10, 20, 30}));
        assertEquals(List.of(12.0, 23.0, 34.0, 18.0, 29.0, 40.0), boxed(ops.add(sum, 0.0)));
        assertEquals(List.of(6.0, 15.0), boxed(ops.sumColumns(a)));
        assertEquals(List.of(3.0, 1.0, 6.0, 4.0), boxed(ops.linear(a, new double[][] {{0, 0, 1}, {1, 0, 0}})));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ops.add(a, ops.row(new double[] {1, 2}))).getMessage().contains("cannot broadcast"));
        // tanh from one exponential: odd, and equal to Math.tanh to rounding
        for (double x : new double[] {-3, -0.5, 0, 1e-9, 0.7, 20}) {
            double v = ops.tanh(ops.constant(x)).get(0, 0);
            assertEquals(Math.tanh(x), v, 2e-16 * Math.max(1, Math.abs(v)));
            assertEquals(-v, ops.tanh(ops.constant(-x)).get(0, 0));
        }
    }

    private static List<Double> boxed(Matrix m) {
        List<Double> out = new ArrayList<>();
        for (double v : m.values()) {
            out.add(v);
        }
        return out;
    }
}
