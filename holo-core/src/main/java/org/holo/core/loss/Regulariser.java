package org.holo.core.loss;

/** A penalty on the per-layer metric weights h_0 … h_{N−1}. */
public interface Regulariser {

    /** Returns the penalty and adds its gradient into {@code grad[offset…]} when grad is not null. */
    double evaluate(double[] params, int offset, double[] grad);
}
