package org.holo.core.tensor;

/**
 * The tensor form of a metric parametrisation ({@link org.holo.core.metric.MetricParametrisation}): h from the
 * parametrisation's parameter block, (E × size), its blocks side by side in the order it declares them.
 */
public interface MetricTensorForm {

    /** h at the layer scheme's nodes, (E × nodes): what {@code values} writes. */
    <T> T nodeValues(Tensors<T> ops, T block);

    /** h at the layer positions η_0 … η_{N−1}, (E × N): what {@code layerValue} gives. */
    <T> T layerValues(Tensors<T> ops, T block);

    /** What the smoothness penalty acts on at each layer, (E × N): h itself unless the parametrisation says otherwise. */
    default <T> T smoothedValues(Tensors<T> ops, T block) {
        return layerValues(ops, block);
    }
}
