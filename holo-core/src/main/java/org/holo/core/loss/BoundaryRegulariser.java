package org.holo.core.loss;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.metric.MetricParametrisation;
import org.holo.core.tensor.RegulariserTensorForm;
import org.holo.core.tensor.Tensors;

/**
 * Holds the metric at the boundary to AdS_{d+1}: c_bdy (d − h(η_0))² (physics.md §5). It acts on the value of h
 * at the first layer, whatever the parametrisation (for c/η + r that is c/η_0 + r_0).
 */
public final class BoundaryRegulariser implements Regulariser, RegulariserTensorForm {

    public static final String NAME = "boundary";

    private final double coefficient;
    private final double target;
    private final MetricParametrisation metric;

    /** On per-layer weights, where h(η_0) is the first weight. */
    public BoundaryRegulariser(double coefficient, int dimension) {
        this(coefficient, dimension, null);
    }

    public BoundaryRegulariser(double coefficient, int dimension, MetricParametrisation metric) {
        if (!(coefficient >= 0.0) || !Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("boundary regularisation coefficient must be finite and >= 0, got " + coefficient);
        }
        this.coefficient = coefficient;
        this.target = dimension;
        this.metric = metric;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double evaluate(double[] params, int offset, double[] grad) {
        double h0 = metric == null ? params[offset] : metric.layerValue(params, offset, 0);
        double r = target - h0;
        if (grad != null) {
            if (metric == null) {
                grad[offset] -= 2.0 * coefficient * r;
            } else {
                metric.layerValueBackward(params, offset, 0, -2.0 * coefficient * r, grad);
            }
        }
        return coefficient * r * r;
    }

    /**
     * The tensor form of {@link #evaluate}: (c_bdy r) r with r = d − h(η_0), h(η_0) from the metric's tensor form
     * (which it must have: {@link RegulariserTensorForms#metric}).
     */
    @Override
    public <T> T penalty(Tensors<T> ops, T metricBlock) {
        T h0 = metric == null ? ops.column(metricBlock, 0)
                : ops.column(RegulariserTensorForms.metric(metric).layerValues(ops, metricBlock), 0);
        T r = ops.neg(ops.sub(h0, target)); // d − h_0, exactly: IEEE rounding is symmetric under negation
        return ops.mul(ops.mul(r, coefficient), r);
    }

    /** Registers the boundary penalty; {@code training.boundaryRegularisation} configures the one every run has. */
    public static final class Provider implements RegulariserProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "c (d - h(eta_0))^2: holds the metric at the boundary to AdS_{d+1}";
        }

        @Override
        public Regulariser create(ModelContext context, MetricParametrisation metric, Settings settings) {
            double c = settings.number("coefficient", 0.01);
            if (!(c >= 0.0) || !Double.isFinite(c)) {
                throw settings.invalid("coefficient", "must be finite and >= 0, got " + c);
            }
            return new BoundaryRegulariser(c, context.theory().dimension(), metric);
        }
    }
}
