package org.holo.core.metric;

import java.util.List;
import org.holo.core.model.ParameterSpec;

/**
 * How the trainable metric parameters give h at the radial nodes a layer map reads.
 * Linear or not, it must supply the vector–Jacobian product for the adjoint pass.
 * Its parameters are the blocks it declares in {@link #parameters()}, contiguous in that order from the metric's
 * offset in the parameter vector.
 */
public interface MetricParametrisation {

    /** The blocks this parametrisation adds to the parameter vector, in order; their sizes add up to {@link #size()}. */
    List<ParameterSpec> parameters();

    /** Number of parameters in the metric block of the parameter vector. */
    int size();

    /** Number of per-layer weights at the start of the block (0 for a parametrisation without them). */
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

    /**
     * The function of η the smoothness penalty acts on, at layer i: h itself by default; a parametrisation with
     * a built-in rise (c/η + r) smooths only its remainder.
     */
    default double smoothedValue(double[] params, int offset, int i) {
        return layerValue(params, offset, i);
    }

    /** Adds d · ∂(smoothed value at layer i)/∂θ into {@code grad[offset…]}. */
    default void smoothedValueBackward(double[] params, int offset, int i, double d, double[] grad) {
        layerValueBackward(params, offset, i, d, grad);
    }
}
