package org.holo.core.loss;

import org.holo.core.metric.MetricParametrisation;

/**
 * Holds the metric at the boundary to AdS_{d+1}: c_bdy (d − h(η_0))² (physics.md §5). It acts on the value of h
 * at the first layer, whatever the parametrisation (for c/η + r that is c/η_0 + r_0).
 */
public final class BoundaryRegulariser implements Regulariser {

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
}
