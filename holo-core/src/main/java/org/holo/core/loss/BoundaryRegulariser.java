package org.holo.core.loss;

/** Holds the metric at the boundary to AdS_{d+1}: c_bdy (d − h_0)² (physics.md §5). */
public final class BoundaryRegulariser implements Regulariser {

    private final double coefficient;
    private final double target;

    public BoundaryRegulariser(double coefficient, int dimension) {
        if (!(coefficient >= 0.0) || !Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("boundary regularisation coefficient must be finite and >= 0, got " + coefficient);
        }
        this.coefficient = coefficient;
        this.target = dimension;
    }

    @Override
    public double evaluate(double[] params, int offset, double[] grad) {
        double r = target - params[offset];
        if (grad != null) {
            grad[offset] -= 2.0 * coefficient * r;
        }
        return coefficient * r * r;
    }
}
