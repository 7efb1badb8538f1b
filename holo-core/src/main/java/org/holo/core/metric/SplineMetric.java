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
 * A smooth metric: the natural cubic spline in η through K knots evenly spaced from η_ini (knot 0, the boundary)
 * to η_fin (knot K − 1), whose values h at the knots are the parameters (block {@value #KNOT_VALUES}). A spline
 * is linear in its knot values, so h at the layer scheme's nodes is a fixed matrix times them, built once; the
 * adjoint is its transpose. Natural: h'' = 0 at both ends, so beyond the knots h continues as a straight line.
 * The start is set at the knots (independent of N): draws in knot order from the boundary, a constant, or a
 * named exact metric's values there.
 */
public final class SplineMetric implements MetricParametrisation, MetricTensorForm {

    public static final String NAME = "spline";
    /** The block of the knot values h(t_0) … h(t_{K−1}). */
    public static final String KNOT_VALUES = "hKnots";
    public static final int DEFAULT_KNOTS = 8;

    private final int knots;
    private final double etaIni;
    private final double spacing;
    private final MetricStart start;
    // h at node n = Σ_k w_nk h(t_k), w the spline weights at its η; the same at the layer positions
    private final LinearRows rows;

    /** Without a start: for tests and readers that set the knot values themselves. */
    public SplineMetric(RadialGrid grid, double[] nodeEtas, int knots) {
        this(grid, nodeEtas, knots, null);
    }

    public SplineMetric(RadialGrid grid, double[] nodeEtas, int knots, MetricStart start) {
        if (knots < 3) {
            throw new IllegalArgumentException("the spline metric needs at least 3 knots, got " + knots);
        }
        this.knots = knots;
        this.etaIni = grid.etaIni();
        this.spacing = (grid.etaIni() - grid.etaFin()) / (knots - 1);
        this.start = start;
        double[][] nodeWeights = new double[nodeEtas.length][];
        for (int n = 0; n < nodeEtas.length; n++) {
            nodeWeights[n] = weightsAt(nodeEtas[n]);
        }
        double[] layers = grid.layerEtas();
        double[][] layerWeights = new double[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            layerWeights[i] = weightsAt(layers[i]);
        }
        this.rows = new LinearRows(nodeWeights, layerWeights, knots);
    }

    public int knots() {
        return knots;
    }

    /** The knot positions t_0 = η_ini > … > t_{K−1} = η_fin. */
    public double[] knotEtas() {
        double[] t = new double[knots];
        for (int k = 0; k < knots; k++) {
            t[k] = etaIni - k * spacing;
        }
        return t;
    }

    /**
     * The row w with h(η) = Σ_k w_k h(t_k). In x = (η_ini − η)/spacing the knots sit at x = 0 … K−1; the spline's
     * second derivatives M solve M_{k−1} + 4M_k + M_{k+1} = 6(y_{k−1} − 2y_k + y_{k+1}) with M_0 = M_{K−1} = 0,
     * so each knot value's contribution is the spline through the unit vector e_j.
     */
    public double[] weightsAt(double eta) {
        double x = (etaIni - eta) / spacing;
        int k = (int) Math.floor(x);
        k = Math.max(0, Math.min(knots - 2, k));
        double t = x - k;
        double s = 1.0 - t;
        double[] w = new double[knots];
        int last = knots - 1;
        for (int j = 0; j < knots; j++) {
            double[] m = secondDerivatives(j);
            if (x < 0.0) {
                // before the boundary knot: the tangent there, S'(0) = y_1 − y_0 − M_1/6 (M_0 = 0)
                w[j] = unit(j, 0) + x * (unit(j, 1) - unit(j, 0) - m[1] / 6.0);
                continue;
            }
            if (x > last) {
                // beyond the horizon knot: S'(K−1) = y_{K−1} − y_{K−2} + M_{K−2}/6 (M_{K−1} = 0)
                w[j] = unit(j, last) + (x - last) * (unit(j, last) - unit(j, last - 1) + m[last - 1] / 6.0);
                continue;
            }
            double yk = j == k ? 1.0 : 0.0;
            double yk1 = j == k + 1 ? 1.0 : 0.0;
            w[j] = s * yk + t * yk1 + ((s * s * s - s) * m[k] + (t * t * t - t) * m[k + 1]) / 6.0;
        }
        return w;
    }

    private static double unit(int j, int k) {
        return j == k ? 1.0 : 0.0;
    }

    /** M for the knot values e_j (Thomas algorithm on the tridiagonal system). */
    private double[] secondDerivatives(int j) {
        int inner = knots - 2;
        double[] rhs = new double[inner];
        for (int r = 0; r < inner; r++) {
            int k = r + 1;
            double y = (k - 1 == j ? 1.0 : 0.0) - 2.0 * (k == j ? 1.0 : 0.0) + (k + 1 == j ? 1.0 : 0.0);
            rhs[r] = 6.0 * y;
        }
        double[] c = new double[inner];
        double[] d = new double[inner];
        for (int r = 0; r < inner; r++) {
            double denom = 4.0 - (r > 0 ? c[r - 1] : 0.0);
            c[r] = 1.0 / denom;
            d[r] = (rhs[r] - (r > 0 ? d[r - 1] : 0.0)) / denom;
        }
        double[] m = new double[knots];
        for (int r = inner - 1; r >= 0; r--) {
            m[r + 1] = d[r] - (r < inner - 1 ? c[r] * m[r + 2] : 0.0);
        }
        return m;
    }

    /** The node matrix, a copy: h_nodes = W · hKnots. */
    public double[][] nodeMatrix() {
        return rows.nodeMatrix();
    }

    /** h at any η from the knot values at {@code params[offset…]}. */
    public double valueAt(double[] params, int offset, double eta) {
        return LinearRows.dot(weightsAt(eta), params, offset);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(KNOT_VALUES, knots, true, this::initialise, Set.of("smoothness", "boundary")));
    }

    private void initialise(double[] block, ParameterSpec.NormalDraws draws) {
        PerLayerMetric.initialValues(start, knotEtas(), 0.0, block, draws);
    }

    @Override
    public int size() {
        return knots;
    }

    @Override
    public int layerWeights() {
        return 0;
    }

    @Override
    public void values(double[] params, int offset, double[] hNodes) {
        rows.values(params, offset, hNodes);
    }

    @Override
    public void backward(double[] params, int offset, double[] dNodes, double[] grad) {
        rows.backward(dNodes, offset, grad);
    }

    @Override
    public double layerValue(double[] params, int offset, int i) {
        return rows.layerValue(params, offset, i);
    }

    @Override
    public void layerValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        rows.layerValueBackward(i, d, offset, grad);
    }

    @Override
    public <T> T nodeValues(Tensors<T> ops, T block) {
        return rows.nodeValues(ops, block);
    }

    @Override
    public <T> T layerValues(Tensors<T> ops, T block) {
        return rows.layerValues(ops, block);
    }

    /** Registers the spline parametrisation. */
    public static final class Provider implements MetricProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "natural cubic spline in eta through K evenly spaced knots from eta_ini to eta_fin, the knot values trained";
        }

        @Override
        public MetricParametrisation create(ModelContext context, double[] nodes, MetricStart start, Settings settings) {
            int knots = settings.integer("knots", DEFAULT_KNOTS);
            if (knots < 3) {
                throw settings.invalid("knots", "must be at least 3 (through 2 knots a natural spline is a straight line), got " + knots);
            }
            return new SplineMetric(context.grid(), nodes, knots, start);
        }
    }
}
