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
 * A smooth metric h(η) = Σ_{k=0}^{D} a_k u^k, u = (2η − η_ini − η_fin)/(η_ini − η_fin) ∈ [−1, 1] (the metric of
 * arXiv:2006.00712, "Neural ODE and holographic QCD", has D = 8). The polynomial is written in u rather than η so
 * that the basis is well conditioned: on [η_fin, η_ini] ⊂ (0, 1] the powers η^k are nearly collinear (the
 * Vandermonde matrix's condition number grows like 10^D), on [−1, 1] only slowly. h is a function of η, not of the
 * grid, so with rk4 at many layers the network is the continuous-depth model.
 *
 * <p>Parameters: one block {@value #COEFFICIENTS} of D + 1 coefficients a_0 … a_D. The start is independent of N:
 * h is set at the D + 1 Chebyshev points of [η_fin, η_ini] (boundary first) and interpolated, which is the
 * least-squares fit with zero residual there; {@code normal} draws h at those points, a named exact metric gives it,
 * {@code constant} sets a_0 = mean and the rest 0.
 */
public final class PolynomialMetric implements MetricParametrisation, MetricTensorForm {

    public static final String NAME = "polynomial";
    /** The block of the coefficients a_0 … a_D. */
    public static final String COEFFICIENTS = "a";
    /** The default degree: arXiv:2006.00712's. */
    public static final int DEFAULT_DEGREE = 8;

    private final int degree;
    private final double centre;
    private final double halfWidth;
    private final MetricStart start;
    // u^k at the nodes and at the layer positions: h there is these rows times a
    private final LinearRows rows;

    /** Without a start: for tests and readers that set the coefficients themselves. */
    public PolynomialMetric(RadialGrid grid, double[] nodeEtas, int degree) {
        this(grid, nodeEtas, degree, null);
    }

    public PolynomialMetric(RadialGrid grid, double[] nodeEtas, int degree, MetricStart start) {
        if (degree < 1) {
            throw new IllegalArgumentException("the polynomial metric needs degree >= 1, got " + degree);
        }
        this.degree = degree;
        this.centre = 0.5 * (grid.etaIni() + grid.etaFin());
        this.halfWidth = 0.5 * (grid.etaIni() - grid.etaFin());
        this.start = start;
        this.rows = new LinearRows(powers(nodeEtas), powers(grid.layerEtas()), degree + 1);
    }

    public int degree() {
        return degree;
    }

    /** u(η): η_fin → −1, η_ini → +1. */
    public double u(double eta) {
        return (eta - centre) / halfWidth;
    }

    private double[][] powers(double[] etas) {
        double[][] p = new double[etas.length][degree + 1];
        for (int n = 0; n < etas.length; n++) {
            double u = u(etas[n]);
            p[n][0] = 1.0;
            for (int k = 1; k <= degree; k++) {
                p[n][k] = p[n][k - 1] * u;
            }
        }
        return p;
    }

    /** h at any η (inside or outside the grid), from the coefficients at {@code params[offset…]}. */
    public double valueAt(double[] params, int offset, double eta) {
        double u = u(eta);
        double h = 0.0;
        for (int k = degree; k >= 0; k--) {
            h = h * u + params[offset + k];
        }
        return h;
    }

    /** The D + 1 Chebyshev points of the first kind on [η_fin, η_ini], boundary first: where the start is set. */
    public double[] chebyshevEtas() {
        double[] eta = new double[degree + 1];
        for (int j = 0; j <= degree; j++) {
            eta[j] = centre + halfWidth * StrictMath.cos((2 * j + 1) * StrictMath.PI / (2 * (degree + 1)));
        }
        return eta;
    }

    /** The coefficients whose polynomial takes the values {@code h} at {@code etas} (least squares when overdetermined). */
    public double[] fit(double[] etas, double[] h) {
        return LeastSquares.solve(powers(etas), h);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec(COEFFICIENTS, degree + 1, true, this::initialise, Set.of("smoothness", "boundary")));
    }

    private void initialise(double[] block, ParameterSpec.NormalDraws draws) {
        if (start == null) {
            throw new IllegalStateException("the metric was built without a start (model.metricInit)");
        }
        if ("constant".equals(start.type())) {
            java.util.Arrays.fill(block, 0.0);
            block[0] = start.mean();
            return;
        }
        double[] etas = chebyshevEtas();
        double[] h = new double[etas.length];
        Metric exact = start.exact();
        for (int j = 0; j < etas.length; j++) {
            h[j] = exact == null ? draws.gaussian(start.mean(), start.std()) : exact.h(etas[j]);
        }
        System.arraycopy(fit(etas, h), 0, block, 0, block.length);
    }

    @Override
    public int size() {
        return degree + 1;
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

    /** Registers the polynomial parametrisation. */
    public static final class Provider implements MetricProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "h = sum_k a_k u^k, a polynomial of degree D in eta mapped onto [-1, 1] (degree 8: the Neural-ODE QCD metric)";
        }

        @Override
        public MetricParametrisation create(ModelContext context, double[] nodes, MetricStart start, Settings settings) {
            int degree = settings.integer("degree", DEFAULT_DEGREE);
            if (degree < 1 || degree > 30) {
                throw settings.invalid("degree", "must be between 1 and 30 (beyond, the monomial basis loses precision), got " + degree);
            }
            return new PolynomialMetric(context.grid(), nodes, degree, start);
        }
    }
}
