package org.holo.core.metric;

/**
 * How the trainable metric parameters give h at the radial nodes a layer map reads.
 * Linear or not, it must supply the vector–Jacobian product for the adjoint pass.
 * The first {@link #layerWeights()} parameters of the block are per-layer weights (the smooth part the
 * smoothness penalty acts on); any further ones are the parametrisation's own (e.g. a horizon coefficient).
 */
public interface MetricParametrisation {

    /** Number of parameters in the metric block of the parameter vector. */
    int size();

    /** Number of per-layer weights at the start of the block. */
    int layerWeights();

    /** Writes h at every node into {@code hNodes}, reading the parameters at {@code params[offset…]}. */
    void values(double[] params, int offset, double[] hNodes);

    /** Adds (∂h_nodes/∂θ)ᵀ · dNodes into {@code grad[offset…]}. */
    void backward(double[] params, int offset, double[] dNodes, double[] grad);

    /** h at layer position η_i. */
    double layerValue(double[] params, int offset, int i);

    /** Adds d · ∂h(η_i)/∂θ into {@code grad[offset…]}. */
    void layerValueBackward(double[] params, int offset, int i, double d, double[] grad);

    /** h at the layer positions η_0 … η_{N−1}: the learned metric as exported. */
    default void layerValues(double[] params, int offset, double[] hLayers) {
        for (int i = 0; i < hLayers.length; i++) {
            hLayers[i] = layerValue(params, offset, i);
        }
    }
}
