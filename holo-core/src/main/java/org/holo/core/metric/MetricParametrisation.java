package org.holo.core.metric;

/**
 * How the trainable metric parameters give h at the radial nodes a layer map reads.
 * Linear or not, it must supply the vector–Jacobian product for the adjoint pass.
 */
public interface MetricParametrisation {

    /** Number of parameters in the metric block of the parameter vector. */
    int size();

    /** Writes h at every node into {@code hNodes}, reading the parameters at {@code params[offset…]}. */
    void values(double[] params, int offset, double[] hNodes);

    /** Adds (∂h_nodes/∂θ)ᵀ · dNodes into {@code grad[offset…]}. */
    void backward(double[] params, int offset, double[] dNodes, double[] grad);
}
