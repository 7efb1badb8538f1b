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
 * The papers' parametrisation: one weight h_i per layer, at η_i. Between grid points (where a higher-order
 * layer map needs h) the weights are interpolated by the cubic Lagrange polynomial through the four nearest
 * layer positions, so the interpolation error O(Δη⁴) does not spoil a fourth-order scheme.
 */
public final class PerLayerMetric implements MetricParametrisation, MetricTensorForm {

    public static final String NAME = "per-layer";
    /** The block of the per-layer weights h_i. */
    public static final String WEIGHTS = "h";

    private final int layers;
    private final double[] layerEtas;
    private final MetricStart start;
    // node n reads weights index[n][k] with coefficient weight[n][k]
    private final int[][] index;
    private final double[][] weight;
    // the same interpolation as one dense matrix, built on first use by a tensor form
    private volatile double[][] denseNodeRows;

    /** Without a start: for tests and readers that set the parameters themselves. */
    public PerLayerMetric(RadialGrid grid, double[] nodeEtas) {
        this(grid, nodeEtas, null);
    }

    public PerLayerMetric(RadialGrid grid, double[] nodeEtas, MetricStart start) {
        this.layers = grid.layers();
        this.layerEtas = grid.layerEtas();
        this.start = start;
        this.index = new int[nodeEtas.length][];
        this.weight = new double[nodeEtas.length][];
        for (int n = 0; n < nodeEtas.length; n++) {
            double t = (nodeEtas[n] - grid.etaIni()) / grid.step(); // position in units of layers
            long nearest = Math.round(t);
            if (Math.abs(t - nearest) < 1e-9 && nearest >= 0 && nearest < layers) {
                index[n] = new int[] {(int) nearest};
                weight[n] = new double[] {1.0};
            } else {
                stencil(n, t);
            }
        }
    }

    private void stencil(int n, double t) {
        int points = Math.min(4, layers);
        int start = (int) Math.floor(t) - (points - 1) / 2;
        start = Math.max(0, Math.min(layers - points, start));
        index[n] = new int[points];
        weight[n] = new double[points];
        for (int k = 0; k < points; k++) {
            int j = start + k;
            double w = 1.0;
            for (int m = 0; m < points; m++) {
                if (m != k) {
                    w *= (t - (start + m)) / (double) (j - (start + m));
                }
            }
            index[n][k] = j;
            weight[n][k] = w;
        }
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(WEIGHTS, layers, true, (block, draws) -> initialValues(start, layerEtas, 0.0, block, draws),
                Set.of("smoothness", "boundary")));
    }

    /**
     * The start of per-layer weights at η_i: a draw or a constant, or the named exact metric minus {@code coefficient}/η_i
     * (the part a parametrisation builds in). Draws are taken in layer order from the boundary.
     */
    static void initialValues(MetricStart start, double[] etas, double coefficient, double[] block, ParameterSpec.NormalDraws draws) {
        if (start == null) {
            throw new IllegalStateException("the metric was built without a start (model.metricInit)");
        }
        Metric exact = start.exact();
        for (int i = 0; i < block.length; i++) {
            switch (start.type()) {
                case "normal":
                    block[i] = draws.gaussian(start.mean(), start.std());
                    break;
                case "constant":
                    block[i] = start.mean();
                    break;
                default:
                    block[i] = exact.h(etas[i]) - (coefficient != 0.0 ? coefficient / etas[i] : 0.0);
            }
        }
    }

    @Override
    public int size() {
        return layers;
    }

    @Override
    public int layerWeights() {
        return layers;
    }

    @Override
    public double layerValue(double[] params, int offset, int i) {
        return params[offset + i];
    }

    @Override
    public void layerValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        grad[offset + i] += d;
    }

    /**
     * The linear map from the layer weights to the nodes, read-only (a copy): entry [n][i] is the coefficient of
     * h_i in h at node n, so that h_nodes = M · h. Tensor backends apply it as one matrix product.
     */
    public double[][] nodeMatrix() {
        double[][] m = new double[index.length][layers];
        for (int n = 0; n < index.length; n++) {
            for (int k = 0; k < index[n].length; k++) {
                m[n][index[n][k]] += weight[n][k];
            }
        }
        return m;
    }

    @Override
    public void values(double[] params, int offset, double[] hNodes) {
        for (int n = 0; n < index.length; n++) {
            int[] idx = index[n];
            double[] w = weight[n];
            double h = 0.0;
            for (int k = 0; k < idx.length; k++) {
                h += w[k] * params[offset + idx[k]];
            }
            hNodes[n] = h;
        }
    }

    @Override
    public void backward(double[] params, int offset, double[] dNodes, double[] grad) {
        for (int n = 0; n < index.length; n++) {
            int[] idx = index[n];
            double[] w = weight[n];
            for (int k = 0; k < idx.length; k++) {
                grad[offset + idx[k]] += w[k] * dNodes[n];
            }
        }
    }

    /** The tensor form of {@link #values}: the node matrix applied to the weights, one matrix product. */
    @Override
    public <T> T nodeValues(Tensors<T> ops, T block) {
        double[][] rows = denseNodeRows;
        if (rows == null) {
            rows = nodeMatrix();
            denseNodeRows = rows;
        }
        return ops.linear(block, rows);
    }

    /** The weights are h at the layers. */
    @Override
    public <T> T layerValues(Tensors<T> ops, T block) {
        return block;
    }

    /** Registers the per-layer parametrisation. */
    public static final class Provider implements MetricProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "one trainable weight h_i per layer, cubic Lagrange interpolation between layers (the papers)";
        }

        @Override
        public MetricParametrisation create(ModelContext context, double[] nodes, MetricStart start, Settings settings) {
            return new PerLayerMetric(context.grid(), nodes, start);
        }
    }
}
