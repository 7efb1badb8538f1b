package org.holo.core.loss;

import org.holo.core.RadialGrid;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.tensor.RegulariserTensorForm;
import org.holo.core.tensor.Tensors;

/**
 * Σ_{i=1}^{N−1} c_i (h_i − h_{i−1})² with c_i = c · η̂_i⁴, η̂_i = η_ini + (i − 1)Δη (physics.md §5): strong
 * near the boundary, weak near the horizon so that h ≈ 1/η stays possible. It acts on what the metric
 * parametrisation calls its smoothed values ({@link MetricParametrisation#smoothedValue}): h at the layers, or
 * for c/η + r the remainder r_i, so that the built-in 1/η rise is not penalised.
 */
public final class SmoothnessRegulariser implements Regulariser, RegulariserTensorForm {

    public static final String NAME = "smoothness";
    /** c_i = c η̂_i⁴ (the papers) or c_i = c. */
    public static final String ETA4 = "eta4";
    public static final String UNIFORM = "uniform";

    private final double[] weight;
    private final double[] weightRow; // c_1 … c_{N−1}, for the tensor form
    private final MetricParametrisation metric;

    /** The papers' weights c_i = c η̂_i⁴. */
    public SmoothnessRegulariser(double coefficient, RadialGrid grid) {
        this(coefficient, grid, false);
    }

    /** On per-layer weights stored at the start of the metric block. */
    public SmoothnessRegulariser(double coefficient, RadialGrid grid, boolean uniform) {
        this(coefficient, grid, uniform, null);
    }

    /**
     * With {@code uniform}, c_i = c at every layer: for the remainder of c/η + r, which has no horizon rise to
     * protect, so that it is held smooth where the data do not see it rather than left at its initial values.
     */
    public SmoothnessRegulariser(double coefficient, RadialGrid grid, boolean uniform, MetricParametrisation metric) {
        this.metric = metric;
        if (!(coefficient >= 0.0) || !Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("smoothness regularisation coefficient must be finite and >= 0, got " + coefficient);
        }
        int n = grid.layers();
        this.weight = new double[n];
        for (int i = 1; i < n; i++) {
            double etaHat = grid.etaIni() + (i - 1) * grid.step();
            weight[i] = uniform ? coefficient : coefficient * etaHat * etaHat * etaHat * etaHat;
        }
        this.weightRow = java.util.Arrays.copyOfRange(weight, Math.min(1, n), n);
    }

    /** c_i, with c_0 = 0 (unused). */
    public double weight(int i) {
        return weight[i];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double evaluate(double[] params, int offset, double[] grad) {
        double sum = 0.0;
        for (int i = 1; i < weight.length; i++) {
            double diff = metric == null ? params[offset + i] - params[offset + i - 1]
                    : metric.smoothedValue(params, offset, i) - metric.smoothedValue(params, offset, i - 1);
            sum += weight[i] * diff * diff;
            if (grad != null) {
                double g = 2.0 * weight[i] * diff;
                if (metric == null) {
                    grad[offset + i] += g;
                    grad[offset + i - 1] -= g;
                } else {
                    metric.smoothedValueBackward(params, offset, i, g, grad);
                    metric.smoothedValueBackward(params, offset, i - 1, -g, grad);
                }
            }
        }
        return sum;
    }

    /** The tensor form of {@link #evaluate}: Σ_i (c_i Δ_i) Δ_i over the smoothed values' differences Δ_i; null for one layer. */
    @Override
    public <T> T penalty(Tensors<T> ops, T metricBlock) {
        int n = weight.length;
        if (n < 2) {
            return null;
        }
        T values = metric == null ? ops.columns(metricBlock, 0, n)
                : RegulariserTensorForms.metric(metric).smoothedValues(ops, metricBlock);
        T diff = ops.sub(ops.columns(values, 1, n), ops.columns(values, 0, n - 1));
        return ops.sumColumns(ops.mul(ops.mul(diff, ops.row(weightRow)), diff));
    }

    /**
     * Registers the smoothness penalty; {@code training.smoothnessRegularisation} and {@code training.smoothnessProfile}
     * configure the one every run has.
     */
    public static final class Provider implements RegulariserProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "sum_i c_i (w_i - w_{i-1})^2 over the layers, c_i = c eta_i^4 (eta4) or c (uniform)";
        }

        @Override
        public Regulariser create(ModelContext context, MetricParametrisation metric, Settings settings) {
            double c = settings.number("coefficient", 0.01);
            if (!(c >= 0.0) || !Double.isFinite(c)) {
                throw settings.invalid("coefficient", "must be finite and >= 0, got " + c);
            }
            String profile = settings.text("profile", ETA4);
            if (!ETA4.equals(profile) && !UNIFORM.equals(profile)) {
                throw settings.invalid("profile", "unknown value '" + profile + "' (expected one of " + ETA4 + ", " + UNIFORM + ")");
            }
            return new SmoothnessRegulariser(c, context.grid(), UNIFORM.equals(profile), metric);
        }
    }
}
