package org.holo.core.tensor;

/** The tensor form of a boundary map ({@link org.holo.core.boundary.BoundaryMap}): boundary data to (φ, π) at η_ini. */
public interface BoundaryTensorForm {

    /**
     * @param x0     the first input column, (E × B)
     * @param x1     the second input column, (E × B)
     * @param block  the map's own parameter blocks side by side, (E × size), or null when it declares none
     * @param lambda the coupling λ, (E × 1)
     */
    <T> Phase<T> initialPhase(Tensors<T> ops, T x0, T x1, T block, T lambda);
}
