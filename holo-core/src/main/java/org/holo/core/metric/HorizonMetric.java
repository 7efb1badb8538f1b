package org.holo.core.metric;

import java.util.List;
import java.util.Set;
import org.holo.core.RadialGrid;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.model.ParameterSpec;
import org.holo.core.tensor.MetricTensorForm;
import org.holo.core.tensor.Tensors;

/**
 * Horizon-aware parametrisation h(η) = c/η + r(η): the 1/η rise of a regular horizon is built in (with η the
 * proper distance, f ∝ η² and g → const there, so c = 1 for any non-degenerate horizon) and the network learns
 * the smooth remainder r as per-layer weights r_i, interpolated like {@link PerLayerMetric}. Parameters:
 * r_0 … r_{N−1}, then c.
 */
public final class HorizonMetric implements MetricParametrisation, MetricTensorForm {

    public static final String NAME = "horizon";
    /** The block of the horizon coefficient c. */
    public static final String COEFFICIENT = "c";

    private final PerLayerMetric remainder;
    private final double[] layerEtas;
    private final MetricStart start;
    private final double initialCoefficient;
    private final boolean trainCoefficient;
    private final int layers;
    private final double[] inverseNodeEta;
    private final double[] inverseLayerEta;

    /** Without a start (c = 1, fixed): for tests and readers that set the parameters themselves. */
    public HorizonMetric(RadialGrid grid, double[] nodeEtas) {
        this(grid, nodeEtas, null, 1.0, false);
    }

    public HorizonMetric(RadialGrid grid, double[] nodeEtas, MetricStart start, double coefficient, boolean trainCoefficient) {
        if (!(grid.etaFin() > 0.0)) {
            throw new IllegalArgumentException("the horizon-aware metric c/eta + r needs eta_fin > 0 (the horizon sits at eta = 0), got "
                    + grid.etaFin());
        }
        this.remainder = new PerLayerMetric(grid, nodeEtas);
        this.layers = grid.layers();
        this.layerEtas = grid.layerEtas();
        this.start = start;
        this.initialCoefficient = coefficient;
        this.trainCoefficient = trainCoefficient;
        this.inverseNodeEta = new double[nodeEtas.length];
        for (int n = 0; n < nodeEtas.length; n++) {
            inverseNodeEta[n] = 1.0 / nodeEtas[n];
        }
        this.inverseLayerEta = new double[layers];
        for (int i = 0; i < layers; i++) {
            inverseLayerEta[i] = 1.0 / grid.eta(i);
        }
    }

    /** Index of c inside the block. */
    public int coefficientIndex() {
        return layers;
    }

    /** 1/η at each node: h_nodes = M · r + c · (1/η_nodes), for tensor backends. */
    public double[] inverseNodeEtas() {
        return inverseNodeEta.clone();
    }

    /** The remainder's node matrix M (see {@link PerLayerMetric#nodeMatrix()}). */
    public double[][] nodeMatrix() {
        return remainder.nodeMatrix();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec(PerLayerMetric.WEIGHTS, layers, true,
                        (block, draws) -> PerLayerMetric.initialValues(start, layerEtas, initialCoefficient, block, draws),
                        Set.of("smoothness", "boundary")),
                new ParameterSpec(COEFFICIENT, 1, trainCoefficient, (block, draws) -> block[0] = initialCoefficient, Set.of("boundary")));
    }

    @Override
    public int size() {
        return layers + 1;
    }

    @Override
    public int layerWeights() {
        return layers;
    }

    @Override
    public void values(double[] params, int offset, double[] hNodes) {
        remainder.values(params, offset, hNodes);
        double c = params[offset + layers];
        for (int n = 0; n < hNodes.length; n++) {
            hNodes[n] += c * inverseNodeEta[n];
        }
    }

    @Override
    public void backward(double[] params, int offset, double[] dNodes, double[] grad) {
        remainder.backward(params, offset, dNodes, grad);
        double dc = 0.0;
        for (int n = 0; n < dNodes.length; n++) {
            dc += dNodes[n] * inverseNodeEta[n];
        }
        grad[offset + layers] += dc;
    }

    @Override
    public double layerValue(double[] params, int offset, int i) {
        return params[offset + i] + params[offset + layers] * inverseLayerEta[i];
    }

    @Override
    public void layerValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        grad[offset + i] += d;
        grad[offset + layers] += d * inverseLayerEta[i];
    }

    /** The smoothness penalty acts on the remainder r_i: the 1/η rise is built in, not penalised. */
    @Override
    public double smoothedValue(double[] params, int offset, int i) {
        return params[offset + i];
    }

    @Override
    public void smoothedValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        grad[offset + i] += d;
    }

    /** The tensor form of {@link #values}: the remainder's interpolation, then c · (1/η) added at each node. */
    @Override
    public <T> T nodeValues(Tensors<T> ops, T block) {
        T c = ops.column(block, layers);
        return ops.add(remainder.nodeValues(ops, ops.columns(block, 0, layers)), ops.mul(c, ops.row(inverseNodeEta)));
    }

    /** The tensor form of {@link #layerValue}: r_i + c/η_i. */
    @Override
    public <T> T layerValues(Tensors<T> ops, T block) {
        return ops.add(ops.columns(block, 0, layers), ops.mul(ops.column(block, layers), ops.row(inverseLayerEta)));
    }

    /** The remainder r_i, as {@link #smoothedValue}. */
    @Override
    public <T> T smoothedValues(Tensors<T> ops, T block) {
        return ops.columns(block, 0, layers);
    }

    /** Registers the horizon-aware parametrisation. */
    public static final class Provider implements MetricProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "h = c/eta + r: a regular horizon's 1/eta rise built in, the remainder r_i trained per layer";
        }

        @Override
        public MetricParametrisation create(ModelContext context, double[] nodes, MetricStart start, Settings settings) {
            double c = settings.number("horizonCoefficient", 1.0);
            if (!Double.isFinite(c)) {
                throw settings.invalid("horizonCoefficient", "must be a finite number, got " + c);
            }
            return new HorizonMetric(context.grid(), nodes, start, c, settings.flag("trainHorizonCoefficient", false));
        }
    }
}
