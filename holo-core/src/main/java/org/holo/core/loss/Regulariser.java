package org.holo.core.loss;

/** A penalty on the metric block of the parameter vector (its per-layer weights first). */
public interface Regulariser {

    /** Returns the penalty and adds its gradient into {@code grad[offset…]} when grad is not null. */
    double evaluate(double[] params, int offset, double[] grad);

    /** The name it is registered under, for messages (a tensor backend's refusal). */
    default String name() {
        return getClass().getSimpleName();
    }
}
