package org.holo.core.tensor;

/**
 * The tensor form of a layer scheme ({@link org.holo.core.layer.LayerMap}): the same N layers as its
 * {@code forward}, over a whole mini-batch of every member, written in {@link Tensors}. A tensor backend (djl)
 * runs it and differentiates it; a scheme without one trains only on the cpu backend.
 */
public interface LayerTensorForm {

    /**
     * Integrates from the state at η_ini through all N layers and returns the state at η_fin.
     *
     * @param hNodes h at the scheme's nodes, (E × nodes), in the order of {@code nodes()}
     * @param lambda the coupling λ, (E × 1)
     * @param start  (φ, π) at η_ini, each (E × B)
     */
    <T> Phase<T> integrate(Tensors<T> ops, T hNodes, T lambda, Phase<T> start);
}
